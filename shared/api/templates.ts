// Templates: a name, how the coordinator counts (months or weeks) and the blocks in order.
import { z } from 'zod';
import { blockSchema } from '../format/problem';
import { ruleCheck, ruleIssue } from '../format/rules';
import { expectedAssessmentsSchema } from './assessments';
import { storedSchema, versionSchema } from './common';

/**
 * A block as the template API has it: the problem format's block and the assessments each of
 * its placements expects (kind id → count; none when absent). The assessments are the checklist's,
 * never the solver's: they stay out of `bt-planning-problem/1`.
 */
export const templateBlockSchema = blockSchema.safeExtend({ assessments: expectedAssessmentsSchema.optional() });

/** The first id that two blocks share, if any. */
function firstDuplicate(blocks: { id: string }[]): string | undefined {
  const seen = new Set<string>();
  return blocks.find((b) => seen.size === seen.add(b.id).size)?.id;
}

export const templateBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    unit: z.enum(['months', 'weeks']),
    blocks: z.array(templateBlockSchema).min(1),
  })
  .check(ruleCheck('block-ids-unique', (t: { blocks: { id: string }[] }) => !firstDuplicate(t.blocks), (t) => ({ id: firstDuplicate(t.blocks) ?? '' }), { path: ['blocks'] }))
  .superRefine((t, ctx) => {
    t.blocks.forEach((b, i) => {
      if (b.offset !== undefined && b.at !== undefined) ctx.addIssue({ ...ruleIssue('offset-or-at', {}), path: ['blocks', i, 'at'] });
    });
  });
export const templateUpdateSchema = templateBodySchema.safeExtend({ version: versionSchema });
export const templateResourceSchema = templateBodySchema.safeExtend(storedSchema.shape);

export type TemplateBody = z.infer<typeof templateBodySchema>;
export type TemplateUpdate = z.infer<typeof templateUpdateSchema>;
export type TemplateResource = z.infer<typeof templateResourceSchema>;
export type TemplateBlock = z.infer<typeof templateBlockSchema>;
