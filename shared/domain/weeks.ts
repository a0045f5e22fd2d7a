// The planning week grid: ISO weeks starting Monday in Europe/Stockholm, each named by its
// Monday 'YYYY-MM-DD'; ranges are half-open [from, to) with `to` a Monday.
import { format, getISOWeek, getISOWeekYear, getISOWeeksInYear } from 'date-fns';
import { tz, TZDate } from '@date-fns/tz';
import { addDays, dayNumber, fromDayNumber, isoWeekday, type IsoDate } from './dates';

export const PLANNING_TIME_ZONE = 'Europe/Stockholm';
const inStockholm = { in: tz(PLANNING_TIME_ZONE) };

/** A week, named by its Monday. */
export type Week = IsoDate;
/** Half-open range of weeks [from, to). */
export interface WeekRange {
  from: Week;
  to: Week;
}

// 1970-01-05 was the first Monday after the epoch: week index 0.
const FIRST_MONDAY_DAY = 4;

/** The Monday of the week holding `date`. */
export function mondayOf(date: IsoDate): Week {
  return addDays(date, 1 - isoWeekday(date));
}

export function addWeeks(week: Week, weeks: number): Week {
  return addDays(week, weeks * 7);
}

/** Whole weeks from `from` to `to` (negative when `to` is earlier). */
export function weeksBetween(from: Week, to: Week): number {
  return Math.round((dayNumber(to) - dayNumber(from)) / 7);
}

/** A dense integer per week, for arrays indexed by week. */
export function weekIndex(week: Week): number {
  return Math.floor((dayNumber(week) - FIRST_MONDAY_DAY) / 7);
}

export function weekFromIndex(index: number): Week {
  return fromDayNumber(index * 7 + FIRST_MONDAY_DAY);
}

/** The Mondays of [from, to), in order. */
export function weeksOf(range: WeekRange): Week[] {
  const weeks: Week[] = [];
  for (let w = range.from; w < range.to; w = addWeeks(w, 1)) weeks.push(w);
  return weeks;
}

export function rangesOverlap(a: WeekRange, b: WeekRange): boolean {
  return a.from < b.to && b.from < a.to;
}

/** ISO week number and ISO week-numbering year of the week holding `date`, in Stockholm. */
export function isoWeekOf(date: IsoDate): { week: number; year: number } {
  const local = stockholmMidnight(date);
  return { week: getISOWeek(local, inStockholm), year: getISOWeekYear(local, inStockholm) };
}

export function isoWeeksInYear(year: number): number {
  return getISOWeeksInYear(new TZDate(year, 6, 1, PLANNING_TIME_ZONE), inStockholm);
}

/** The Monday of ISO week `week` of ISO year `year`. */
export function mondayOfIsoWeek(year: number, week: number): Week {
  // 4 January is always in ISO week 1.
  return addWeeks(mondayOf(`${String(year).padStart(4, '0')}-01-04`), week - 1);
}

// ISO week numbers through the time-zone library are slow to compute and asked for thousands
// of times when a board is drawn: remembered per date (a pure function, so the answer never changes).
const isoWeeks = new Map<IsoDate, { week: number; year: number }>();

/** "v. 53 2026" (Swedish) or "w. 53 2026" (English). */
export function formatWeek(date: IsoDate, lang: 'sv' | 'en' = 'sv'): string {
  let iso = isoWeeks.get(date);
  if (!iso) isoWeeks.set(date, (iso = isoWeekOf(date)));
  return `${lang === 'sv' ? 'v.' : 'w.'} ${iso.week} ${iso.year}`;
}

/** "v. 3 2026–v. 2 2027" for [from, to): names the first and the last week inside the range. */
export function formatWeekRange(range: WeekRange, lang: 'sv' | 'en' = 'sv'): string {
  const last = addWeeks(range.to, -1);
  if (last <= range.from) return formatWeek(range.from, lang);
  return `${formatWeek(range.from, lang)}–${formatWeek(last, lang)}`;
}

/** The calendar date in Stockholm at an instant: how "today" enters the domain. */
export function stockholmDate(instant: Date): IsoDate {
  return format(instant, 'yyyy-MM-dd', inStockholm);
}

/** The UTC instant (ISO, with Z) of a local Stockholm date and time "HH:MM". */
export function stockholmInstant(date: IsoDate, time: string): string {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const local = new TZDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hours, minutes, PLANNING_TIME_ZONE);
  return new Date(local.getTime()).toISOString();
}

function stockholmMidnight(date: IsoDate): TZDate {
  return new TZDate(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    PLANNING_TIME_ZONE,
  );
}
