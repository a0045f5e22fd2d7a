import { describe, expect, it } from 'vitest';
import { easterSunday, isSwedishHoliday, swedishHolidays } from '../../shared/domain/holidays';

describe('Swedish public holidays', () => {
  it.each([
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2038, '2038-04-25'], // the latest possible date
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists 2026 with the eves that are days off', () => {
    expect(swedishHolidays(2026).map((h) => [h.date, h.name_sv])).toEqual([
      ['2026-01-01', 'Nyårsdagen'],
      ['2026-01-06', 'Trettondedag jul'],
      ['2026-04-03', 'Långfredagen'],
      ['2026-04-04', 'Påskafton'],
      ['2026-04-05', 'Påskdagen'],
      ['2026-04-06', 'Annandag påsk'],
      ['2026-05-01', 'Första maj'],
      ['2026-05-14', 'Kristi himmelsfärdsdag'],
      ['2026-05-24', 'Pingstdagen'],
      ['2026-06-06', 'Sveriges nationaldag'],
      ['2026-06-19', 'Midsommarafton'],
      ['2026-06-20', 'Midsommardagen'],
      ['2026-10-31', 'Alla helgons dag'],
      ['2026-12-24', 'Julafton'],
      ['2026-12-25', 'Juldagen'],
      ['2026-12-26', 'Annandag jul'],
      ['2026-12-31', 'Nyårsafton'],
    ]);
  });

  it('lists 2027', () => {
    expect(swedishHolidays(2027).map((h) => h.date)).toEqual([
      '2027-01-01', '2027-01-06', '2027-03-26', '2027-03-27', '2027-03-28', '2027-03-29',
      '2027-05-01', '2027-05-06', '2027-05-16', '2027-06-06', '2027-06-25', '2027-06-26',
      '2027-11-06', '2027-12-24', '2027-12-25', '2027-12-26', '2027-12-31',
    ]);
  });

  it.each([
    ['2026-06-19', true], // midsommarafton
    ['2026-12-24', true], // julafton
    ['2026-12-31', true], // nyårsafton
    ['2026-04-06', true], // annandag påsk
    ['2026-06-18', false],
    ['2026-12-23', false],
    ['2027-06-25', true],
    ['2027-06-19', false],
  ])('%s is a holiday: %s', (date, holiday) => {
    expect(isSwedishHoliday(date)).toBe(holiday);
  });

  it('has English names too', () => {
    expect(swedishHolidays(2026).find((h) => h.date === '2026-06-19')?.name_en).toBe('Midsummer Eve');
  });
});
