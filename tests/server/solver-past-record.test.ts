// The solver and the past rule agree: replanning from the coming Monday (frozenBefore, as the
// server sets it) gives plans that shared/domain/past-record.ts accepts — what started keeps its
// site and start, a started vacation its weeks — whatever changed in the doctor's data.
import { describe, expect, it } from 'vitest';
import { solve } from '../../server/solver/solve';
import { addDays } from '../../shared/domain/dates';
import { pastChanges } from '../../shared/domain/past-record';
import { planErrors } from '../../shared/domain/validate-plan';
import { addWeeks, mondayOf } from '../../shared/domain/weeks';
import type { Assignment } from '../../shared/format/plan';
import type { DoctorInput, Problem } from '../../shared/format/problem';
import { aDoctor, aPlan, aProblem, aSite, defaultSites, week } from '../support/builders';

// Two doctors on the builders' template (intro [0, 2), acute [2, 17) around vacation [14, 16),
// pc [17, 30), psy [30, 34)), with room at every site; d2 is laid out psy before pc.
const sites = [...defaultSites(), aSite({ id: 'hosp2', name: 'Sjukhus två', kinds: ['acute'] })].map((s) => ({ ...s, capacity: 2 }));
const problemWith = (d1: Partial<DoctorInput> = {}): Problem => aProblem({ sites, doctors: [aDoctor({ id: 'd1', ...d1 }), aDoctor({ id: 'd2', name: 'Doktor Två' })] });
const published = aPlan(problemWith(), { d2: { order: ['acute', 'psy', 'pc'] } });

// What tempts a replan to rewrite the past: d1 now wishes acute care elsewhere and a later vacation.
const wishes = [
  { block: 'acute', site: 'hosp2', weight: 3 },
  { block: 'vac', from: week(15), weight: 3 },
];

async function replanned(today: string, d1: Partial<DoctorInput>): Promise<{ problem: Problem; assignments: Assignment[] }> {
  const frozenBefore = addWeeks(mondayOf(today), 1);
  const problem = { ...problemWith({ wishes, ...d1 }), previous: published, frozenBefore };
  const plan = await solve(problem, { seed: 1, timeLimit: 10 });
  expect(['optimal', 'feasible']).toContain(plan.status);
  return { problem, assignments: plan.assignments };
}

const end = (assignments: Assignment[], doctor: string) => assignments.filter((a) => a.doctor === doctor).reduce((to, a) => (a.to > to ? a.to : to), '');

describe('replanning from the coming Monday', () => {
  const cases: { rule: string; today: string; d1: Partial<DoctorInput>; longer: number }[] = [
    { rule: 'leave ahead in the placement running across today lengthens it', today: addDays(week(20), 2), d1: { absences: [{ from: week(22), to: week(24) }] }, longer: 2 },
    { rule: 'leave recorded in past weeks of the running placement lengthens it', today: addDays(week(20), 2), d1: { absences: [{ from: week(18), to: week(19) }] }, longer: 1 },
    { rule: 'a vacation under way keeps its weeks', today: addDays(week(14), 3), d1: { absences: [{ from: week(25), to: week(26) }] }, longer: 1 },
  ];

  it.each(cases)('$rule, and the plan rewrites nothing of the past', async ({ today, d1, longer }) => {
    const { problem, assignments } = await replanned(today, d1);
    expect(planErrors(problem, { assignments })).toEqual([]);
    expect(pastChanges(published.assignments, assignments, today)).toEqual([]);
    expect(end(assignments, 'd1')).toBe(week(34 + longer));
    expect(assignments.filter((a) => a.doctor === 'd2')).toEqual(published.assignments.filter((a) => a.doctor === 'd2'));
  });

  it('a new pin on a served placement gives way: the past wins', async () => {
    const today = addDays(week(20), 2);
    const { assignments } = await replanned(today, { pins: [{ block: 'acute', site: 'hosp2' }] });
    expect(pastChanges(published.assignments, assignments, today)).toEqual([]);
    expect(assignments.find((a) => a.doctor === 'd1' && a.block === 'acute')).toMatchObject({ site: 'hosp', from: week(2) });
  });
});
