// Replanning against the published plan: the first week a replan may change (the coming Monday —
// this week has begun — or a granted leave's first week when later), the Mondays offered, and
// what a new plan does to people: placements and doctors changed, BT ends moved.
import { describe, expect, it } from 'vitest';
import { vasternorrlandVt2026 } from '../../shared/domain/presets';
import { btEnds, changeSummary, comingMonday, leaveReplanFrom, replanWeeks } from '../../shared/domain/replanning';
import { addWeeks } from '../../shared/domain/weeks';

const { plan } = vasternorrlandVt2026;

describe('the first week a replan may change', () => {
  it.each([
    ['2026-09-14', '2026-09-21', 'a Monday: that week has begun'],
    ['2026-09-16', '2026-09-21', 'a Wednesday'],
    ['2026-09-20', '2026-09-21', 'a Sunday'],
    ['2026-12-31', '2027-01-04', 'across the new year'],
  ])('today %s → %s (%s)', (today, first) => {
    expect(comingMonday(today)).toBe(first);
  });

  it('after a granted leave: the leave’s first week when it is later, else the coming Monday', () => {
    expect(leaveReplanFrom('2026-09-16', '2026-10-05')).toBe('2026-10-05');
    expect(leaveReplanFrom('2026-09-16', '2026-09-21')).toBe('2026-09-21');
    expect(leaveReplanFrom('2026-09-16', '2026-09-14')).toBe('2026-09-21');
  });

  it('offers every Monday from the coming one to the plan’s last week, none when the year is over', () => {
    const weeks = replanWeeks('2026-09-16', plan.assignments);
    const end = plan.assignments.map((a) => a.to).sort().at(-1)!;
    expect(weeks[0]).toBe('2026-09-21');
    expect(weeks.every((w, i) => i === 0 || w === addWeeks(weeks[i - 1]!, 1))).toBe(true);
    expect(addWeeks(weeks.at(-1)!, 1)).toBe(end);
    expect(replanWeeks(end, plan.assignments)).toEqual([]);
  });
});

describe('changeSummary', () => {
  const doctor = plan.assignments[0]!.doctor;
  const last = plan.assignments.filter((a) => a.doctor === doctor).sort((a, b) => b.to.localeCompare(a.to))[0]!;

  it('is empty for the same plan', () => {
    expect(changeSummary(plan.assignments, plan.assignments)).toEqual({ changes: [], placements: 0, doctors: 0, endsMoved: [] });
  });

  it('counts changed placements and doctors, and names a BT that ends later', () => {
    const longer = plan.assignments.map((a) => (a === last ? { ...a, to: addWeeks(a.to, 2) } : a));
    const summary = changeSummary(plan.assignments, longer);
    expect([summary.placements, summary.doctors]).toEqual([1, 1]);
    expect(summary.endsMoved).toEqual([{ doctor, before: last.to, after: addWeeks(last.to, 2) }]);
    expect(btEnds(longer).get(doctor)).toBe(addWeeks(last.to, 2));
  });

  it('does not count a moved placement inside the year as a moved end', () => {
    const inside = plan.assignments.find((a) => a.doctor === doctor && a.to < last.from && a.site !== null)!;
    const moved = plan.assignments.map((a) => (a === inside ? { ...a, site: 'elsewhere' } : a));
    expect(changeSummary(plan.assignments, moved)).toMatchObject({ placements: 1, doctors: 1, endsMoved: [] });
  });
});
