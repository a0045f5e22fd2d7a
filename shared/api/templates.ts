// Templates: a name, how the coordinator counts (months or weeks) and the blocks in order.
import { z } from 'zod';
import { blockSchema } from '../format/problem';
import { ruleCheck, ruleIssue } from '../format/rules';
import { storedSchema, versionSchema } from './common';

/** The first id that two blocks share, if any. */
function firstDuplicate(blocks: { id: string }[]): string | undefined {
  const seen = new Set<string>();
  return blocks.find((b) => seen.size === seen.add(b.id).size)?.id;
}

export const templateBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    unit: z.enum(['months', 'weeks']),
    blocks: z.array(blockSchema).min(1),
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
