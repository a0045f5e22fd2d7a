// A doctor's layouts: every (site-less placement × order of the site blocks) when they are few,
// else a deterministic, diverse sample — each site-less placement (vacation start) in turn, each
// time with another order — so a template of 14 or 26 site blocks never meets its n! orders.
import { requiredServiceWeeks } from '../../shared/domain/rotation';
import { mondayOf, weekFromIndex, weekIndex } from '../../shared/domain/weeks';
import type { Assignment } from '../../shared/format/plan';
import type { Doctor } from '../../shared/format/problem';
import type { Layout, PlacedRange, Slot } from './model';
import { seededRandom, shuffle, type Random } from './random';

export interface LayoutSet {
  layouts: Layout[];
  /** True when some candidate was never tried: the layouts are a subset. */
  cut: boolean;
}

export interface LayoutLimits {
  maxLayouts: number;
  stop: () => boolean;
}

/** Up to this many candidates (site-less placement × order) every one is tried, in order. */
const EXHAUSTIVE_CANDIDATES = 20_000;
/** Search steps one sampled order may take (pinned starts make it a small subset-sum). */
const STEPS_PER_ORDER = 300;
/** Search steps, over all site-less placements, for a doctor none of whose sampled orders fit. */
const FALLBACK_STEPS = 500_000;
/** Sampled candidates tried per layout wanted, at most: pins can make most of them fail. */
const TRIES_PER_LAYOUT = 3;
/** stop() is read once per this many candidates: a clock read costs about what a layout does. */
const STOP_EVERY = 256;

/** What one site block allows: a fixed start (offset, cohort week, pinned start) and a window, as week indices. */
interface SlotRule {
  need: number;
  fixed?: number;
  earliest: number;
  latest: number;
}

