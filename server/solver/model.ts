// The solver's view of a problem: a doctor's year has no idle weeks, so it is one *layout*
// (where the site-less blocks lie × the order of the site blocks); each site block then only
// needs a site. Layouts are generated up front (layouts.ts: all of them, or a spread sample marked `cut`).
import { needsSite } from '../../shared/domain/block-kinds';
import { siteWeek } from '../../shared/domain/capacity';
import { absentWeeks, blocksToAssign, btEnd } from '../../shared/domain/rotation';
import { weekFromIndex, weekIndex } from '../../shared/domain/weeks';
import { ownValue } from '../../shared/domain/own';
import type { Assignment } from '../../shared/format/plan';
import type { Block, Doctor, Problem } from '../../shared/format/problem';
import { enumerateLayouts } from './layouts';

/** A site block of one doctor and the sites it may use (indices into model.sites). */
export interface Slot {
  block: Block;
  sites: number[];
}

export interface PlacedRange {
  from: number;
  to: number;
}

export interface Layout {
  /** Site-less blocks and their [from, to) week indices. */
  siteless: { block: string; vacation: boolean; range: PlacedRange }[];
  /** Per slot (same order as DoctorModel.slots): its range and service weeks. */
  ranges: PlacedRange[];
  weeks: Int32Array[];
  /** Site placements with a vacation week inside them. */
  cutByVacation: number;
}

export interface DoctorModel {
  /** The doctor, with assignments frozen by replanning added as pins. */
  doctor: Doctor;
  /** The previous plan's assignment per block, when replanning. */
  previous: Map<string, Assignment>;
  slots: Slot[];
  layouts: Layout[];
  /** True when the doctor's layouts were not all enumerated (cap or stop): `layouts` is a subset. */
  cut: boolean;
  /** Why the doctor has no layout or a slot has no site, when so. */
  problems: string[];
}

export interface SolverModel {
  problem: Problem;
  doctors: DoctorModel[];
  siteIds: string[];
  firstWeek: number;
  weekCount: number;
  /** Monday of each week index from firstWeek, through firstWeek + weekCount. */
  weekNames: string[];
  /**
   * capacity[site * weekCount + (week - firstWeek)]: what this cohort may use, the site's
   * capacity less what the region's other cohorts take (siteWeek().left).
   */
  capacity: Int32Array;
  /**
   * True when some doctor's layouts were not all enumerated (the cap, or `stop()`): the model
   * then holds a subset of the plans, so neither `optimal` nor `infeasible` can be claimed.
   */
  cut: boolean;
}

export interface ModelOptions {
  /** Checked every few hundred layouts; when it says so, enumeration ends and the model is cut. */
  stop?: () => boolean;
  /** Layouts kept per doctor (default MAX_LAYOUTS). */
  maxLayouts?: number;
}

/** At most this many layouts per doctor (orders × vacation starts); every one for 4 site blocks and one vacation. */
const MAX_LAYOUTS = 2_000;
/** …and at most this many site placements over a doctor's layouts (14 site blocks: 714 layouts, 26: 384). */
const MAX_SLOT_PLACEMENTS = 10_000;
const MIN_LAYOUTS = 200;
/** Placements of the site-less blocks kept (several vacation blocks multiply their starts). */
const MAX_SITELESS = 5_000;

export function buildModel(problem: Problem, options: ModelOptions = {}): SolverModel {
  const siteIds = problem.sites.map((s) => s.id);
  const previous = previousByDoctor(problem);
  // Once stop() has said so it stays so: every later doctor keeps its first layout and no more.
  let stopped = false;
  const stop = options.stop ?? (() => false);
  const latched = { ...options, stop: () => stopped || (stopped = stop()) };
  const doctors = problem.doctors.map((d) => doctorModel(problem, withFrozenPins(problem, d, previous.get(d.id)), previous.get(d.id), latched));
  let firstWeek = Infinity;
  let lastWeek = -Infinity;
  for (const d of problem.doctors) {
    firstWeek = Math.min(firstWeek, weekIndex(d.start));
    lastWeek = Math.max(lastWeek, weekIndex(btEnd(problem, d)));
  }
  if (!Number.isFinite(firstWeek)) firstWeek = lastWeek = 0;
  const weekCount = lastWeek - firstWeek;
  const capacity = new Int32Array(siteIds.length * weekCount);
  problem.sites.forEach((site, s) => {
    for (let w = 0; w < weekCount; w++) capacity[s * weekCount + w] = siteWeek(site, weekFromIndex(firstWeek + w)).left;
  });
  const weekNames = Array.from({ length: weekCount + 1 }, (_, w) => weekFromIndex(firstWeek + w));
  const cut = doctors.some((d) => d.cut);
  return { problem, doctors, siteIds, firstWeek, weekCount, weekNames, capacity, cut };
}

export function previousByDoctor(problem: Problem): Map<string, Map<string, Assignment>> {
  const byDoctor = new Map<string, Map<string, Assignment>>();
  for (const a of problem.previous?.assignments ?? []) {
    if (!byDoctor.has(a.doctor)) byDoctor.set(a.doctor, new Map());
    byDoctor.get(a.doctor)!.set(a.block, a);
  }
  return byDoctor;
}

