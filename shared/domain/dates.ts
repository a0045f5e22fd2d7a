// Calendar dates as 'YYYY-MM-DD' strings and their day numbers: the one date module of the domain.
// Day numbers (days since 1970-01-01) make week arithmetic exact and independent of the
// process time zone; no Date object leaves this file.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2026-02-30). */
export const isIsoDate: (value: string) => boolean = remembered(checkIsoDate);

function checkIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Remembered results of a pure function of one date: plan checks ask for the same few hundred
 * dates thousands of times per plan. Emptied when it grows past `size`, so it stays small.
 */
function remembered<T>(fn: (date: string) => T, size = 20_000): (date: string) => T {
  const known = new Map<string, T>();
  return (date) => {
    let value = known.get(date);
    if (value === undefined) {
      if (known.size >= size) known.clear();
      value = fn(date);
      known.set(date, value);
    }
    return value;
  };
}

/** Days since 1970-01-01 for a valid 'YYYY-MM-DD'. */
export const dayNumber: (date: IsoDate) => number = remembered((date) => {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
});

/**
 * The date `days` after 1970-01-01. Integer arithmetic (Howard Hinnant's civil_from_days), no
 * Date object: plan checks call this for every week of every placement.
 */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return makeDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function isMonday(date: IsoDate): boolean {
  return isoWeekday(date) === 1;
}

export function makeDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MONTHS = {
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** "1 jun–31 aug 2027" (the year once when both lie in it), "1 dec 2026–31 jan 2027"; English "1 Jun–31 Aug 2027". */
export function formatDateRange(range: { from: IsoDate; to: IsoDate }, lang: 'sv' | 'en' = 'sv'): string {
  const day = (date: IsoDate) => `${Number(date.slice(8, 10))} ${MONTHS[lang][Number(date.slice(5, 7)) - 1]}`;
  const [fromYear, toYear] = [range.from.slice(0, 4), range.to.slice(0, 4)];
  return fromYear === toYear ? `${day(range.from)}–${day(range.to)} ${toYear}` : `${day(range.from)} ${fromYear}–${day(range.to)} ${toYear}`;
}

/** "feb 2026" (English "Feb 2026") for a 'YYYY-MM' or a date in the month. */
export function formatMonth(date: string, lang: 'sv' | 'en' = 'sv'): string {
  return `${MONTHS[lang][Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
