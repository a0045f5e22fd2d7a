// Templates: the ordered blocks of a BT year, month-based (Kronoberg) or week-based
// (Västernorrland). Month values become weeks by the largest-remainder rule over the
// employment's weeks, so the blocks always fill it exactly.
import { z } from 'zod';
import { blockSchema, type Block } from '../format/problem';
import { ruleIssue } from '../format/rules';

/**
 * Splits `totalWeeks` over `months` in proportion, rounding by the largest remainder
 * (ties to the earlier block): 12 months over 53 weeks [1,2,2,2,4,1] → [4,9,9,9,18,4].
 */
export function monthsToWeeks(months: readonly number[], totalWeeks: number): number[] {
  const totalMonths = months.reduce((s, m) => s + m, 0);
  if (totalMonths <= 0) return months.map(() => 0);
  const quotas = months.map((m) => (m * totalWeeks) / totalMonths);
  const weeks = quotas.map((q) => Math.floor(q + 1e-9));
  let left = totalWeeks - weeks.reduce((s, w) => s + w, 0);
  const order = quotas
    .map((q, i) => ({ i, remainder: q - Math.floor(q + 1e-9) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    weeks[i]! += 1;
  }
  return weeks;
}

/** Weeks shown as months of the same employment (one decimal): 9 of 53 weeks in 12 months → 2. */
export function weeksToMonths(weeks: number, totalWeeks: number, totalMonths: number): number {
  return Math.round(((weeks * totalMonths) / totalWeeks) * 10) / 10;
}

export const templateBlockSchema = blockSchema.extend({
  weeks: blockSchema.shape.weeks.optional(),
});

export const templateSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    basis: z.enum(['months', 'weeks']),
    blocks: z.array(templateBlockSchema).min(1),
  })
  .superRefine((template, ctx) => {
    template.blocks.forEach((block, i) => {
      const field = template.basis === 'months' ? 'months' : 'weeks';
      if (block[field] === undefined) {
        ctx.addIssue({ ...ruleIssue('template-length', { basis: template.basis }), path: ['blocks', i, field] });
      }
    });
  });

export type TemplateBlock = z.infer<typeof templateBlockSchema>;
export type Template = z.infer<typeof templateSchema>;

/** The problem's blocks for an employment of `totalWeeks` weeks. */
export function blocksFromTemplate(template: Template, totalWeeks: number): Block[] {
  if (template.basis === 'weeks') return template.blocks.map((b) => ({ ...b, weeks: b.weeks! }));
  const weeks = monthsToWeeks(template.blocks.map((b) => b.months ?? 0), totalWeeks);
  return template.blocks.map((b, i) => ({ ...b, weeks: weeks[i]! }));
}
