// Regions.
import { z } from 'zod';
import { storedSchema, versionSchema } from './common';

export const regionBodySchema = z.strictObject({ name: z.string().trim().min(1).max(200) });
export const regionUpdateSchema = regionBodySchema.extend({ version: versionSchema });
export const regionSchema = storedSchema.extend({ name: z.string() });

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
