// Swedish public holidays, computed: the red days of the calendar plus the eves that are
// days off in practice (påskafton, midsommarafton, julafton, nyårsafton). Teaching and
// other weekday events skip these.
import { addDays, isoWeekday, makeDate, type IsoDate } from './dates';

export interface Holiday {
  date: IsoDate;
  name_sv: string;
  name_en: string;
}

/** Easter Sunday (Gregorian computus, anonymous algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeDate(year, month, day);
}

/** The first date from `first` on that falls on ISO weekday `weekday`. */
function firstWeekdayFrom(first: IsoDate, weekday: number): IsoDate {
  return addDays(first, (weekday - isoWeekday(first) + 7) % 7);
}

export function swedishHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const midsummerEve = firstWeekdayFrom(makeDate(year, 6, 19), 5);
  const holidays: Holiday[] = [
    { date: makeDate(year, 1, 1), name_sv: 'Nyårsdagen', name_en: "New Year's Day" },
    { date: makeDate(year, 1, 6), name_sv: 'Trettondedag jul', name_en: 'Epiphany' },
    { date: addDays(easter, -2), name_sv: 'Långfredagen', name_en: 'Good Friday' },
    { date: addDays(easter, -1), name_sv: 'Påskafton', name_en: 'Easter Eve' },
    { date: easter, name_sv: 'Påskdagen', name_en: 'Easter Sunday' },
    { date: addDays(easter, 1), name_sv: 'Annandag påsk', name_en: 'Easter Monday' },
    { date: makeDate(year, 5, 1), name_sv: 'Första maj', name_en: 'May Day' },
    { date: addDays(easter, 39), name_sv: 'Kristi himmelsfärdsdag', name_en: 'Ascension Day' },
    { date: addDays(easter, 49), name_sv: 'Pingstdagen', name_en: 'Whit Sunday' },
    { date: makeDate(year, 6, 6), name_sv: 'Sveriges nationaldag', name_en: 'National Day of Sweden' },
    { date: midsummerEve, name_sv: 'Midsommarafton', name_en: 'Midsummer Eve' },
    { date: addDays(midsummerEve, 1), name_sv: 'Midsommardagen', name_en: 'Midsummer Day' },
    { date: firstWeekdayFrom(makeDate(year, 10, 31), 6), name_sv: 'Alla helgons dag', name_en: "All Saints' Day" },
    { date: makeDate(year, 12, 24), name_sv: 'Julafton', name_en: 'Christmas Eve' },
    { date: makeDate(year, 12, 25), name_sv: 'Juldagen', name_en: 'Christmas Day' },
    { date: makeDate(year, 12, 26), name_sv: 'Annandag jul', name_en: 'Boxing Day' },
    { date: makeDate(year, 12, 31), name_sv: 'Nyårsafton', name_en: "New Year's Eve" },
  ];
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

const holidayDatesByYear = new Map<number, Set<IsoDate>>();

export function isSwedishHoliday(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  let dates = holidayDatesByYear.get(year);
  if (!dates) {
    dates = new Set(swedishHolidays(year).map((h) => h.date));
    holidayDatesByYear.set(year, dates);
  }
  return dates.has(date);
}
