// Templates: a name, how the coordinator counts (months or weeks) and the blocks in order.
import { z } from 'zod';
import { blockSchema } from '../format/problem';
import { storedSchema, versionSchema } from './common';

export const templateBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    unit: z.enum(['months', 'weeks']),
    blocks: z.array(blockSchema.omit({ goals: true })).min(1),
  })
  .refine((t) => new Set(t.blocks.map((b) => b.id)).size === t.blocks.length, { error: 'block ids must be unique', path: ['blocks'] });
export const templateUpdateSchema = templateBodySchema.safeExtend({ version: versionSchema });
export const templateResourceSchema = templateBodySchema.safeExtend(storedSchema.shape);

export type TemplateBody = z.infer<typeof templateBodySchema>;
export type TemplateUpdate = z.infer<typeof templateUpdateSchema>;
export type TemplateResource = z.infer<typeof templateResourceSchema>;
