// A new intake from a cohort: its template's dates moved to the new doctors' year and its
// doctors' setup moved to the new start. Pure; the server checks that the result can be laid out
// (the solver model's layouts) before anything is saved.
import type { Block, Doctor } from '../format/problem';
import { dayNumber, daysInMonth, makeDate, type IsoDate } from './dates';
import { addWeeks, weeksBetween, type Week, type WeekRange } from './weeks';

/** A block's date window (vacation in June–August), as the format defines it. */
type DateRange = NonNullable<Block['window']>;

/** The same month and day `years` later (29 February becomes the 28th). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return makeDate(y + years, m, Math.min(d, daysInMonth(y + years, m)));
}

function overlapDays(a: DateRange, b: DateRange): number {
  return Math.max(0, Math.min(dayNumber(a.to), dayNumber(b.to)) - Math.max(dayNumber(a.from), dayNumber(b.from)));
}

/**
 * A date window (vacation in June–August) moved by the whole years that put most of it inside
 * `year` — the doctor's year [from, to) — so it keeps its months and days; ties go to the smaller
 * move. A window that no whole-year move brings into the year stays as it is (the layout check
 * then names it).
 */
export function windowIntoYear(window: DateRange, year: WeekRange): DateRange {
  const base = Number(window.from.slice(0, 4));
  let best = { years: 0, overlap: overlapDays(window, year) };
  for (let years = Number(year.from.slice(0, 4)) - base - 1; years <= Number(year.to.slice(0, 4)) - base + 1; years++) {
    const overlap = overlapDays({ from: addYears(window.from, years), to: addYears(window.to, years) }, year);
    if (overlap > best.overlap || (overlap === best.overlap && overlap > 0 && Math.abs(years) < Math.abs(best.years))) best = { years, overlap };
  }
  return best.years === 0 ? window : { from: addYears(window.from, best.years), to: addYears(window.to, best.years) };
}

/** The weeks of a full-time year without absence or credit: every block's weeks from `start`. */
export function nominalYear(blocks: readonly Pick<Block, 'weeks'>[], start: Week): WeekRange {
  return { from: start, to: addWeeks(start, blocks.reduce((sum, b) => sum + b.weeks, 0)) };
}

/**
 * A template's blocks for an intake starting `start`: each window moved by whole years into the
 * new year; each cohort week (`at`) moved by `shiftWeeks` — how far the intake lies after the
 * source cohort's start — or, when that is unknown (a cohort without doctors), by the whole
 * 52-week steps that bring it to the first such week on or after `start`. Unchanged blocks are
 * the very same objects.
 */
export function intakeBlocks<B extends Pick<Block, 'weeks' | 'window' | 'at'>>(blocks: readonly B[], start: Week, shiftWeeks?: number): B[] {
  const year = nominalYear(blocks, start);
  return blocks.map((block) => {
    let moved = block;
    if (block.window) {
      const window = windowIntoYear(block.window, year);
      if (window !== block.window) moved = { ...moved, window };
    }
    if (block.at !== undefined) {
      const weeks = shiftWeeks ?? 52 * Math.ceil(weeksBetween(block.at, start) / 52);
      if (weeks !== 0) moved = { ...moved, at: addWeeks(block.at, weeks) };
    }
    return moved;
  });
}

type DoctorSetup = Pick<Doctor, 'start' | 'pins' | 'wishes'> & { absences: readonly unknown[] };

/**
 * A doctor of the source cohort in the new intake: starts at `start`, without the absences (they
 * were the old year's), pins and wishes with a week moved along with the start; credit and
 * allowed sites kept.
 */
export function intakeDoctor<D extends DoctorSetup>(doctor: D, start: Week): D {
  const shift = weeksBetween(doctor.start, start);
  const move = <T extends { from?: Week }>(x: T): T => (x.from !== undefined ? { ...x, from: addWeeks(x.from, shift) } : x);
  return { ...doctor, start, absences: [], pins: doctor.pins.map(move), wishes: doctor.wishes.map(move) };
}
