// A plan given as assignments (the reference formulation's answer) read back as one layout
// and site per slot for each doctor; undefined when some doctor's assignments match no layout.
import { weekIndex } from '../../shared/domain/weeks';
import type { Assignment } from '../../shared/format/plan';
import type { Choice } from './heuristic';
import type { SolverModel } from './model';

export function choicesFromAssignments(model: SolverModel, assignments: Assignment[]): Choice[] | undefined {
  const byDoctor = new Map<string, Map<string, Assignment>>();
  for (const a of assignments) {
    if (!byDoctor.has(a.doctor)) byDoctor.set(a.doctor, new Map());
    byDoctor.get(a.doctor)!.set(a.block, a);
  }
  const siteIndex = new Map(model.siteIds.map((id, s) => [id, s]));
  const choices: Choice[] = [];
  for (const dm of model.doctors) {
    const own = byDoctor.get(dm.doctor.id);
    if (!own) return undefined;
    const startOf = (block: string) => (own.has(block) ? weekIndex(own.get(block)!.from) : undefined);
    const layout = dm.layouts.findIndex(
      (layout) => layout.siteless.every((s) => startOf(s.block) === s.range.from) && dm.slots.every((slot, k) => startOf(slot.block.id) === layout.ranges[k]!.from),
    );
    const sites = dm.slots.map((slot) => siteIndex.get(own.get(slot.block.id)?.site ?? '') ?? -1);
    if (layout < 0 || sites.some((s, k) => !dm.slots[k]!.sites.includes(s))) return undefined;
    choices.push({ layout, sites });
  }
  return choices;
}
