// Leave as people give it — first and last day, inclusive, any weekday — and the one rule that
// turns it into whole absence weeks on the planning grid (where BT is planned and extended).
import { addDays, dayNumber, formatDateRange, fromDayNumber, isoWeekday, type IsoDate } from './dates';
import { isSwedishHoliday } from './holidays';
import { addWeeks, formatWeek, formatWeekRange, isoWeekOf, mondayOf, type WeekRange } from './weeks';

/** A leave's days, both inclusive (`first` ≤ `last`), any weekday. */
export interface LeaveDays {
  first: IsoDate;
  last: IsoDate;
}

/** Monday–Friday and not a Swedish public holiday (holidays.ts: red days and the eves taken off). */
export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isSwedishHoliday(date);
}

/**
 * The week rule: every ISO week that holds at least one working day of the leave counts as a
 * whole absence week, and the weeks run unbroken from the first such week to the last (leave is
 * one continuous period). Undefined when the leave has no working day (a weekend, Christmas days
 * only): no week counts, so it is no absence. `to` is the exclusive Monday.
 */
export function absenceWeeks(days: LeaveDays): WeekRange | undefined {
  const [first, last] = [dayNumber(days.first), dayNumber(days.last)];
  // From either end to the nearest working day: never more than a few days, however long the leave.
  let start = first;
  while (start <= last && !isWorkingDay(fromDayNumber(start))) start++;
  if (start > last) return undefined;
  let end = last;
  while (!isWorkingDay(fromDayNumber(end))) end--;
  return { from: mondayOf(fromDayNumber(start)), to: addWeeks(mondayOf(fromDayNumber(end)), 1) };
}

/** Weeks [from, to) as days: their first Monday to the Friday before `to` (what an imported week range means). */
export function leaveDaysOfWeeks(weeks: WeekRange): LeaveDays {
  return { first: weeks.from, last: addDays(weeks.to, -3) };
}

/** Absence week ranges sorted, overlapping ones joined: two leaves in one week take that week once. */
export function joinAbsenceWeeks(ranges: readonly WeekRange[]): WeekRange[] {
  const joined: WeekRange[] = [];
  for (const r of [...ranges].sort((a, b) => a.from.localeCompare(b.from))) {
    const prev = joined.at(-1);
    if (prev && r.from < prev.to) prev.to = r.to > prev.to ? r.to : prev.to;
    else joined.push({ from: r.from, to: r.to });
  }
  return joined;
}

/** A doctor's absence weeks as the problem format holds them: each leave's weeks, joined. */
export function absenceWeeksOf(leaves: readonly LeaveDays[]): WeekRange[] {
  return joinAbsenceWeeks(leaves.flatMap((leave) => absenceWeeks(leave) ?? []));
}

/** "16–18 dec 2026", "16 dec 2026", "30 nov–4 dec 2026", "28 dec 2026–8 jan 2027" (English "16–18 Dec 2026"). */
export function formatLeaveDays(days: LeaveDays, lang: 'sv' | 'en' = 'sv'): string {
  const whole = formatDateRange({ from: days.first, to: days.last }, lang);
  if (days.first === days.last) return whole.slice(whole.indexOf('–') + 1);
  if (days.first.slice(0, 7) !== days.last.slice(0, 7)) return whole;
  return `${Number(days.first.slice(8, 10))}–${whole.slice(whole.indexOf('–') + 1)}`;
}

/** "v. 51 2026", "v. 51–52 2026", "v. 53 2026–v. 1 2027": the absence weeks, the year once when they share it. */
export function formatAbsenceWeeks(weeks: WeekRange, lang: 'sv' | 'en' = 'sv'): string {
  const last = addWeeks(weeks.to, -1);
  if (last <= weeks.from) return formatWeek(weeks.from, lang);
  const [a, b] = [isoWeekOf(weeks.from), isoWeekOf(last)];
  if (a.year !== b.year) return formatWeekRange(weeks, lang);
  return `${lang === 'sv' ? 'v.' : 'w.'} ${a.week}–${b.week} ${b.year}`;
}
