// Ids that name properties every plain object inherits (constructor, toString, valueOf,
// hasOwnProperty) are ids like any other: records indexed by them read only what they hold.
import { describe, expect, it } from 'vitest';
import { solveReference } from '../../server/solver/reference';
import { solve } from '../../server/solver/solve';
import { planErrors } from '../../shared/domain/validate-plan';
import { aBlock, aDoctor, aProblem, aSite, START } from '../support/builders';

const problem = aProblem({
  blocks: [
    aBlock({ id: 'intro', kind: 'intro', category: 'cohort', weeks: 2, offset: 0 }),
    aBlock({ id: 'constructor', kind: 'acute', category: 'acute', weeks: 13 }),
    aBlock({ id: 'toString', kind: 'primary-care', category: 'primary-care', weeks: 13 }),
    aBlock({ id: 'hasOwnProperty', kind: 'psychiatry', category: 'psychiatry', weeks: 4 }),
    aBlock({ id: 'valueOf', kind: 'vacation', category: 'vacation', weeks: 2, window: { from: '2026-06-01', to: '2026-08-31' } }),
  ],
  sites: [
    aSite({ id: 'hosp', name: 'Sjukhuset', kinds: ['acute'], capacity: 2 }),
    aSite({ id: 'vc', name: 'Vårdcentralen', kinds: ['primary-care'], capacity: 2 }),
    aSite({ id: 'vc2', name: 'Vårdcentralen Norr', kinds: ['primary-care'], capacity: 2 }),
    aSite({ id: 'psy', name: 'Psykiatrin', kinds: ['psychiatry'], capacity: 2 }),
  ],
  // d1 may only use vc2 for primary care; d2 has no restriction at all.
  doctors: [aDoctor({ id: 'd1', allowedSites: { toString: ['vc2'] } }), aDoctor({ id: 'd2', name: 'Doktor Två', start: START })],
});

describe("block ids that name an object's inherited properties", () => {
  it('are planned, checked and kept to the allowed sites by the solver and the checker', async () => {
    const plan = await solve(problem, { timeLimit: 10 });
    expect(plan.status).toBe('optimal');
    expect(planErrors(problem, plan)).toEqual([]);
    expect(plan.assignments.filter((a) => a.block === 'toString').map((a) => [a.doctor, a.site]).sort()).toEqual([
      ['d1', 'vc2'],
      ['d2', expect.stringMatching(/^vc2?$/)],
    ]);
    // The checker reads d1's restriction and nothing inherited.
    const moved = { ...plan, assignments: plan.assignments.map((a) => (a.doctor === 'd1' && a.block === 'toString' ? { ...a, site: 'vc' } : a)) };
    expect(planErrors(problem, moved).map((v) => v.code)).toEqual(['site-not-allowed']);
  });

  it('are planned by the reference MIP too', async () => {
    const reference = await solveReference(problem, { timeLimit: 10 });
    expect(reference.status).toBe('optimal');
    expect(planErrors(problem, reference)).toEqual([]);
  });
});
