// The doctor's own calendar as days for the year view: each meeting (teaching, study time, BT-råd,
// assessments, BT-kollegium) on its date, a series as its single sessions, with the local start
// time of a timed one. Placements, vacation and absences the view has from the schedule itself.
import type { IsoDate } from '../domain/dates';
import type { CalendarEvent, EventCategory } from './events';
import { occurrences, stockholmLocal } from './recurrence';

export interface CalendarDay {
  id: string;
  category: EventCategory;
  /** The event's summary without the feed's "BT: ". */
  title: string;
  date: IsoDate;
  /** Stockholm local start "HH:MM"; null for an all-day meeting. */
  time: string | null;
}

const SHOWN_FROM_THE_SCHEDULE = new Set<EventCategory>(['placement', 'vacation', 'cohort', 'absence']);

export function calendarDays(events: CalendarEvent[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const event of events) {
    if (SHOWN_FROM_THE_SCHEDULE.has(event.category)) continue;
    const title = event.summary.replace(/^BT: /, '');
    for (const { start } of occurrences(event)) {
      const at = 'date' in start ? { date: start.date, time: null } : stockholmLocal(start.instant);
      days.push({ id: `${event.uid}.${at.date}`, category: event.category, title, ...at });
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '') || a.id.localeCompare(b.id));
}
