// A doctor's BT as one stretch of time — from the start to the end of the last placement — and
// by how much absence has extended it; plus the months a calendar of that stretch shows.
import { addDays, type IsoDate } from './dates';
import { weeksBetween, type Week } from './weeks';

export interface BtSpan {
  start: Week;
  /** The Monday after the last week (the last placement's `to`). */
  end: Week;
  /** The BT's weeks without absence (plannedBtWeeks). */
  plannedWeeks: number;
  /** Weeks the BT runs past its planned length: the absence inside it. */
  extendedWeeks: number;
}

/** The span of a published year, or undefined before anything is published. */
export function btSpan(start: Week, plannedWeeks: number, assignments: readonly { to: Week }[]): BtSpan | undefined {
  if (assignments.length === 0) return undefined;
  const end = assignments.reduce((last, a) => (a.to > last ? a.to : last), start);
  // Never negative: a plan shorter than planned (being replanned) is not "shortened" by absence.
  return { start, end, plannedWeeks, extendedWeeks: Math.max(0, weeksBetween(start, end) - plannedWeeks) };
}

/** The last day of a half-open range: the Sunday before `to`. */
export function lastDayOf(range: { to: IsoDate }): IsoDate {
  return addDays(range.to, -1);
}

/** 'YYYY-MM' of each month from the one holding `first` to the one holding `last`, in order. */
export function monthsBetween(first: IsoDate, last: IsoDate): string[] {
  const months: string[] = [];
  let [year, month] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  for (let ym = first.slice(0, 7); ym <= last.slice(0, 7); ym = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(ym);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** The month a view of [first, last] opens on: today's while the BT runs, else the nearer end's. */
export function openingMonth(today: IsoDate, first: IsoDate, last: IsoDate): string {
  if (today < first) return first.slice(0, 7);
  if (today > last) return last.slice(0, 7);
  return today.slice(0, 7);
}

/** The 'YYYY-MM' `n` months after `month` (before, when negative). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Where a window of `size` months over `months` starts so that it shows `wanted`: there, or earlier
 * when a window from `wanted` would run past the last month (a window is always full when it can be).
 */
export function windowStart(months: readonly string[], wanted: string, size: number): number {
  const at = Math.max(0, months.indexOf(wanted));
  return Math.max(0, Math.min(at, months.length - size));
}
