// Text entering iCalendar: a calendar name or an event's summary, description or place with a
// bare CR, LF or CRLF, or the TEXT specials, stays one property and reads back as written (line
// breaks as LF), never a new content line.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { unescapeText } from '../../support/ical-reader';
import { escapeText, renderIcal } from '../../../server/feeds/ical';
import type { CalendarEvent } from '../../../shared/calendar/events';


/** One day of a placement whose summary, description and place are all `text`. */
const eventNamed = (text: string): CalendarEvent => ({
  uid: 'd1.placement.im',
  sequence: 0,
  stamp: '2026-01-05T00:00:00Z',
  category: 'placement',
  summary: text,
  description: text,
  location: text,
  start: { date: '2026-01-05' },
  end: { date: '2026-01-06' },
  doctor: 'd1',
});

function calendarOf(name: string) {
  const calendar = new ICAL.Component(ICAL.parse(renderIcal(name, [eventNamed(name)])));
  const [event] = calendar.getAllSubcomponents('vevent');
  return {
    properties: calendar.getAllProperties().map((p) => p.name),
    eventProperties: event!.getAllProperties().map((p) => p.name),
    names: ['name', 'x-wr-calname'].map((p) => unescapeText(String(calendar.getFirstPropertyValue(p)))),
    texts: ['summary', 'description', 'location'].map((p) => String(event!.getFirstPropertyValue(p))),
  };
}

const asRead = (name: string) => name.replace(/\r\n|\r/g, '\n');

describe('calendar names in iCalendar', () => {
  const plain = calendarOf('BT');
  const read = (name: string) => ({ properties: plain.properties, eventProperties: plain.eventProperties, names: [asRead(name), asRead(name)], texts: [asRead(name), asRead(name), asRead(name)] });

  it('escape a bare carriage return like a line feed', () => {
    expect(escapeText('Akut\rX-INJ:1')).toBe('Akut\\nX-INJ:1');
    expect(escapeText('a\r\nb\nc\rd')).toBe('a\\nb\\nc\\nd');
    const text = renderIcal('Akut\rX-INJ:1', []);
    expect(text.split(/\r\n|\r|\n/).some((line) => line.startsWith('X-INJ'))).toBe(false);
    expect(calendarOf('Akut\rX-INJ:1')).toEqual(read('Akut\rX-INJ:1'));
    expect(calendarOf('Akut\rX-INJ:1').names[0]).toBe('Akut\nX-INJ:1');
  });

  it('read back as written for any unicode name with line breaks and specials (fast-check seed 20261206)', () => {
    const piece = fc.oneof(fc.constantFrom('\r', '\n', '\r\n', ';', ',', '\\', ':', '"', '\t'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => parts.join('')), (name) => {
        expect(calendarOf(name)).toEqual(read(name));
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });
});
