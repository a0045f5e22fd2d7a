// The doctor's calendar as days for the year view: a series as its sessions on their local dates
// and times, BT-råd and assessments on their days, placements and absences left to the schedule;
// and their words in the year view, by kind in the user's language, an assessment as named.
import { describe, expect, it } from 'vitest';
import { calendarDayTitle } from '../../client/src/components/calendar/calendar-days';
import { CATEGORY_COLOURS } from '../../client/src/components/calendar/YearCalendar';
import { TEXTS } from '../../client/src/i18n/texts';
import { calendarDays } from '../../shared/calendar/days';
import type { CalendarEvent } from '../../shared/calendar/events';

const base = { sequence: 0, stamp: '2026-01-05T00:00:00.000Z', doctor: 'd1' };
const events: CalendarEvent[] = [
  { ...base, uid: 'p1', category: 'placement', summary: 'BT: Kirurgi', start: { date: '2026-03-02' }, end: { date: '2026-05-04' } },
  // Tuesdays 08:00 every other week from 3 March, not 17 March; summer time from 29 March.
  {
    ...base,
    uid: 'd1.studietid',
    category: 'study-time',
    summary: 'BT: Studietid',
    start: { instant: '2026-03-03T07:00:00.000Z' },
    end: { instant: '2026-03-03T09:00:00.000Z' },
    recurrence: { until: '2026-04-14', except: ['2026-03-17'], interval: 2 },
  },
  { ...base, uid: 'd1.btrad.2026-03-11', category: 'council', summary: 'BT: BT-råd', location: 'Aulan', start: { instant: '2026-03-11T14:00:00.000Z' }, end: { instant: '2026-03-11T15:30:00.000Z' } },
  { ...base, uid: 'p1.bedomning.mini-cex.1-1', category: 'planned-assessment', summary: 'BT: Mini-CEX, Kirurgi', start: { date: '2026-03-27' }, end: { date: '2026-03-28' } },
];

describe('calendarDays', () => {
  it('has each session and meeting on its local date and time, and no placement', () => {
    expect(calendarDays(events).map(({ category, title, date, time }) => [category, title, date, time])).toEqual([
      ['study-time', 'Studietid', '2026-03-03', '08:00'],
      ['council', 'BT-råd', '2026-03-11', '15:00'],
      ['planned-assessment', 'Mini-CEX, Kirurgi', '2026-03-27', null],
      ['study-time', 'Studietid', '2026-03-31', '08:00'],
      ['study-time', 'Studietid', '2026-04-14', '08:00'],
    ]);
  });
});

describe('calendarDayTitle', () => {
  const t = (lang: 'sv' | 'en') => (key: keyof (typeof TEXTS)['sv']) => TEXTS[lang][key];
  it.each([
    ['sv', 'study-time', 'Studietid', '08:00', 'Studietid 08:00'],
    ['en', 'study-time', 'Studietid', '08:00', 'Study time 08:00'],
    ['en', 'council', 'BT-råd', '15:00', 'BT council 15:00'],
    ['en', 'planned-assessment', 'Mini-CEX, Kirurgi', null, 'Mini-CEX, Kirurgi'],
  ] as const)('%s %s → %s', (lang, category, title, time, words) => {
    expect(calendarDayTitle({ category, title, time }, t(lang))).toBe(words);
  });

  it('gives study time, BT-råd and assessments colours of their own', () => {
    expect(new Set([CATEGORY_COLOURS['study-time'], CATEGORY_COLOURS.council, CATEGORY_COLOURS['planned-assessment']]).size).toBe(3);
  });
});
