// What changed between two versions of a plan, per doctor and block: the list a coordinator
// reads before publishing a replanned year (and the solver reports after replanning).
import { z } from 'zod';
import type { Assignment } from '../format/plan';

const placedSchema = z.object({ site: z.string().nullable(), from: z.string(), to: z.string() });

export const planChangeSchema = z.object({
  doctor: z.string(),
  block: z.string(),
  /** Absent when the assignment is new. */
  before: placedSchema.optional(),
  /** Absent when the assignment is gone. */
  after: placedSchema.optional(),
});
export type PlanChange = z.infer<typeof planChangeSchema>;

export function planDiff(before: Assignment[], after: Assignment[]): PlanChange[] {
  const key = (a: Assignment) => `${a.doctor}\u0000${a.block}`;
  const old = new Map(before.map((a) => [key(a), a]));
  const now = new Map(after.map((a) => [key(a), a]));
  const changes: PlanChange[] = [];
  for (const k of new Set([...old.keys(), ...now.keys()])) {
    const b = old.get(k);
    const a = now.get(k);
    if (b && a && b.site === a.site && b.from === a.from && b.to === a.to) continue;
    const { doctor, block } = (a ?? b)!;
    changes.push({
      doctor,
      block,
      ...(b ? { before: { site: b.site, from: b.from, to: b.to } } : {}),
      ...(a ? { after: { site: a.site, from: a.from, to: a.to } } : {}),
    });
  }
  return changes.sort((x, y) => x.doctor.localeCompare(y.doctor) || (x.after ?? x.before)!.from.localeCompare((y.after ?? y.before)!.from));
}
