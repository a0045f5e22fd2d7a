// Calendar events as iCalendar text (METHOD:PUBLISH): all-day events as DATE values with an
// exclusive end, timed ones in UTC with Z, weekly series in Stockholm local time, every event
// transparent, stamps from the plan (not the clock), so one plan always gives the same bytes.
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventTransparency, type ICalEventData } from 'ical-generator';
import type { CalendarEvent } from '../../shared/calendar/events';
import { stockholmLocal } from '../../shared/calendar/recurrence';
import { PLANNING_TIME_ZONE, stockholmInstant } from '../../shared/domain/weeks';

/** How often calendar apps should look again (REFRESH-INTERVAL, X-PUBLISHED-TTL), seconds. */
export const FEED_TTL_SECONDS = 3600;

/**
 * RFC 5545 TEXT escaping (the library leaves the calendar name as it is). A bare CR is a line
 * break like LF and CRLF: left as it is, some readers would start a new property at it.
 */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

// Europe/Stockholm with the EU rules (since 1996): summer time from the last Sunday of March
// 02:00 to the last Sunday of October 03:00. Written here rather than from a time zone package.
const STOCKHOLM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${PLANNING_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** When an event happens, in ical-generator's terms. */
function timing(e: CalendarEvent): Pick<ICalEventData, 'allDay' | 'start' | 'end' | 'timezone' | 'repeating'> {
  if ('date' in e.start && 'date' in e.end) return { allDay: true, start: e.start.date, end: e.end.date };
  if ('date' in e.start || 'date' in e.end) throw new Error(`${e.uid}: an all-day start with a timed end`);
  if (!e.recurrence) return { allDay: false, start: new Date(e.start.instant), end: new Date(e.end.instant) };
  // A weekly rule in UTC would move the session by an hour at each change of summer time: the
  // series is in Stockholm local time (TZID, with the VTIMEZONE), its UNTIL in UTC as RFC 5545 asks.
  const start = stockholmLocal(e.start.instant);
  const end = stockholmLocal(e.end.instant);
  const { until, except, interval } = e.recurrence;
  return {
    allDay: false,
    timezone: PLANNING_TIME_ZONE,
    start: `${start.date}T${start.time}:00`,
    end: `${end.date}T${end.time}:00`,
    repeating: {
      freq: ICalEventRepeatingFreq.WEEKLY,
      ...(interval && interval > 1 ? { interval } : {}),
      until: new Date(stockholmInstant(until, start.time)),
      ...(except.length ? { exclude: except.map((day) => `${day}T${start.time}:00`), excludeTimezone: PLANNING_TIME_ZONE } : {}),
    },
  };
}

export function renderIcal(name: string, events: CalendarEvent[]): string {
  const calendar = ical({
    name: escapeText(name),
    method: ICalCalendarMethod.PUBLISH,
    ttl: FEED_TTL_SECONDS,
    prodId: { company: 'BT-planeraren', product: 'Kalender', language: 'SV' },
    // No calendar-wide zone (it would write DTSTAMP in local time and shift all-day dates): only
    // the VTIMEZONE of the events that name one, the weekly series.
    timezone: { name: null, generator: (zone) => (zone === PLANNING_TIME_ZONE ? STOCKHOLM_VTIMEZONE : null) },
  });
  for (const e of events) {
    const stamp = new Date(e.stamp);
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp,
      lastModified: stamp,
      ...timing(e),
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