/**
 * Replanning never moves what started before `frozenBefore`: such an assignment becomes a pin
 * of its site and start (its end may still move later when new leave stretches it).
 */
export function withFrozenPins(problem: Problem, doctor: Doctor, previous: Map<string, Assignment> | undefined): Doctor {
  const frozenBefore = problem.frozenBefore;
  if (!previous || !frozenBefore) return doctor;
  const frozen = [...previous.values()].filter((a) => a.from < frozenBefore && problem.blocks.some((b) => b.id === a.block));
  if (frozen.length === 0) return doctor;
  const frozenBlocks = new Set(frozen.map((a) => a.block));
  return {
    ...doctor,
    pins: [
      ...doctor.pins.filter((p) => !frozenBlocks.has(p.block)),
      ...frozen.map((a) => ({ block: a.block, from: a.from, ...(a.site !== null ? { site: a.site } : {}) })),
    ],
  };
}

/** One doctor's slots and layouts (also how a new intake is checked before it is saved). */
export function doctorModel(problem: Problem, doctor: Doctor, previous = new Map<string, Assignment>(), options: ModelOptions = {}): DoctorModel {
  const stop = options.stop ?? (() => false);
  const problems: string[] = [];
  const blocks = blocksToAssign(problem, doctor);
  const slots: Slot[] = blocks.filter((b) => needsSite(b.category)).map((block) => {
    const pin = doctor.pins.find((p) => p.block === block.id);
    const allowed = ownValue(doctor.allowedSites, block.id);
    const sites: number[] = [];
    problem.sites.forEach((site, i) => {
      if (!site.kinds.includes(block.kind)) return;
      if (allowed && !allowed.includes(site.id)) return;
      if (pin?.site !== undefined && pin.site !== site.id) return;
      sites.push(i);
    });
    if (sites.length === 0) problems.push(`no-site:${block.id}`);
    return { block, sites };
  });

  const start = weekIndex(doctor.start);
  const end = weekIndex(btEnd(problem, doctor));
  const absent = absentWeeks(doctor);
  const siteless = sitelessPlacementsUpTo(blocks.filter((b) => !needsSite(b.category)), doctor, start, end, absent, MAX_SITELESS);
  const sitelessOptions = siteless.options;
  if (sitelessOptions.length === 0) problems.push('no-siteless-placement');

  // Fewer layouts for many site blocks: each costs memory and search time per slot.
  const maxLayouts = options.maxLayouts ?? Math.min(MAX_LAYOUTS, Math.max(MIN_LAYOUTS, Math.floor(MAX_SLOT_PLACEMENTS / Math.max(1, slots.length))));

  const { layouts, cut } = enumerateLayouts(slots, doctor, start, absent, sitelessOptions, { maxLayouts, stop }, previous);
  if (layouts.length === 0 && problems.length === 0) problems.push(cut ? 'layouts-cut' : 'no-layout');
  return { doctor, previous, slots, layouts, cut: cut || siteless.cut, problems };
}

/**
 * Every way to place the site-less blocks: offset and cohort-week (`at`) blocks fixed, the others
 * at each allowed start.
 */
export function sitelessPlacements(blocks: Block[], doctor: Doctor, start: number, end: number, absent: Set<number>): Layout['siteless'][] {
  return sitelessPlacementsUpTo(blocks, doctor, start, end, absent, MAX_SITELESS).options;
}

/** The same, thinned evenly to `limit` partial placements per block added (then `cut`). */
function sitelessPlacementsUpTo(blocks: Block[], doctor: Doctor, start: number, end: number, absent: Set<number>, limit: number) {
  let options: Layout['siteless'][] = [[]];
  let cut = false;
  for (const block of blocks) {
    if (options.length > limit) {
      options = options.filter((_, i) => Math.floor((i * limit) / options.length) !== Math.floor(((i - 1) * limit) / options.length));
      cut = true;
    }
    const pin = doctor.pins.find((p) => p.block === block.id);
    const starts: number[] = [];
    if (block.offset !== undefined) starts.push(start + block.offset);
    else if (block.at !== undefined) starts.push(weekIndex(block.at));
    else if (pin?.from !== undefined) starts.push(weekIndex(pin.from));
    else for (let w = start; w + block.weeks <= end; w++) starts.push(w);
    const next: typeof options = [];
    for (const option of options) {
      for (const from of starts) {
        const range = { from, to: from + block.weeks };
        if (range.from < start || range.to > end) continue;
        if (block.window && (weekFromIndex(range.from) < block.window.from || weekFromIndex(range.to) > block.window.to)) continue;
        if (pin?.from !== undefined && weekFromIndex(from) !== pin.from) continue;
        let clash = false;
        for (let w = range.from; w < range.to && !clash; w++) clash = absent.has(w);
        for (const other of option) clash ||= other.range.from < range.to && range.from < other.range.to;
        if (!clash) next.push([...option, { block: block.id, vacation: block.category === 'vacation', range }]);
      }
    }
    options = next;
  }
  if (options.length > limit) {
    options = options.filter((_, i) => Math.floor((i * limit) / options.length) !== Math.floor(((i - 1) * limit) / options.length));
    cut = true;
  }
  return { options, cut };
}
