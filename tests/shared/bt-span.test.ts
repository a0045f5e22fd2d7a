// The BT as one stretch: its planned length from the template (part-time stretches site blocks,
// a credited block is left out), its end from the plan, the extension as the difference; and
// the months a calendar of it shows and opens on.
import { describe, expect, it } from 'vitest';
import { addMonths, btSpan, lastDayOf, monthsBetween, openingMonth, windowStart } from '../../shared/domain/bt-span';
import { plannedBtWeeks } from '../../shared/domain/rotation';
import { formatMonth } from '../../shared/domain/dates';
import type { Category } from '../../shared/domain/block-kinds';

const block = (id: string, category: Category, weeks: number) => ({ id, category, weeks });
/** Västernorrland: 2 intro + 2 education (cohort), 17 acute, 10 psychiatry, 17 primary care, 4 vacation = 52. */
const BLOCKS = [block('intro', 'cohort', 2), block('edu', 'cohort', 2), block('acute', 'acute', 17), block('psy', 'psychiatry', 10), block('pc', 'primary-care', 17), block('vac', 'vacation', 4)];
const credit = (blockId: string) => ({ block: blockId, weeks: 13, decidedBy: 'Studierektor', decidedOn: '2025-12-01' });

describe('plannedBtWeeks', () => {
  it.each([
    ['full time', { partTime: 1, credits: [] }, 52],
    // Site blocks need ceil(w / rate) service weeks: 17 → 23, 10 → 14, 17 → 23; cohort weeks and vacation stay.
    ['at 75 %', { partTime: 0.75, credits: [] }, 8 + 23 + 14 + 23],
    ['psychiatry credited', { partTime: 1, credits: [credit('psy')] }, 42],
  ])('%s: %i weeks', (_name, doctor, weeks) => {
    expect(plannedBtWeeks(BLOCKS, doctor)).toBe(weeks);
  });
});

describe('btSpan', () => {
  it('ends with the last placement and counts the weeks past the planned length as the extension', () => {
    const assignments = [{ to: '2026-03-02' }, { to: '2027-03-08' }, { to: '2026-07-27' }];
    // 2026-02-16 → 2027-03-08 is 55 weeks; 52 planned.
    expect(btSpan('2026-02-16', 52, assignments)).toEqual({ start: '2026-02-16', end: '2027-03-08', plannedWeeks: 52, extendedWeeks: 3 });
    expect(btSpan('2026-02-16', 52, [{ to: '2027-02-15' }])!.extendedWeeks).toBe(0);
  });

  it('is undefined before anything is published, and never negative', () => {
    expect(btSpan('2026-02-16', 52, [])).toBeUndefined();
    expect(btSpan('2026-02-16', 52, [{ to: '2026-12-07' }])!.extendedWeeks).toBe(0);
  });

  it("shows a range's last day, the Sunday before its end Monday", () => {
    expect(lastDayOf({ to: '2027-03-08' })).toBe('2027-03-07');
    expect(lastDayOf({ to: '2027-01-04' })).toBe('2027-01-03');
  });
});

describe('months of a BT', () => {
  it('runs from the start month to the last month, across the new year', () => {
    expect(monthsBetween('2026-11-16', '2027-02-21')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-02-16', '2027-02-21')).toHaveLength(13);
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-02', 12)).toBe('2027-02');
    expect(formatMonth('2027-02-21')).toBe('feb 2027');
    expect(formatMonth('2026-05', 'en')).toBe('May 2026');
  });

  it.each([
    ['before the BT', '2025-12-24', '2026-02'],
    ['during it', '2026-09-16', '2026-09'],
    ['on its last day', '2027-02-21', '2027-02'],
    ['after it', '2027-06-01', '2027-02'],
  ])('opens %s on %s', (_when, today, month) => {
    expect(openingMonth(today, '2026-02-16', '2027-02-21')).toBe(month);
  });

  it('starts a window at the wanted month, or earlier so it stays full', () => {
    const months = monthsBetween('2026-02-16', '2027-02-21');
    expect(windowStart(months, '2026-02', 4)).toBe(0);
    expect(windowStart(months, '2026-09', 4)).toBe(7);
    expect(windowStart(months, '2027-01', 4)).toBe(9);
    expect(windowStart(['2026-11', '2026-12'], '2026-12', 4)).toBe(0);
  });
});
