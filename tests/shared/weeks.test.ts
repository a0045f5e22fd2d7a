import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber, isIsoDate, isMonday, isoWeekday } from '../../shared/domain/dates';
import {
  addWeeks,
  formatWeek,
  formatWeekRange,
  isoWeekOf,
  isoWeeksInYear,
  mondayOf,
  mondayOfIsoWeek,
  rangesOverlap,
  stockholmDate,
  weekFromIndex,
  weekIndex,
  weeksBetween,
  weeksOf,
} from '../../shared/domain/weeks';

describe('dates', () => {
  it.each([
    ['2026-01-12', true],
    ['2024-02-29', true], // leap year
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-12', false],
    ['12/01/2026', false],
  ])('%s is a date: %s', (date, valid) => {
    expect(isIsoDate(date)).toBe(valid);
  });

  it.each([
    ['2026-01-12', 1],
    ['2026-01-13', 2],
    ['2026-01-18', 7],
    ['2026-12-28', 1],
    ['1970-01-01', 4],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
    expect(isMonday(date)).toBe(weekday === 1);
  });

  it('turns day numbers into dates as the calendar does, across leap years and centuries (1900–2200)', () => {
    for (let days = dayNumber('1900-01-01'); days <= dayNumber('2200-12-31'); days++) {
      const expected = new Date(days * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(days) !== expected) expect(fromDayNumber(days)).toBe(expected);
      if (dayNumber(expected) !== days) expect(dayNumber(expected)).toBe(days);
    }
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(fromDayNumber(dayNumber('2000-02-29'))).toBe('2000-02-29');
    expect(fromDayNumber(dayNumber('2100-02-28') + 1)).toBe('2100-03-01');
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01', 1, 2026], // Thursday: week 1 of 2026
    ['2026-01-12', 3, 2026],
    ['2026-02-16', 8, 2026], // Västernorrland start, week 8
    ['2026-12-28', 53, 2026],
    ['2027-01-03', 53, 2026], // Sunday still in week 53 of 2026
    ['2027-01-04', 1, 2027],
    ['2024-12-30', 1, 2025], // a Monday of December in week 1 of the next year
    ['2021-01-03', 53, 2020],
    ['2024-02-29', 9, 2024], // leap day
  ])('%s is in week %i of %i', (date, week, year) => {
    expect(isoWeekOf(date)).toEqual({ week, year });
  });

  it.each([
    [2026, 53],
    [2027, 52],
    [2020, 53],
    [2024, 52],
  ])('%i has %i ISO weeks', (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });

  it.each([
    ['2026-12-28', 'v. 53 2026', 'w. 53 2026'],
    ['2027-01-04', 'v. 1 2027', 'w. 1 2027'],
    ['2026-02-16', 'v. 8 2026', 'w. 8 2026'],
  ])('%s is shown as "%s" / "%s"', (date, sv, en) => {
    expect(formatWeek(date, 'sv')).toBe(sv);
    expect(formatWeek(date, 'en')).toBe(en);
  });

  it('names a range by its first and last week inside it (half-open)', () => {
    expect(formatWeekRange({ from: '2026-01-12', to: '2027-01-18' })).toBe('v. 3 2026–v. 2 2027');
    expect(formatWeekRange({ from: '2026-03-02', to: '2026-03-09' })).toBe('v. 10 2026');
  });

  it.each([
    ['2026-01-14', '2026-01-12'],
    ['2026-01-18', '2026-01-12'],
    ['2026-01-12', '2026-01-12'],
    ['2027-01-01', '2026-12-28'],
  ])('the week of %s is named by its Monday %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });

  it('finds the Monday of an ISO week number', () => {
    expect(mondayOfIsoWeek(2026, 8)).toBe('2026-02-16');
    expect(mondayOfIsoWeek(2026, 53)).toBe('2026-12-28');
    expect(mondayOfIsoWeek(2027, 1)).toBe('2027-01-04');
  });

  it.each([
    ['2026-03-23', '2026-03-30'], // DST starts 2026-03-29 in Stockholm
    ['2026-10-19', '2026-10-26'], // DST ends 2026-10-25
    ['2026-12-28', '2027-01-04'], // across the ISO year boundary
    ['2024-02-26', '2024-03-04'], // across a leap day
  ])('the week after %s is %s, seven days later', (week, next) => {
    expect(addWeeks(week, 1)).toBe(next);
    expect(dayNumber(next) - dayNumber(week)).toBe(7);
    expect(weeksBetween(week, next)).toBe(1);
  });

  it('counts weeks over a year: Kronoberg 2026-01-12 → 2027-01-18 is 53 weeks', () => {
    expect(weeksBetween('2026-01-12', '2027-01-18')).toBe(53);
    expect(weeksBetween('2027-01-18', '2026-01-12')).toBe(-53);
    expect(addWeeks('2026-02-16', 52)).toBe('2027-02-15');
    expect(addWeeks('2027-02-15', -52)).toBe('2026-02-16');
  });

  it('lists the Mondays of a half-open range, excluding `to`', () => {
    expect(weeksOf({ from: '2026-12-21', to: '2027-01-11' })).toEqual(['2026-12-21', '2026-12-28', '2027-01-04']);
    expect(weeksOf({ from: '2026-01-12', to: '2026-01-12' })).toEqual([]);
  });

  it('gives consecutive weeks consecutive indices and maps back', () => {
    expect(weekIndex('2026-01-19') - weekIndex('2026-01-12')).toBe(1);
    expect(weekFromIndex(weekIndex('2026-12-28'))).toBe('2026-12-28');
    expect(weekFromIndex(0)).toBe('1970-01-05');
  });

  it('treats ranges as half-open: touching ranges do not overlap', () => {
    expect(rangesOverlap({ from: '2026-01-12', to: '2026-02-09' }, { from: '2026-02-09', to: '2026-03-09' })).toBe(false);
    expect(rangesOverlap({ from: '2026-01-12', to: '2026-02-16' }, { from: '2026-02-09', to: '2026-03-09' })).toBe(true);
  });

  it.each([
    ['2026-03-29T22:30:00Z', '2026-03-30'], // 00:30 CEST on Monday
    ['2026-03-29T21:30:00Z', '2026-03-29'], // 23:30 CEST on Sunday
    ['2026-10-25T22:59:00Z', '2026-10-25'], // 23:59 CET: winter time again
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    ['2026-12-31T23:30:00Z', '2027-01-01'],
  ])('the instant %s is %s in Stockholm', (instant, date) => {
    expect(stockholmDate(new Date(instant))).toBe(date);
  });
});

describe('the week grid does not depend on the process time zone', () => {
  const script = `
    import { addWeeks, isoWeekOf, mondayOf, stockholmDate, weeksBetween } from './shared/domain/weeks.ts';
    console.log(JSON.stringify([
      addWeeks('2026-03-23', 1), addWeeks('2026-10-19', 1), mondayOf('2027-01-03'),
      isoWeekOf('2026-12-28'), isoWeekOf('2027-01-04'), weeksBetween('2026-01-12', '2027-01-18'),
      stockholmDate(new Date('2026-03-29T22:30:00Z')),
    ]));`;
  const expected = [
    '2026-03-30', '2026-10-26', '2026-12-28',
    { week: 53, year: 2026 }, { week: 1, year: 2027 }, 53, '2026-03-30',
  ];

  it.each(['Europe/Stockholm', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])('TZ=%s', (zone) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual(expected);
  });
});