export function enumerateLayouts(
  slots: Slot[],
  doctor: Doctor,
  start: number,
  absent: Set<number>,
  sitelessOptions: Layout['siteless'][],
  limits: LayoutLimits,
  previous: Map<string, Assignment>,
): LayoutSet {
  const rules = slots.map((slot) => slotRule(slot, doctor, start));
  const placer = new Placer(rules);
  const blockedOf = (siteless: Layout['siteless']) => {
    const blocked = new Set(absent);
    for (const { range } of siteless) for (let w = range.from; w < range.to; w++) blocked.add(w);
    return blocked;
  };
  const layouts: Layout[] = [];
  if (sitelessOptions.length === 0) return { layouts, cut: false };
  // Read once the doctor has a layout (an empty list would read as a proof of no plan), then
  // every STOP_EVERY candidates.
  let tried = 0;
  let nextCheck = 0;
  let stopped = false;
  const stopNow = (kept: number) => {
    if (stopped || kept === 0 || ++tried < nextCheck) return stopped;
    nextCheck = tried + STOP_EVERY;
    return (stopped = limits.stop());
  };

  // Few candidates: all of them, site-less placement by placement, orders lexicographic.
  const orderCount = factorial(slots.length);
  if (orderCount * sitelessOptions.length <= EXHAUSTIVE_CANDIDATES) {
    const orders = permutations(slots.map((_, i) => i));
    const all: Layout[] = [];
    for (const siteless of sitelessOptions) {
      const blocked = blockedOf(siteless);
      for (const order of orders) {
        if (stopNow(all.length)) return { layouts: all.length > limits.maxLayouts ? spread(all, limits.maxLayouts) : all, cut: true };
        const layout = layOut(placer, order, start, blocked, siteless);
        if (layout) all.push(layout);
      }
    }
    if (all.length <= limits.maxLayouts) return { layouts: all, cut: false };
    return { layouts: spread(all, limits.maxLayouts), cut: true };
  }

  // Many: rounds over the site-less placements in a spread order; round 0 lays out the
  // template's order, round 1 the previous plan's, later rounds seeded random orders. A
  // depth-first search per order keeps fixed starts and windows reachable.
  const random = seededRandom(hashOf(doctor.id));
  const placements = spreadOrder(sitelessOptions.length);
  const blocked = new Map<number, Blocked>();
  const seen = new Set<string>();
  const identity = slots.map((_, i) => i);
  const previousOrder = orderOfPrevious(slots, previous);
  const maxTries = limits.maxLayouts * TRIES_PER_LAYOUT;
  for (let round = 0, tries = 0; layouts.length < limits.maxLayouts && tries < maxTries; round++) {
    for (const p of placements) {
      if (layouts.length >= limits.maxLayouts || tries++ >= maxTries || stopNow(layouts.length)) break;
      const preference = round === 0 ? identity : round === 1 && previousOrder ? previousOrder : shuffle(random, identity);
      const siteless = sitelessOptions[p]!;
      if (!blocked.has(p)) blocked.set(p, blockedOf(siteless));
      const layout = searchOrder(placer, rules, preference, start, blocked.get(p)!, siteless);
      if (!layout) continue;
      const key = `${p}:${layout.ranges.map((r) => r.from).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      layouts.push(layout);
    }
    if (stopped) break;
  }
  // None yet (pinned starts the quick searches missed): a longer search per site-less placement
  // before the doctor is left with none — an empty list is read as a proof of no plan.
  // When every search ends without running out of steps, no order fits at all: not a cut.
  let budget = FALLBACK_STEPS;
  let proven = layouts.length === 0 && !stopped;
  let searched = 0;
  for (const p of placements) {
    if (layouts.length > 0 || budget <= 0) break;
    const steps = Math.min(budget, FALLBACK_STEPS / 10);
    const layout = searchOrder(placer, rules, identity, start, blocked.get(p) ?? blockedOf(sitelessOptions[p]!), sitelessOptions[p]!, steps);
    budget -= steps;
    searched++;
    if (layout) layouts.push(layout);
    else if (layout === undefined) proven = false;
  }
  return { layouts, cut: !(proven && layouts.length === 0 && searched === placements.length) };
}

function slotRule(slot: Slot, doctor: Doctor, start: number): SlotRule {
  const { block } = slot;
  const pin = doctor.pins.find((p) => p.block === block.id);
  const fixed =
    block.offset !== undefined ? start + block.offset : block.at !== undefined ? weekIndex(block.at) : pin?.from !== undefined ? weekIndex(pin.from) : undefined;
  let earliest = -Infinity;
  let latest = Infinity;
  if (block.window) {
    // Whole range inside the window: from ≥ window.from, to ≤ window.to (dates, not always Mondays).
    const first = mondayOf(block.window.from);
    earliest = weekIndex(first) + (first < block.window.from ? 1 : 0);
    latest = weekIndex(mondayOf(block.window.to));
  }
  return { need: requiredServiceWeeks(block.weeks, doctor.partTime), ...(fixed !== undefined ? { fixed } : {}), earliest, latest };
}

/**
 * Where one site block lies from the first free week at or after `cursor`: its range and
 * service weeks, shared with every other layout of the doctor that has the same ones (a
 * 26-block template keeps ~10⁵ placements per 100 doctors; one array each filled the heap).
 */
class Placer {
  private readonly scratch = new Int32Array(1024);
  private readonly known = new Map<number, { range: PlacedRange; weeks: Int32Array }[]>();

  constructor(private readonly rules: SlotRule[]) {}

  /** Null when the slot's rules forbid that start. */
  place(slot: number, cursor: number, blocked: Blocked): { range: PlacedRange; weeks: Int32Array } | null {
    const rule = this.rules[slot]!;
    while (blocked.has(cursor)) cursor++;
    const from = cursor;
    if ((rule.fixed !== undefined && from !== rule.fixed) || from < rule.earliest) return null;
    const scratch = rule.need <= this.scratch.length ? this.scratch : new Int32Array(rule.need);
    for (let n = 0; n < rule.need; cursor++) if (!blocked.has(cursor)) scratch[n++] = cursor;
    if (cursor > rule.latest) return null;
    const key = slot * 1_000_000 + from;
    const list = this.known.get(key) ?? [];
    for (const placed of list) if (placed.range.to === cursor && sameWeeks(placed.weeks, scratch)) return placed;
    const placed = { range: { from, to: cursor }, weeks: scratch.slice(0, rule.need) };
    list.push(placed);
    this.known.set(key, list);
    return placed;
  }
}

function sameWeeks(weeks: Int32Array, scratch: Int32Array): boolean {
  for (let i = 0; i < weeks.length; i++) if (weeks[i] !== scratch[i]) return false;
  return true;
}

/** Weeks that are not service weeks (absences, site-less blocks), by week index. */
interface Blocked {
  has(week: number): boolean;
}

function finish(ranges: PlacedRange[], weeks: Int32Array[], siteless: Layout['siteless']): Layout {
  let cutByVacation = 0;
  for (const r of ranges) if (siteless.some((s) => s.vacation && s.range.from > r.from && s.range.to < r.to)) cutByVacation++;
  return { siteless, ranges, weeks, cutByVacation };
}

/** Lays the site blocks in `order` over the free weeks; null when a rule is missed. */
function layOut(placer: Placer, order: number[], start: number, blocked: Blocked, siteless: Layout['siteless']): Layout | null {
  const ranges: PlacedRange[] = new Array(order.length);
  const weeks: Int32Array[] = new Array(order.length);
  let cursor = start;
  for (const i of order) {
    const placed = placer.place(i, cursor, blocked);
    if (!placed) return null;
    ranges[i] = placed.range;
    weeks[i] = placed.weeks;
    cursor = placed.range.to;
  }
  return finish(ranges, weeks, siteless);
}

/**
 * The first order, trying blocks in `preference` order at each position, whose every block
 * keeps its rules; a block is not laid where it would pass a fixed start still to come. Null
 * when no order fits, undefined when the steps ran out first.
 */
function searchOrder(placer: Placer, rules: SlotRule[], preference: number[], start: number, blocked: Blocked, siteless: Layout['siteless'], maxSteps = STEPS_PER_ORDER): Layout | null | undefined {
  const n = rules.length;
  const ranges: PlacedRange[] = new Array(n);
  const weeks: Int32Array[] = new Array(n);
  const used = new Uint8Array(n);
  // Where the blocks laid so far end does not depend on their order, so a set of them that
  // led nowhere once leads nowhere again (a bit mask while the template has ≤ 30 site blocks).
  const failed = n <= 30 ? new Set<number>() : undefined;
  let mask = 0;
  let steps = 0;
  const dfs = (depth: number, cursor: number): boolean => {
    if (depth === n) return true;
    if (failed?.has(mask)) return false;
    for (const i of preference) {
      if (used[i] || ++steps > maxSteps) continue;
      const placed = placer.place(i, cursor, blocked);
      if (!placed) continue;
      let passes = false;
      for (let j = 0; j < n && !passes; j++) passes = j !== i && !used[j] && rules[j]!.fixed !== undefined && rules[j]!.fixed! < placed.range.to;
      if (passes) continue;
      used[i] = 1;
      mask |= 1 << i;
      ranges[i] = placed.range;
      weeks[i] = placed.weeks;
      if (dfs(depth + 1, placed.range.to)) return true;
      used[i] = 0;
      mask &= ~(1 << i);
    }
    if (steps <= maxSteps) failed?.add(mask);
    return false;
  };
  if (dfs(0, start)) return finish(ranges, weeks, siteless);
  return steps > maxSteps ? undefined : null;
}

/** The previous plan's order of the site blocks, when it names every one. */
function orderOfPrevious(slots: Slot[], previous: Map<string, Assignment>): number[] | undefined {
  const starts = slots.map((slot) => previous.get(slot.block.id)?.from);
  if (starts.some((s) => s === undefined)) return undefined;
  return slots.map((_, i) => i).sort((a, b) => starts[a]!.localeCompare(starts[b]!) || a - b);
}

/** `count` of `items`, evenly spaced (the first always kept). */
function spread<T>(items: T[], count: number): T[] {
  return Array.from({ length: count }, (_, k) => items[Math.floor((k * items.length) / count)]!);
}

/** 0…n−1 in an order that keeps every prefix spread over the range (van der Corput: 0, n/2, n/4, 3n/4, …). */
export function spreadOrder(n: number): number[] {
  const out: number[] = [];
  const seen = new Uint8Array(n);
  let bits = 0;
  while (1 << bits < n) bits++;
  for (let k = 0; k < 1 << bits; k++) {
    let reversed = 0;
    for (let b = 0; b < bits; b++) if (k & (1 << b)) reversed |= 1 << (bits - 1 - b);
    const i = Math.floor((reversed * n) / (1 << bits));
    if (!seen[i]) {
      seen[i] = 1;
      out.push(i);
    }
  }
  return out;
}

function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
