// A series every N weeks (study time) in the feed: RRULE with INTERVAL, the EXDATEs on its rule,
// and ical.js expanding it to exactly the sessions `occurrences` gives — across summer time.
import { describe, expect, it } from 'vitest';
import { renderIcal } from '../../../server/feeds/ical';
import { calendarEvents, type CalendarEvent } from '../../../shared/calendar/events';
import { occurrences } from '../../../shared/calendar/recurrence';
import { kronoberg2026 } from '../../../shared/domain/presets';
import { leaveDaysOfWeeks } from '../../../shared/domain/leave-days';
import { readEvents, sessionsOf } from '../../support/ical-reader';

const { problem, plan } = kronoberg2026;
const doctor = problem.doctors[0]!;
const STAMP = '2026-01-05T08:00:00.000Z';

/** The doctor's calendar with study time every `everyWeeks` weeks, Tuesdays 09:30 for three hours, and an absence in October. */
function studyTime(everyWeeks: number): CalendarEvent[] {
  const absence = { from: '2026-10-12', to: '2026-10-26' };
  return calendarEvents({
    audience: 'doctor',
    settingsChangedAt: STAMP,
    teaching: null,
    studyTime: { weekday: 2, start: '09:30', minutes: 180, everyWeeks },
    kollegiumMonths: null,
    blocks: problem.blocks,
    sites: problem.sites.map((s) => ({ id: s.id, name: s.name })),
    doctors: [{ key: doctor.id, name: doctor.name, protectedIdentity: false, absences: [{ ...leaveDaysOfWeeks(absence), ...absence }] }],
    placements: plan.assignments.filter((a) => a.doctor === doctor.id).map((a) => ({ placement: `p-${a.block}`, sequence: 0, changedAt: STAMP, ...a })),
  });
}

describe('a series every N weeks in iCal', () => {
  it.each([2, 3, 4])('every %i weeks: ical.js expands the RRULE to the same sessions as occurrences()', (everyWeeks) => {
    const [series] = studyTime(everyWeeks).filter((e) => e.category === 'study-time');
    const bytes = renderIcal('BT', [series!]);
    expect(bytes).toMatch(new RegExp(`\\r\\nRRULE:FREQ=WEEKLY;INTERVAL=${everyWeeks};UNTIL=\\d{8}T083000Z\\r\\n`));
    const [read] = readEvents(bytes);
    expect(read!.summary).toBe('BT: Studietid');
    const sessions = sessionsOf(read!);
    const expected = occurrences(series!).map((o) => ({ start: 'instant' in o.start ? o.start.instant : '', end: 'instant' in o.end ? o.end.instant : '' }));
    expect(sessions.map(({ start, end }) => ({ start, end }))).toEqual(expected);
    expect(sessions.every((s) => s.local.endsWith('T09:30:00') && s.zone === 'Europe/Stockholm')).toBe(true);
  });

  it('every 2 weeks from 10 February 2026: 22 sessions, the absence week of 20 October an EXDATE, none in the vacation', () => {
    const [series] = studyTime(2).filter((e) => e.category === 'study-time');
    const bytes = renderIcal('BT', [series!]);
    expect(bytes).toContain('DTSTART;TZID=Europe/Stockholm:20260210T093000\r\nDTEND;TZID=Europe/Stockholm:20260210T123000\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20270112T083000Z\r\n');
    // The vacation's 2nd and 4th weeks and the absence's 2nd (a long line is folded: unfolded here).
    expect(bytes.replace(/\r\n /g, '')).toContain('EXDATE;TZID=Europe/Stockholm:20260616T093000,20260630T093000,20261020T093000\r\n');
    const local = sessionsOf(readEvents(bytes)[0]!).map((s) => s.local.slice(0, 10));
    expect(local).toHaveLength(22);
    expect(local.slice(0, 3)).toEqual(['2026-02-10', '2026-02-24', '2026-03-10']);
    expect(local).not.toContain('2026-10-20');
    expect(local.at(-1)).toBe('2027-01-12');
  });

  it('a weekly series has no INTERVAL', () => {
    const [series] = studyTime(1).filter((e) => e.category === 'study-time');
    expect(series!.recurrence).not.toHaveProperty('interval');
    expect(renderIcal('BT', [series!])).toMatch(/\r\nRRULE:FREQ=WEEKLY;UNTIL=20270112T083000Z\r\n/);
  });
});
