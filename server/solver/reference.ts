// The plain reference formulation, kept for tests and the benchmark ratio: one binary per
// doctor × block × site × start week (time-indexed), every doctor-week covered once, site
// capacity per week. Placements skip absences and fixed cohort weeks; a placement around a
// vacation is its own column, linked to that vacation start. A site-week's row allows what the
// region's other cohorts leave of its capacity. Same soft costs as the layout search (moves
// from a previous plan included; what started before `frozenBefore` is pinned), so the two
// optima agree.
import { needsSite } from '../../shared/domain/block-kinds';
import { absentWeeks, blocksToAssign, btEnd, requiredServiceWeeks } from '../../shared/domain/rotation';
import { weekFromIndex, weekIndex } from '../../shared/domain/weeks';
import type { Assignment, Plan } from '../../shared/format/plan';
import type { Block, Problem } from '../../shared/format/problem';
import { siteWeek } from '../../shared/domain/capacity';
import { wishMet } from '../../shared/domain/wishes';
import { ownValue } from '../../shared/domain/own';
import { DEFAULT_WEIGHTS, moveCost, moveKind, type Weights } from './heuristic';
import { previousByDoctor, withFrozenPins } from './model';
import { BinaryMip, loadHighs } from './mip';

export interface ReferenceOptions {
  timeLimit?: number;
  weights?: Weights;
}

interface ReferenceModel {
  mip: BinaryMip;
  /** The assignment each column stands for (undefined: a fairness helper column). */
  meaning: (Assignment | undefined)[];
  /** Cohort blocks at a fixed offset or cohort week (`at`): no column, always in the plan. */
  fixed: Assignment[];
  /** A fixed block cannot lie where it must (outside the year, on an absence or another fixed block). */
  impossible: boolean;
  /** Cost no column carries: wishes on fixed blocks that their fixed start does not meet. */
  offset: number;
}

