// Templates: a name, how the coordinator counts (months or weeks) and the blocks in order.
import { z } from 'zod';
import { blockSchema } from '../format/problem';
import { storedSchema, versionSchema } from './common';

export const templateBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    unit: z.enum(['months', 'weeks']),
    blocks: z.array(blockSchema).min(1),
  })
  .refine((t) => new Set(t.blocks.map((b) => b.id)).size === t.blocks.length, { error: 'block ids must be unique', path: ['blocks'] })
  .superRefine((t, ctx) => {
    t.blocks.forEach((b, i) => {
      if (b.offset !== undefined && b.at !== undefined) ctx.addIssue({ code: 'custom', path: ['blocks', i, 'at'], message: 'a block starts either at an offset or at a date (at), not both' });
    });
  });
export const templateUpdateSchema = templateBodySchema.safeExtend({ version: versionSchema });
export const templateResourceSchema = templateBodySchema.safeExtend(storedSchema.shape);

export type TemplateBody = z.infer<typeof templateBodySchema>;
export type TemplateUpdate = z.infer<typeof templateUpdateSchema>;
export type TemplateResource = z.infer<typeof templateResourceSchema>;
