// The week rule: leave is given as first and last day (inclusive, any weekday); every ISO week
// holding at least one working day of it (Monday–Friday, not a Swedish public holiday) is a whole
// absence week, one unbroken range from the first such week to the last; no working day, no weeks.
import { describe, expect, it } from 'vitest';
import { absenceWeeks, absenceWeeksOf, formatAbsenceWeeks, formatLeaveDays, joinAbsenceWeeks, leaveDaysOfWeeks } from '../../shared/domain/leave-days';
import { addWeeks, weeksOf } from '../../shared/domain/weeks';

describe('absence weeks of a leave', () => {
  it.each([
    ['Wed–Fri in one week take that week only (v. 51)', '2026-12-16', '2026-12-18', { from: '2026-12-14', to: '2026-12-21' }],
    ['one working day takes its week', '2026-12-16', '2026-12-16', { from: '2026-12-14', to: '2026-12-21' }],
    ['Friday–Monday take both weeks (v. 50–51)', '2026-12-11', '2026-12-14', { from: '2026-12-07', to: '2026-12-21' }],
    ['across a month end, inside one week (v. 40)', '2026-09-30', '2026-10-01', { from: '2026-09-28', to: '2026-10-05' }],
    ['Monday 5 Oct to Sunday 29 Nov: v. 41–48, 30 Nov is back at work', '2026-10-05', '2026-11-29', { from: '2026-10-05', to: '2026-11-30' }],
    ['a weekend at either end adds no week', '2026-10-03', '2026-10-11', { from: '2026-10-05', to: '2026-10-12' }],
    ['across the year end: 30 Dec (v. 53) and 4–5 Jan (v. 1 2027)', '2026-12-30', '2027-01-05', { from: '2026-12-28', to: '2027-01-11' }],
    ['New Year’s Day and the Monday after: v. 1 2027 only', '2027-01-01', '2027-01-04', { from: '2027-01-04', to: '2027-01-11' }],
    ['Christmas Eve to Monday 28 Dec: only v. 53 has a working day', '2026-12-24', '2026-12-28', { from: '2026-12-28', to: '2027-01-04' }],
    ['Thursday before Easter to Easter Monday: v. 14 only', '2026-04-02', '2026-04-06', { from: '2026-03-30', to: '2026-04-06' }],
    ['over summer time starting (Sun 29 Mar): Sat–Mon takes v. 14', '2026-03-28', '2026-03-30', { from: '2026-03-30', to: '2026-04-06' }],
    ['up to summer time starting: Fri–Sun takes v. 13', '2026-03-27', '2026-03-29', { from: '2026-03-23', to: '2026-03-30' }],
    ['over summer time ending (Sun 25 Oct): Fri–Mon takes v. 43–44', '2026-10-23', '2026-10-26', { from: '2026-10-19', to: '2026-11-02' }],
    ['a week with a holiday still counts by its other days (Ascension Thu 14 May)', '2026-05-14', '2026-05-15', { from: '2026-05-11', to: '2026-05-18' }],
  ])('%s', (_rule, first, last, weeks) => {
    expect(absenceWeeks({ first, last })).toEqual(weeks);
  });

  it.each([
    ['a weekend', '2026-12-19', '2026-12-20'],
    ['Christmas Eve, Christmas Day and Boxing Day', '2026-12-24', '2026-12-26'],
    ['Christmas Eve to the Sunday after', '2026-12-24', '2026-12-27'],
    ['New Year’s Eve and New Year’s Day (both days off)', '2026-12-31', '2027-01-01'],
    ['Good Friday to Easter Monday', '2026-04-03', '2026-04-06'],
    ['Midsummer Eve and the weekend', '2026-06-19', '2026-06-21'],
    ['the last day before the first', '2026-12-18', '2026-12-16'],
  ])('no working day, no absence week: %s', (_rule, first, last) => {
    expect(absenceWeeks({ first, last })).toBeUndefined();
  });

  it('finds the weeks of a leave as long as the dates allow', () => {
    expect(absenceWeeks({ first: '1900-01-01', last: '2199-12-31' })).toEqual({ from: '1900-01-01', to: '2200-01-06' });
  });

  it('gives back any week range read as days (an imported file: first Monday to the Friday before `to`)', () => {
    for (const from of weeksOf({ from: '2024-12-30', to: '2029-01-01' })) {
      for (const length of [1, 2, 5]) {
        const weeks = { from, to: addWeeks(from, length) };
        expect(absenceWeeks(leaveDaysOfWeeks(weeks)), from).toEqual(weeks);
      }
    }
    expect(leaveDaysOfWeeks({ from: '2026-10-05', to: '2026-11-30' })).toEqual({ first: '2026-10-05', last: '2026-11-27' });
  });
});

describe('a doctor’s absence weeks for the problem format', () => {
  it('takes a week once when two leaves fall in it, keeps the rest apart and in order', () => {
    const leaves = [
      { first: '2026-12-17', last: '2026-12-18' },
      { first: '2026-09-07', last: '2026-09-11' },
      { first: '2026-12-14', last: '2026-12-15' },
      { first: '2026-12-19', last: '2026-12-20' }, // weekend only: no week
    ];
    expect(absenceWeeksOf(leaves)).toEqual([
      { from: '2026-09-07', to: '2026-09-14' },
      { from: '2026-12-14', to: '2026-12-21' },
    ]);
  });

  it('joins overlapping ranges, leaves touching ones as they are', () => {
    expect(joinAbsenceWeeks([{ from: '2026-03-09', to: '2026-03-23' }, { from: '2026-03-02', to: '2026-03-16' }, { from: '2026-03-23', to: '2026-03-30' }])).toEqual([
      { from: '2026-03-02', to: '2026-03-23' },
      { from: '2026-03-23', to: '2026-03-30' },
    ]);
  });
});

describe('leave as people read it', () => {
  it.each([
    [{ first: '2026-12-16', last: '2026-12-18' }, 'sv', '16–18 dec 2026'],
    [{ first: '2026-12-16', last: '2026-12-18' }, 'en', '16–18 Dec 2026'],
    [{ first: '2026-12-16', last: '2026-12-16' }, 'sv', '16 dec 2026'],
    [{ first: '2026-11-30', last: '2026-12-04' }, 'sv', '30 nov–4 dec 2026'],
    [{ first: '2026-12-28', last: '2027-01-08' }, 'sv', '28 dec 2026–8 jan 2027'],
  ] as const)('%o in %s is "%s"', (days, lang, text) => {
    expect(formatLeaveDays(days, lang)).toBe(text);
  });

  it.each([
    [{ from: '2026-12-14', to: '2026-12-21' }, 'sv', 'v. 51 2026'],
    [{ from: '2026-12-14', to: '2026-12-28' }, 'sv', 'v. 51–52 2026'],
    [{ from: '2026-12-14', to: '2026-12-28' }, 'en', 'w. 51–52 2026'],
    [{ from: '2026-12-28', to: '2027-01-11' }, 'sv', 'v. 53 2026–v. 1 2027'],
  ] as const)('weeks %o in %s are "%s"', (weeks, lang, text) => {
    expect(formatAbsenceWeeks(weeks, lang)).toBe(text);
  });
});
