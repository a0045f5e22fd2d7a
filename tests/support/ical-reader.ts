// Feeds read as a calendar app reads them, with ical.js: the events, and a weekly series expanded
// to its sessions in the feed's own VTIMEZONE (ical.js knows no zone but UTC, so a wrong
// VTIMEZONE shows as sessions an hour off).
import ICAL from 'ical.js';

/** TEXT unescaping for properties ical.js does not know (NAME, X-WR-CALNAME). */
export const unescapeText = (text: string) => text.replace(/\\([\\;,]|n|N)/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

export function readEvents(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

export interface Session {
  /** UTC instant, as `stockholmInstant` writes it. */
  start: string;
  end: string;
  /** Local date and time in the event's zone, 'YYYY-MM-DDTHH:MM:SS'. */
  local: string;
  zone: string;
}

/** Every occurrence of an event, by the event's RRULE and EXDATEs (just itself without a rule). */
export function sessionsOf(event: ICAL.Event): Session[] {
  const sessions: Session[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    const { startDate, endDate } = event.getOccurrenceDetails(next);
    sessions.push({ start: startDate.toJSDate().toISOString(), end: endDate.toJSDate().toISOString(), local: startDate.toString(), zone: startDate.zone?.tzid ?? '' });
    if (sessions.length > 1000) throw new Error(`${event.uid}: a series without an end`);
  }
  return sessions;
}
