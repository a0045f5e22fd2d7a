// The repair after construction: where least-flexible-first construction leaves site-weeks over
// capacity, moving one block to another site, swapping two doctors' sites for a block, or
// laying a doctor's year out again clears them — the plan is then valid, without the master.
import { describe, expect, it } from 'vitest';
import { generateInstance } from '../../server/solver/bench/generate';
import { DEFAULT_WEIGHTS, LayoutSearch } from '../../server/solver/heuristic';
import { buildModel, type SolverModel } from '../../server/solver/model';
import { seededRandom } from '../../server/solver/random';
import { solve } from '../../server/solver/solve';
import { planErrors } from '../../shared/domain/validate-plan';
import type { Assignment } from '../../shared/format/plan';
import type { Problem } from '../../shared/format/problem';

/** The search's plan as assignments, for the shared checker. */
function assignmentsOf(model: SolverModel, search: LayoutSearch): Assignment[] {
  const name = (w: number) => model.weekNames[w - model.firstWeek]!;
  return model.doctors.flatMap((dm, d) => {
    const choice = search.choices[d]!;
    const layout = dm.layouts[choice.layout]!;
    return [
      ...layout.siteless.map((s) => ({ doctor: dm.doctor.id, block: s.block, site: null, from: name(s.range.from), to: name(s.range.to) })),
      ...dm.slots.map((slot, k) => ({ doctor: dm.doctor.id, block: slot.block.id, site: model.siteIds[choice.sites[k]!]!, from: name(layout.ranges[k]!.from), to: name(layout.ranges[k]!.to) })),
    ];
  });
}

function constructed(problem: Problem, seed = 1) {
  const model = buildModel(problem);
  const search = new LayoutSearch(model, DEFAULT_WEIGHTS, seededRandom(seed));
  search.construct();
  return { model, search };
}

describe('repair', () => {
  it.each([
    ['kronoberg', 40, 1],
    ['vasternorrland', 40, 1],
    ['kronoberg', 80, 1],
  ] as const)('clears what construction leaves over capacity on a region-style %s instance of %i doctors', (template, doctors, seed) => {
    const { problem } = generateInstance({ style: 'region', name: 't', template, doctors, seed });
    const { model, search } = constructed(problem);
    expect(search.overloadedCount()).toBeGreaterThan(0);
    expect(search.repair(() => false)).toBe(0);
    expect(search.overloadedCount()).toBe(0);
    expect(planErrors(problem, { assignments: assignmentsOf(model, search) })).toEqual([]);
  });

  it('is the same for the same seed', () => {
    const { problem } = generateInstance({ style: 'region', name: 't', template: 'kronoberg', doctors: 40, seed: 2 });
    const plan = () => {
      const { search } = constructed(problem, 7);
      search.repair(() => false);
      return JSON.stringify(search.choices);
    };
    expect(plan()).toBe(plan());
  });

  it('stops when stop() says so', () => {
    const { problem } = generateInstance({ style: 'region', name: 't', template: 'vasternorrland', doctors: 80, seed: 2 });
    const { search } = constructed(problem);
    const before = search.overloadedCount();
    expect(before).toBeGreaterThan(0);
    expect(search.repair(() => true)).toBe(before);
  });

  it('gives solve() a valid plan without the feasibility master', async () => {
    const { problem } = generateInstance({ style: 'region', name: 't', template: 'kronoberg', doctors: 200, seed: 1 });
    const phases: string[] = [];
    const plan = await solve(problem, { seed: 1, timeLimit: 5, onProgress: (e) => phases.push(e.phase) });
    expect(phases).toContain('repair');
    expect(phases).not.toContain('feasibility');
    expect(phases).toContain('first-valid');
    expect(['optimal', 'feasible']).toContain(plan.status);
    expect(planErrors(problem, plan)).toEqual([]);
  });
});
