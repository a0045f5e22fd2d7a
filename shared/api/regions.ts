// Regions.
import { z } from 'zod';
import { ruleCheck } from '../format/rules';
import { assessmentKindSchema } from './assessments';
import { storedSchema, versionSchema } from './common';

/** The first id two kinds share, if any. */
function firstDuplicateKind(kinds: { id: string }[]): string | undefined {
  const seen = new Set<string>();
  return kinds.find((k) => seen.size === seen.add(k.id).size)?.id;
}

/** A region's assessment kinds (bedömningstyper), in the order its checklists show them. */
export const assessmentKindsSchema = z
  .array(assessmentKindSchema)
  .min(1)
  .max(30)
  .check(ruleCheck('assessment-kind-ids-unique', (kinds: { id: string }[]) => !firstDuplicateKind(kinds), (kinds) => ({ id: firstDuplicateKind(kinds) ?? '' })));

/** `assessmentKinds` absent: unchanged (the built-in ones for a new region). */
export const regionBodySchema = z.strictObject({ name: z.string().trim().min(1).max(200), assessmentKinds: assessmentKindsSchema.optional() });
export const regionUpdateSchema = regionBodySchema.extend({ version: versionSchema });
export const regionSchema = storedSchema.extend({ name: z.string(), assessmentKinds: z.array(assessmentKindSchema) });

export type RegionBody = z.infer<typeof regionBodySchema>;
export type RegionUpdate = z.infer<typeof regionUpdateSchema>;
export type Region = z.infer<typeof regionSchema>;

export const auditEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
