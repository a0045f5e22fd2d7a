// Weekly series (teaching, study time) as one event: its first session repeats every week (or every
// `interval` weeks) at the same Stockholm local time up to the last one, except on some dates. `occurrences` expands it:
// the reference the feed's RRULE is tested against, and what a view of single sessions would use.
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import { addDays, type IsoDate } from '../domain/dates';
import { PLANNING_TIME_ZONE, stockholmInstant } from '../domain/weeks';
import type { CalendarEvent } from './events';

export interface WeeklyRecurrence {
  /** The date of the last occurrence (inclusive). */
  until: IsoDate;
  /** Dates on the weekly rule without an occurrence (holidays, weeks off service), in order. */
  except: IsoDate[];
  /** Every this many weeks (RRULE INTERVAL); absent: every week. */
  interval?: number;
}

export type Occurrence = Pick<CalendarEvent, 'start' | 'end'>;

/**
 * The series of sessions on these dates (ascending, one weekday, whole multiples of `interval`
 * weeks apart); undefined for none.
 */
export function weeklySeries(days: IsoDate[], interval = 1): { first: IsoDate; recurrence: WeeklyRecurrence } | undefined {
  const first = days[0];
  const until = days.at(-1);
  if (first === undefined || until === undefined) return undefined;
  const held = new Set(days);
  const except: IsoDate[] = [];
  for (let day = first; day < until; day = addDays(day, 7 * interval)) if (!held.has(day)) except.push(day);
  return { first, recurrence: { until, except, ...(interval > 1 ? { interval } : {}) } };
}

/** The Stockholm local date and time ("HH:MM") of a UTC instant. */
export function stockholmLocal(instant: string): { date: IsoDate; time: string } {
  const [date, time] = format(new Date(instant), "yyyy-MM-dd'T'HH:mm", { in: tz(PLANNING_TIME_ZONE) }).split('T') as [IsoDate, string];
  return { date, time };
}

/** Every occurrence of an event: the event itself, or each session of a weekly series. */
export function occurrences(event: CalendarEvent): Occurrence[] {
  const { start, end, recurrence } = event;
  if (!recurrence || !('instant' in start) || !('instant' in end)) return [{ start, end }];
  // Same local start time every week (the UTC instant moves with summer time), same length.
  const { date: first, time } = stockholmLocal(start.instant);
  const length = Date.parse(end.instant) - Date.parse(start.instant);
  const except = new Set(recurrence.except);
  const sessions: Occurrence[] = [];
  for (let day = first; day <= recurrence.until; day = addDays(day, 7 * (recurrence.interval ?? 1))) {
    if (except.has(day)) continue;
    const from = stockholmInstant(day, time);
    sessions.push({ start: { instant: from }, end: { instant: new Date(Date.parse(from) + length).toISOString() } });
  }
  return sessions;
}
