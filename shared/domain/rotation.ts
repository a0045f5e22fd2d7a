// A doctor's year on the week grid: which weeks are service weeks, how long a block takes
// at a part-time rate, and how an order of placements lays out into assignments.
import type { Assignment } from '../format/plan';
import type { Block, Doctor, Problem } from '../format/problem';
import { ownValue } from './own';
import { needsSite } from './block-kinds';
import { addWeeks, weekFromIndex, weekIndex, type Week } from './weeks';

/** Service weeks a block of `weeks` full-time weeks needs at `partTime` (0.75: 9 → 12). */
export function requiredServiceWeeks(weeks: number, partTime: number): number {
  // The epsilon keeps 9 / 0.6 = 15.000000000000002 at 15.
  return Math.ceil(weeks / partTime - 1e-9);
}

/** The doctor's credited block ids: one, or two with a recorded exception. */
export function creditedBlocks(doctor: Pick<Doctor, 'credits'>): Set<string> {
  return new Set(doctor.credits.map((c) => c.block));
}

/** The blocks a doctor must be assigned: every block but the credited ones. */
export function blocksToAssign(problem: Problem, doctor: Doctor): Block[] {
  const credited = creditedBlocks(doctor);
  return problem.blocks.filter((b) => !credited.has(b.id));
}

/** Week indices that are not service weeks for a doctor: absences and site-less blocks. */
export interface NonServiceWeeks {
  absent: Set<number>;
  siteless: Set<number>;
}

export function absentWeeks(doctor: Doctor): Set<number> {
  const absent = new Set<number>();
  for (const a of doctor.absences) {
    for (let w = weekIndex(a.from), end = weekIndex(a.to); w < end; w++) absent.add(w);
  }
  return absent;
}

export function isServiceWeek(nonService: NonServiceWeeks, week: number): boolean {
  return !nonService.absent.has(week) && !nonService.siteless.has(week);
}

/** Service week indices of [from, to). */
export function serviceWeeksIn(nonService: NonServiceWeeks, from: Week, to: Week): number[] {
  const weeks: number[] = [];
  for (let w = weekIndex(from), end = weekIndex(to); w < end; w++) {
    if (isServiceWeek(nonService, w)) weeks.push(w);
  }
  return weeks;
}

/** A rotation written by hand: the order of site placements and where site-less blocks lie. */
export interface RotationSpec {
  placements: { block: string; site: string }[];
  /** Start weeks of site-less blocks without an `offset` or `at` (vacation). */
  at?: Record<string, Week>;
}

/**
 * Lays out a rotation: site-less blocks at their offset, their cohort week (`at`) or given week, then each placement
 * from the first service week after the previous one until it has its service weeks.
 */
export function layoutRotation(problem: Problem, doctor: Doctor, spec: RotationSpec): Assignment[] {
  const blocks = new Map(problem.blocks.map((b) => [b.id, b]));
  const assignments: Assignment[] = [];
  const siteless = new Set<number>();
  for (const block of blocksToAssign(problem, doctor)) {
    if (needsSite(block.category)) continue;
    const from = block.offset !== undefined ? addWeeks(doctor.start, block.offset) : (block.at ?? ownValue(spec.at, block.id));
    if (from === undefined) throw new Error(`layoutRotation: no week given for block ${block.id}`);
    const to = addWeeks(from, block.weeks);
    assignments.push({ doctor: doctor.id, block: block.id, site: null, from, to });
    for (let w = weekIndex(from); w < weekIndex(to); w++) siteless.add(w);
  }
  const nonService: NonServiceWeeks = { absent: absentWeeks(doctor), siteless };

  let cursor = weekIndex(doctor.start);
  for (const { block: blockId, site } of spec.placements) {
    const block = blocks.get(blockId);
    if (!block) throw new Error(`layoutRotation: unknown block ${blockId}`);
    let need = requiredServiceWeeks(block.weeks, doctor.partTime);
    while (!isServiceWeek(nonService, cursor)) cursor++;
    const from = cursor;
    while (need > 0) {
      if (isServiceWeek(nonService, cursor)) need--;
      cursor++;
    }
    assignments.push({ doctor: doctor.id, block: blockId, site, from: weekFromIndex(from), to: weekFromIndex(cursor) });
  }
  return assignments.sort((a, b) => a.from.localeCompare(b.from) || a.block.localeCompare(b.block));
}

/** A BT's length without absence: the template's weeks, site blocks stretched by the part-time rate, the credited blocks left out. */
export function plannedBtWeeks(blocks: readonly Pick<Block, 'id' | 'category' | 'weeks'>[], doctor: Pick<Doctor, 'partTime' | 'credits'>): number {
  const credited = creditedBlocks(doctor);
  let weeks = 0;
  for (const block of blocks) {
    if (!credited.has(block.id)) weeks += needsSite(block.category) ? requiredServiceWeeks(block.weeks, doctor.partTime) : block.weeks;
  }
  return weeks;
}

/**
 * The Monday after a doctor's last BT week: the template's weeks (site blocks stretched by the
 * part-time rate, the credited blocks left out) laid from the start, each absence week added.
 */
export function btEnd(problem: Problem, doctor: Doctor): Week {
  let weeks = plannedBtWeeks(problem.blocks, doctor);
  const absent = absentWeeks(doctor);
  let week = weekIndex(doctor.start);
  while (weeks > 0) {
    if (!absent.has(week)) weeks--;
    week++;
  }
  return weekFromIndex(week);
}
