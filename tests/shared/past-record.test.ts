// pastChanges: the past is a record. Against the published plan and today, a new plan may not
// change a started placement's block, site or start, nor any week before the current one; a
// running placement's end may move as a recorded absence demands, and the future is free.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates';
import { pastChanges } from '../../shared/domain/past-record';
import { planErrors } from '../../shared/domain/validate-plan';
import type { Assignment } from '../../shared/format/plan';
import type { DoctorInput, Problem } from '../../shared/format/problem';
import { aDoctor, aPlan, aProblem, aSite, defaultSites, week } from '../support/builders';

// Two doctors on the builders' template; today is Wednesday of week 20 (v. 30 2026). Each one's
// published year: intro [0, 2), acute [2, 17) straddling vacation [14, 16), pc [17, 30) — running
// across today — and psy [30, 34).
const TODAY = addDays(week(20), 2);
const sites = [...defaultSites(), aSite({ id: 'hosp2', name: 'Sjukhus två', kinds: ['acute'], capacity: 2 }), aSite({ id: 'psy2', name: 'Psykiatri två', kinds: ['psychiatry'] })];
const doctors = (d1: Partial<DoctorInput> = {}) => [aDoctor({ id: 'd1', ...d1 }), aDoctor({ id: 'd2', name: 'Doktor Två' })];
const problemWith = (d1: Partial<DoctorInput> = {}): Problem => aProblem({ sites: sites.map((s) => ({ ...s, capacity: 2 })), doctors: doctors(d1) });
const published = aPlan(problemWith()).assignments;

/** The published plan with d1's `block` replaced (or removed with null). */
function withD1(block: string, change: Partial<Assignment> | null, plan: Assignment[] = published): Assignment[] {
  return plan.flatMap((a) => (a.doctor !== 'd1' || a.block !== block ? [a] : change === null ? [] : [{ ...a, ...change }]));
}

const refused = (block: string, from: number, to: number) => ({ doctor: 'd1', block, from: week(from), to: week(to) });

