// Calendar events as iCalendar text (METHOD:PUBLISH): all-day events as DATE values with an
// exclusive end, timed ones in UTC with Z, every event transparent, stamps from the plan (not
// the clock), so one plan always gives the same bytes.
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import type { CalendarEvent } from '../../shared/calendar/events';

/** How often calendar apps should look again (REFRESH-INTERVAL, X-PUBLISHED-TTL), seconds. */
export const FEED_TTL_SECONDS = 3600;

/** RFC 5545 TEXT escaping (the library leaves the calendar name as it is). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

export function renderIcal(name: string, events: CalendarEvent[]): string {
  const calendar = ical({
    name: escapeText(name),
    method: ICalCalendarMethod.PUBLISH,
    ttl: FEED_TTL_SECONDS,
    prodId: { company: 'BT-planeraren', product: 'Kalender', language: 'SV' },
  });
  for (const e of events) {
    const stamp = new Date(e.stamp);
    const allDay = 'date' in e.start;
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp,
      lastModified: stamp,
      allDay,
      start: 'date' in e.start ? e.start.date : new Date(e.start.instant),
      end: 'date' in e.end ? e.end.date : new Date(e.end.instant),
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      ...(e.location ? { location: e.location } : {}),
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF; ical-generator leaves the last bare.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
