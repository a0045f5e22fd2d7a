// The cohort's common weeks (a block's `at`) in the solver and the reference MIP, and the words
// that say why a doctor's year cannot be laid out (the first rule that cannot hold).
import { describe, expect, it } from 'vitest';
import { layoutFailure } from '../../server/solver/layout-failure';
import { loadHighs } from '../../server/solver/mip';
import { exportReferenceLp, solveReference } from '../../server/solver/reference';
import { solve } from '../../server/solver/solve';
import { planErrors } from '../../shared/domain/validate-plan';
import { aBlock, aDoctor, aProblem, defaultBlocks, defaultSites, week } from '../support/builders';

const education = (at: string) => aBlock({ id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, at });

describe("a block on the cohort's common weeks (at)", () => {
  // d2 starts 2 weeks later and, with capacity 1 everywhere, cannot take d1's order: the two
  // years are laid out differently, yet both attend common education in weeks [6, 8).
  const problem = aProblem({
    blocks: [...defaultBlocks(), education(week(6))],
    sites: defaultSites().map((s) => ({ ...s, capacity: 1 })),
    doctors: [aDoctor(), aDoctor({ id: 'd2', name: 'Doktor Två', start: week(2) })],
  });

  it('gives two doctors with different layouts the common education in the same weeks', async () => {
    const plan = await solve(problem, { timeLimit: 20 });
    expect(plan.status).toBe('optimal');
    expect(planErrors(problem, plan)).toEqual([]);
    expect(plan.assignments.filter((a) => a.block === 'edu').map((a) => [a.doctor, a.from, a.to])).toEqual([
      ['d1', week(6), week(8)],
      ['d2', week(6), week(8)],
    ]);
    const order = (d: string) => plan.assignments.filter((a) => a.doctor === d && a.site !== null).map((a) => a.block);
    expect(order('d1')).not.toEqual(order('d2'));
  });

  it('is fixed in the reference MIP too, which agrees on the objective', async () => {
    const [ours, reference] = [await solve(problem, { timeLimit: 20 }), await solveReference(problem, { timeLimit: 20 })];
    expect(reference.status).toBe('optimal');
    expect(planErrors(problem, reference)).toEqual([]);
    expect(reference.assignments.filter((a) => a.block === 'edu').map((a) => a.from)).toEqual([week(6), week(6)]);
    expect(reference.objective).toBe(ours.objective);
  });

  it('with a wish its weeks miss, costs the same in the exported LP file as in the reference MIP', async () => {
    // The wish costs every plan 3 × 10: a constant no column carries, which the file must keep.
    const wishing = { ...problem, doctors: [{ ...problem.doctors[0]!, wishes: [{ block: 'edu', from: week(20), weight: 3 }] }, problem.doctors[1]!] };
    const reference = await solveReference(wishing, { timeLimit: 20 });
    expect([reference.status, reference.objective]).toEqual(['optimal', (await solveReference(problem, { timeLimit: 20 })).objective! + 30]);
    const fromFile = (await loadHighs()).solve(await exportReferenceLp(wishing));
    expect([fromFile.Status, fromFile.ObjectiveValue]).toEqual(['Optimal', reference.objective]);
  });

  it('before a doctor starts is no plan: the solver names the block and the year, the reference MIP answers infeasible', async () => {
    const early = aProblem({ blocks: [...defaultBlocks(), education(week(-4))] });
    const plan = await solve(early, { timeLimit: 5 });
    expect(plan.status).toBe('infeasible');
    expect(plan.explanation).toEqual([
      {
        code: 'no-layout',
        message_sv: 'Doktor Ett [d1]: året går inte att lägga ut — Gemensam utbildning (2 veckor, v. 6 2026–v. 7 2026) ligger utanför året v. 10 2026–v. 45 2026',
        message_en: 'Doktor Ett [d1]: the year cannot be laid out — Common education (2 weeks, w. 6 2026–w. 7 2026) lies outside the year w. 10 2026–w. 45 2026',
        doctors: ['d1'],
        blocks: ['edu'],
      },
    ]);
    expect((await solveReference(early, { timeLimit: 5 })).status).toBe('infeasible');
  });
});

describe('why a year cannot be laid out', () => {
  it.each([
    [
      'a vacation window outside the year',
      aProblem({ doctors: [aDoctor({ start: '2026-09-07' })] }),
      'Semester (2 veckor) ryms inte i fönstret 1 jun–31 aug 2026 inom året v. 37 2026–v. 17 2027',
      'Vacation (2 weeks) does not fit in the window 1 Jun–31 Aug 2026 within the year w. 37 2026–w. 17 2027',
    ],
    [
      'a cohort week on the intro',
      aProblem({ blocks: [...defaultBlocks(), education(week(1))] }),
      'Gemensam utbildning (2 veckor, v. 11 2026–v. 12 2026) krockar med Introduktion (2 veckor, v. 10 2026–v. 11 2026)',
      'Common education (2 weeks, w. 11 2026–w. 12 2026) clashes with Introduction (2 weeks, w. 10 2026–w. 11 2026)',
    ],
    [
      'a cohort week in an absence',
      aProblem({ blocks: [...defaultBlocks(), education(week(6))], doctors: [aDoctor({ absences: [{ from: week(5), to: week(7) }] })] }),
      'Gemensam utbildning (2 veckor, v. 16 2026–v. 17 2026) krockar med frånvaron',
      'Common education (2 weeks, w. 16 2026–w. 17 2026) clashes with the absence',
    ],
    [
      'a vacation window filled by an absence',
      aProblem({ doctors: [aDoctor({ absences: [{ from: '2026-06-01', to: '2026-08-24' }] })] }),
      'Semester (2 veckor) ryms inte i fönstret 1 jun–31 aug 2026 inom året v. 10 2026–v. 2 2027 vid sidan av frånvaron',
      'Vacation (2 weeks) does not fit in the window 1 Jun–31 Aug 2026 within the year w. 10 2026–w. 2 2027 beside the absence',
    ],
  ])('%s', (_case, problem, sv, en) => {
    expect(layoutFailure(problem, problem.doctors[0]!)).toMatchObject({ message_sv: `Doktor Ett [d1]: ${sv}`, message_en: `Doktor Ett [d1]: ${en}` });
    expect(layoutFailure(problem, problem.doctors[0]!, false)).toMatchObject({ message_sv: sv, message_en: en });
  });
});

describe('why a year cannot be laid out: pinned starts of site blocks', () => {
  it('names the pinned block and week that no order of the blocks reaches', () => {
    const problem = aProblem({ doctors: [aDoctor({ pins: [{ block: 'psy', from: week(3) }] })] });
    expect(layoutFailure(problem, problem.doctors[0]!)).toEqual({
      block: 'psy',
      message_sv: 'Doktor Ett [d1]: Psykiatri är låst att börja v. 13 2026, men ingen ordning av blocken ger den starten',
      message_en: 'Doktor Ett [d1]: Psychiatry is pinned to start w. 13 2026, but no order of the blocks starts it then',
    });
  });
});