describe('pastChanges', () => {
  const cases: { rule: string; plan: Assignment[]; problem?: Problem; changes: ReturnType<typeof refused>[] }[] = [
    { rule: 'an unchanged plan changes nothing', plan: published, changes: [] },
    { rule: 'a served placement moved is refused', plan: withD1('acute', { from: week(3), to: week(18) }), changes: [refused('acute', 2, 17)] },
    { rule: 'a served placement at another site is refused', plan: withD1('acute', { site: 'hosp2' }), changes: [refused('acute', 2, 17)] },
    { rule: 'a served placement removed is refused', plan: withD1('acute', null), changes: [refused('acute', 2, 17)] },
    { rule: 'a served vacation cut short is refused for the weeks it lost', plan: withD1('vac', { to: week(15) }), changes: [refused('vac', 15, 16)] },
    { rule: 'a placement running across today whose start moves is refused', plan: withD1('pc', { from: week(18) }), changes: [refused('pc', 17, 30)] },
    { rule: 'a placement starting this very week has started', plan: withD1('pc', { site: 'hosp' }, withD1('pc', { from: week(20) })), changes: [refused('pc', 17, 30)] },
    {
      rule: 'a placement running across today may end later when an absence is recorded in it',
      problem: problemWith({ absences: [{ from: week(22), to: week(24) }] }),
      plan: aPlan(problemWith({ absences: [{ from: week(22), to: week(24) }] })).assignments,
      changes: [],
    },
    {
      rule: 'an absence recorded in past weeks of a running placement extends it: allowed',
      problem: problemWith({ absences: [{ from: week(18), to: week(19) }] }),
      plan: aPlan(problemWith({ absences: [{ from: week(18), to: week(19) }] })).assignments,
      changes: [],
    },
    {
      rule: 'an absence recorded in a served placement cannot stretch it over the started placement after it',
      problem: problemWith({ absences: [{ from: week(5), to: week(6) }] }),
      plan: aPlan(problemWith({ absences: [{ from: week(5), to: week(6) }] })).assignments,
      changes: [refused('pc', 17, 30), refused('acute', 17, 18)],
    },
    {
      rule: 'a pinned past placement moved to follow a new pin is refused: the past wins',
      problem: problemWith({ pins: [{ block: 'acute', site: 'hosp2' }] }),
      plan: aPlan(problemWith({ pins: [{ block: 'acute', site: 'hosp2' }] }), { d1: { sites: { acute: 'hosp2' } } }).assignments,
      changes: [refused('acute', 2, 17)],
    },
    { rule: 'a future placement may move to another site', plan: withD1('psy', { site: 'psy2' }), changes: [] },
    { rule: 'a future placement may start later', plan: withD1('psy', { from: week(31), to: week(35) }), changes: [] },
    {
      rule: 'a doctor new to the cohort is not checked',
      plan: [...published, ...aPlan(aProblem({ sites, doctors: [aDoctor({ id: 'd3', start: week(-4) })] })).assignments],
      changes: [],
    },
    {
      rule: 'a doctor left out of the new plan has every started placement refused',
      plan: published.filter((a) => a.doctor !== 'd1'),
      changes: [refused('intro', 0, 2), refused('acute', 2, 17), refused('vac', 14, 16), refused('pc', 17, 30)],
    },
  ];

  it.each(cases)('$rule', ({ plan, problem, changes }) => {
    // Where the case makes a plan for a changed problem, that plan is valid: only the record refuses it.
    if (problem) expect(planErrors(problem, { assignments: plan })).toEqual([]);
    expect(pastChanges(published, plan, TODAY).map(({ doctor, block, from, to }) => ({ doctor, block, from, to }))).toEqual(changes);
  });

  it('with today on the Monday of a week, that week is the current one', () => {
    expect(pastChanges(published, withD1('pc', { from: week(18) }), week(17))).toHaveLength(1);
    expect(pastChanges(published, withD1('psy', { from: week(31), to: week(35) }), week(30))).toHaveLength(1);
    expect(pastChanges(published, withD1('psy', { from: week(31), to: week(35) }), addDays(week(30), -1))).toEqual([]);
  });

  it('names doctor, block and weeks in Swedish and English', () => {
    const [moved] = pastChanges(published, withD1('acute', { site: 'hosp2' }), TODAY);
    expect(moved!.message_sv).toBe('d1: acute på hosp v. 12 2026–v. 26 2026 har påbörjats, så block, arbetsplats och start ligger fast (i planen på hosp2 v. 12 2026–v. 26 2026)');
    expect(moved!.message_en).toBe('d1: acute at hosp w. 12 2026–w. 26 2026 has started, so its block, site and start are a record (the plan has it at hosp2 w. 12 2026–w. 26 2026)');
    const [cut] = pastChanges(published, withD1('vac', { to: week(15) }), TODAY);
    expect(cut!.message_sv).toBe('d1: vac v. 25 2026 ligger före innevarande vecka och ska vara som i den publicerade planen');
    expect(cut!.message_en).toBe('d1: vac in w. 25 2026 lies before the current week and must stay as published');
  });

  it("with the cohort's problem, names the doctor, block and sites as people know them — a protected identity never by name", () => {
    const [moved] = pastChanges(published, withD1('acute', { site: 'hosp2' }), TODAY, problemWith());
    expect(moved!.message_sv).toBe('Doktor Ett [d1]: Akutsjukvård på Sjukhuset v. 12 2026–v. 26 2026 har påbörjats, så block, arbetsplats och start ligger fast (i planen på Sjukhus två v. 12 2026–v. 26 2026)');
    const [hidden] = pastChanges(published, withD1('acute', { site: 'hosp2' }), TODAY, problemWith({ protectedIdentity: true }));
    expect(hidden!.message_sv).toMatch(/^BT-läkare \(skyddad identitet\) \[d1\]: /);
    expect(hidden!.message_en).toMatch(/^BT doctor \(protected identity\) \[d1\]: /);
    expect(hidden!.message_sv).not.toContain('Doktor Ett');
  });
});