function buildReferenceModel(problem: Problem, weights: Weights): ReferenceModel {
  const mip = new BinaryMip();
  const meaning: (Assignment | undefined)[] = [];
  const fixed: Assignment[] = [];
  let impossible = false;
  let offset = 0;
  const capacityRows = new Map<string, number>();
  const sites = new Map(problem.sites.map((s) => [s.id, s]));

  const capacityRow = (site: string, week: number) => {
    const key = `${site}@${week}`;
    let row = capacityRows.get(key);
    if (row === undefined) {
      row = mip.addRow(-Infinity, siteWeek(sites.get(site)!, weekFromIndex(week)).left);
      capacityRows.set(key, row);
    }
    return row;
  };

  const previousOf = previousByDoctor(problem);
  for (const planned of problem.doctors) {
    const previous = previousOf.get(planned.id);
    const doctor = withFrozenPins(problem, planned, previous);
    const moved = (blockId: string, site: string | null, from: number) =>
      moveCost(moveKind(previous?.get(blockId), site, weekFromIndex(from), problem.frozenBefore), weights);
    const start = weekIndex(doctor.start);
    const end = weekIndex(btEnd(problem, doctor));
    const blocked = absentWeeks(doctor);
    const blocks = blocksToAssign(problem, doctor);
    const fixedHere: { block: string; from: number }[] = [];
    for (const block of blocks) {
      if (needsSite(block.category) || (block.offset === undefined && block.at === undefined)) continue;
      const from = block.offset !== undefined ? start + block.offset : weekIndex(block.at!);
      fixedHere.push({ block: block.id, from });
      // A fixed week outside the doctor's year or on an absence: no plan exists.
      if (from < start || from + block.weeks > end || [...Array(block.weeks).keys()].some((i) => blocked.has(from + i))) impossible = true;
      fixed.push({ doctor: doctor.id, block: block.id, site: null, from: weekFromIndex(from), to: weekFromIndex(from + block.weeks) });
      for (let w = from; w < from + block.weeks; w++) blocked.add(w);
    }
    const cover = new Map<number, number>();
    for (let w = start; w < end; w++) if (!blocked.has(w)) cover.set(w, mip.addRow(1, 1));
    const occupy = (col: number, weeks: number[], site: string | null) => {
      for (const w of weeks) {
        mip.setCoefficient(col, cover.get(w)!, 1);
        if (site !== null) mip.setCoefficient(col, capacityRow(site, w), 1);
      }
    };
    // Fairness: every unmet wish of a doctor with two or more costs `fairness`, and one
    // binary, allowed only when some wish is unmet, gives the first back.
    const fair = doctor.wishes.length >= 2 ? weights.fairness : 0;
    const unmetWishes = (blockId: string, site: string | null, from: number) =>
      doctor.wishes.filter((wish) => wish.block === blockId && !wishMet(wish, site, weekFromIndex(from)));
    // Wishes on fixed blocks that their start misses cost the same in every plan, and count
    // as unmet for the fairness charge (the first unmet wish is then free in every plan).
    const fixedUnmet = fixedHere.flatMap((f) => unmetWishes(f.block, null, f.from));
    offset += fixedUnmet.reduce((sum, wish) => sum + wish.weight * weights.wish + fair, 0);
    const firstUnmetRow = fair > 0 ? mip.addRow(-Infinity, fixedUnmet.length) : -1;
    if (fair > 0) {
      mip.setCoefficient(mip.addColumn(-fair), firstUnmetRow, 1);
      meaning.push(undefined);
    }
    const wishCost = (blockId: string, site: string | null, from: number) =>
      unmetWishes(blockId, site, from).reduce((sum, wish) => sum + wish.weight * weights.wish + fair, 0);
    const linkUnmet = (col: number, blockId: string, site: string | null, from: number) => {
      const count = unmetWishes(blockId, site, from).length;
      if (fair > 0 && count > 0) mip.setCoefficient(col, firstUnmetRow, -count);
    };

    // Site-less blocks without offset (vacation): one column per start. A placement may
    // straddle one of them: such a column is linked to that start's column.
    const straddles: { block: Block; from: number; col: number }[] = [];
    for (const block of blocks) {
      if (needsSite(block.category) || block.offset !== undefined || block.at !== undefined) continue;
      const pin = doctor.pins.find((p) => p.block === block.id);
      const choose = mip.addRow(1, 1);
      for (let t = start; t + block.weeks <= end; t++) {
        const to = t + block.weeks;
        const weeks = Array.from({ length: block.weeks }, (_, i) => t + i);
        if (weeks.some((w) => blocked.has(w))) continue;
        if (pin?.from !== undefined && weekFromIndex(t) !== pin.from) continue;
        if (block.window && (weekFromIndex(t) < block.window.from || weekFromIndex(to) > block.window.to)) continue;
        const col = mip.addColumn(wishCost(block.id, null, t) + moved(block.id, null, t));
        meaning.push({ doctor: doctor.id, block: block.id, site: null, from: weekFromIndex(t), to: weekFromIndex(to) });
        linkUnmet(col, block.id, null, t);
        mip.setCoefficient(col, choose, 1);
        occupy(col, weeks, null);
        straddles.push({ block, from: t, col });
      }
    }

    for (const block of blocks) {
      if (!needsSite(block.category)) continue;
      const pin = doctor.pins.find((p) => p.block === block.id);
      const need = requiredServiceWeeks(block.weeks, doctor.partTime);
      const siteOptions = problem.sites
        .filter((s) => s.kinds.includes(block.kind))
        .filter((s) => ownValue(doctor.allowedSites, block.id)?.includes(s.id) ?? true)
        .filter((s) => pin?.site === undefined || pin.site === s.id)
        .map((s) => s.id);
      const choose = mip.addRow(1, 1);
      for (let t = start; t < end; t++) {
        if (blocked.has(t) || (pin?.from !== undefined && weekFromIndex(t) !== pin.from)) continue;
        // Without a straddle, then around each site-less block that fits strictly inside.
        for (const straddle of [undefined, ...straddles]) {
          const skip = (w: number) => blocked.has(w) || (straddle !== undefined && w >= straddle.from && w < straddle.from + straddle.block.weeks);
          const weeks: number[] = [];
          let to = t;
          for (; weeks.length < need && to < end; to++) if (!skip(to)) weeks.push(to);
          if (weeks.length < need) continue;
          if (straddle && !(straddle.from > t && straddle.from + straddle.block.weeks < to)) continue;
          for (const site of siteOptions) {
            const home = doctor.town !== undefined && sites.get(site)!.town !== doctor.town ? weights.homeTown : 0;
            const cut = straddle?.block.category === 'vacation' ? weights.vacationCut : 0;
            const col = mip.addColumn(home + cut + wishCost(block.id, site, t) + moved(block.id, site, t));
            meaning.push({ doctor: doctor.id, block: block.id, site, from: weekFromIndex(t), to: weekFromIndex(to) });
            linkUnmet(col, block.id, site, t);
            mip.setCoefficient(col, choose, 1);
            occupy(col, weeks, site);
            if (straddle) {
              // Only together with that site-less block at that start: x − y ≤ 0.
              const link = mip.addRow(-Infinity, 0);
              mip.setCoefficient(col, link, 1);
              mip.setCoefficient(straddle.col, link, -1);
            }
          }
        }
      }
    }
  }

  return { mip, meaning, fixed, impossible, offset };
}

/** The reference MIP in CPLEX LP format (`npm run solve -- … --export-lp model.lp`). */
export async function exportReferenceLp(problem: Problem, weights: Weights = DEFAULT_WEIGHTS): Promise<string> {
  const { mip, offset } = buildReferenceModel(problem, weights);
  // The LP format has no objective constant: a column held at 1 carries the offset, so another
  // solver's objective for the file is the plan's.
  if (offset !== 0) mip.setCoefficient(mip.addColumn(offset), mip.addRow(1, 1), 1);
  return mip.exportLp(await loadHighs());
}

export async function solveReference(problem: Problem, options: ReferenceOptions = {}): Promise<Plan> {
  const { mip, meaning, fixed, impossible, offset } = buildReferenceModel(problem, options.weights ?? DEFAULT_WEIGHTS);
  if (impossible) {
    return { format: 'bt-plan/1', status: 'infeasible', assignments: [], explanation: [], stats: { seconds: 0, columns: mip.columnCount, rows: mip.rowCount } };
  }
  const result = mip.solve(await loadHighs(), options.timeLimit ?? 60);
  const chosen = result.values ? meaning.filter((a, j): a is Assignment => a !== undefined && result.values![j]! > 0.5) : [];
  const assignments = result.values ? [...fixed, ...chosen].sort((a, b) => a.doctor.localeCompare(b.doctor) || a.from.localeCompare(b.from)) : [];
  return {
    format: 'bt-plan/1',
    status: result.status,
    objective: result.objective !== undefined ? result.objective + offset : undefined,
    bound: result.bound !== undefined ? result.bound + offset : undefined,
    assignments,
    explanation: [],
    stats: { seconds: result.seconds, columns: mip.columnCount, rows: mip.rowCount },
  };
}
