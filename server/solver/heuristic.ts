// Constructive heuristic + local search over layouts: least-flexible doctors first against
// residual capacity, min-conflict repair of overloaded site-weeks, re-insertion of one doctor
// at a time, then ruin-and-recreate of small groups. Every choice and every acceptance ranks
// hard before soft (a lexicographic Score): doctor-weeks over capacity first, then the soft
// cost, so no move ever buys a soft goal with overload.
import { weekIndex } from '../../shared/domain/weeks';
import { wishMet } from '../../shared/domain/wishes';
import type { Assignment } from '../../shared/format/plan';
import { shuffle, type Random } from './random';
import type { DoctorModel, Layout, SolverModel } from './model';
import { repairOverload } from './repair';

export interface Weights {
  /** Per unit of wish weight not met. */
  wish: number;
  /** Per placement outside the doctor's home town. */
  homeTown: number;
  /** Per placement with a vacation inside it. */
  vacationCut: number;
  /** Per assignment moved from the previous plan (replanning). */
  change: number;
  /** Per moved assignment that was to start within 4 weeks of `frozenBefore`. */
  urgentChange: number;
  /** Per unmet wish beyond a doctor's first unmet one: spreads unmet wishes across doctors. */
  fairness: number;
}

export const DEFAULT_WEIGHTS: Weights = { wish: 10, homeTown: 3, vacationCut: 1, change: 5, urgentChange: 20, fairness: 5 };

/** Moves of assignments starting this close to `frozenBefore` cost `urgentChange`. */
const URGENT_WEEKS = 4;

/** One doctor's plan: a layout and a site (index into model.siteIds) per slot. */
export interface Choice {
  layout: number;
  sites: number[];
}

export interface ObjectiveParts {
  /** Weight of the wishes not met. */
  wishesUnmet: number;
  /** Unmet wishes beyond each doctor's first. */
  extraUnmetWishes: number;
  homeTownMissed: number;
  vacationCuts: number;
  changes: number;
  urgentChanges: number;
}

/** A plan's or a move's rank: fewer doctor-weeks over capacity first, then the lower soft cost. */
export interface Score {
  overloaded: number;
  soft: number;
}

/** Negative when `a` ranks before `b`; soft costs within 1e-9 count as equal. */
export function compareScores(a: Score, b: Score): number {
  if (a.overloaded !== b.overloaded) return a.overloaded - b.overloaded;
  return Math.abs(a.soft - b.soft) <= 1e-9 ? 0 : a.soft - b.soft;
}

export class LayoutSearch {
  readonly load: Int32Array;
  readonly choices: (Choice | undefined)[];
  /** Soft costs per placement (a doctor's shared weeks array of one slot) and per layout: they never change. */
  private readonly placementCosts: Map<Int32Array, { cost: Float64Array; unmet: Uint8Array }>[];
  private readonly layoutCosts: Float64Array[];
  /** Per layout: 0 not yet known, 1 its site-less blocks meet every wish, 2 they leave one unmet. */
  private readonly layoutUnmet: Uint8Array[];
  /** bestSitesFair's choices per slot, to read the sites back without building arrays per layout. */
  private readonly fairTrail: { none: Int32Array; some: Int32Array; someFromNone: Uint8Array; endsNone: boolean };
  /** The doctors placed at each site, in some slot. */
  private readonly atSite: Set<number>[];
  /** Doctor-weeks over capacity in the plan: Σ max(0, load − capacity), kept up to date by apply(). */
  private overloadUnits = 0;
  /**
   * What one site-week of overload weighs when a doctor's choices are compared: more than any
   * whole choice of any doctor can cost in soft goals (plus the tie-break noise), so the sum
   * ranks choices lexicographically, hard first — not a price that a heavy wish can outbid.
   * Never below 1,000, its old fixed value, so a seed keeps its plan where that was enough.
   */
  private readonly hardWeight: number;

  constructor(
    private readonly model: SolverModel,
    private readonly weights: Weights,
    private readonly random: Random,
  ) {
    this.load = new Int32Array(model.capacity.length);
    this.choices = new Array(model.doctors.length);
    this.atSite = model.siteIds.map(() => new Set<number>());
    this.placementCosts = model.doctors.map(() => new Map());
    const slots = model.doctors.reduce((most, doctor) => Math.max(most, doctor.slots.length), 0);
    this.fairTrail = { none: new Int32Array(slots), some: new Int32Array(slots), someFromNone: new Uint8Array(slots), endsNone: true };
    this.layoutCosts = model.doctors.map((doctor) => new Float64Array(doctor.layouts.length).fill(NaN));
    this.layoutUnmet = model.doctors.map((doctor) => new Uint8Array(doctor.layouts.length));
    this.hardWeight = model.doctors.reduce((most, doctor) => Math.max(most, 1 + this.softCeiling(doctor)), 1_000);
  }

  /** More than any one choice of the doctor costs in soft goals, tie-break noise included. */
  private softCeiling(doctor: DoctorModel): number {
    const w = this.weights;
    const wishes = doctor.doctor.wishes.reduce((sum, wish) => sum + wish.weight * Math.max(0, w.wish) + Math.max(0, w.fairness), 0);
    const perBlock = Math.max(0, w.homeTown) + Math.max(0, w.vacationCut) + Math.max(0, w.change, w.urgentChange);
    const blocks = doctor.slots.length + (doctor.layouts[0]?.siteless.length ?? 0);
    return wishes + blocks * perBlock + 1;
  }

  /** Places every doctor, least flexible first. */
  construct(): void {
    const order = this.model.doctors
      .map((d, i) => ({ i, options: d.layouts.length * d.slots.reduce((p, s) => p * Math.max(1, s.sites.length), 1) }))
      .sort((a, b) => a.options - b.options || a.i - b.i);
    for (const { i } of order) this.insertBest(i);
  }

  /**
   * Moves doctors out of overloaded site-weeks (repair.ts) until none is left, `stop()` says so,
   * or many moves in a row bring no new best (then the master takes over: the problem may have
   * no plan). Returns the site-weeks still over capacity.
   */
  repair(stop: () => boolean): number {
    return repairOverload(
      {
        model: this.model,
        load: this.load,
        choices: this.choices,
        random: this.random,
        place: (d, choice) => this.apply(d, choice, 1),
        unplace: (d) => this.remove(d),
        bestChoice: (d, extra, noise) => this.bestChoice(d, extra, noise),
      },
      stop,
    );
  }

  /**
   * Re-inserts doctors one at a time, keeping a move when it ranks no worse (no more overload,
   * then no more soft cost); stops at a local optimum.
   */
  improve(stop: () => boolean): void {
    let improved = true;
    while (improved && !stop()) {
      improved = false;
      for (const d of this.shuffled()) {
        if (stop()) return;
        const choice = this.choices[d]!;
        const before = { overloaded: this.overloadUnits, soft: this.costOf(d, choice) };
        this.remove(d);
        const soft = this.insertBest(d);
        const rank = compareScores({ overloaded: this.overloadUnits, soft }, before);
        if (rank < 0) improved = true;
        else if (rank > 0) {
          this.remove(d);
          this.apply(d, choice, 1);
        }
      }
    }
  }

  /**
   * Large-neighbourhood moves: take a doctor out together with a few doctors placed at sites it
   * could use, put them back in random order, keep the result when it ranks no worse (no more
   * overload, then no more soft cost). Finds the pair moves (A leaves a site so B can have its
   * wish) single moves miss.
   */
  ruinAndRecreate(stop: () => boolean, groupSize = 6, plateauPasses = 3, maxPasses = Infinity): void {
    // Equal-cost moves are kept too (they walk across plateaus); a few passes without a
    // strict improvement end the search.
    let flat = 0;
    for (let pass = 0; flat <= plateauPasses && pass < maxPasses && !stop(); pass++) {
      let improved = false;
      for (const d of this.shuffled()) {
        if (stop()) return;
        const group = [d, ...this.neighbours(d, groupSize - 1)];
        const before = group.map((g) => this.choices[g]!);
        const cost = { overloaded: this.overloadUnits, soft: group.reduce((sum, g) => sum + this.costOf(g, this.choices[g]!), 0) };
        for (const g of group) this.remove(g);
        let soft = 0;
        for (const g of shuffle(this.random, group)) soft += this.insertBest(g);
        const rank = compareScores({ overloaded: this.overloadUnits, soft }, cost);
        if (rank <= 0) {
          improved ||= rank < 0;
          continue;
        }
        for (const g of group) this.remove(g);
        group.forEach((g, i) => this.apply(g, before[i]!, 1));
      }
      flat = improved ? 0 : flat + 1;
    }
  }

  objectiveParts(): ObjectiveParts {
    const parts: ObjectiveParts = { wishesUnmet: 0, extraUnmetWishes: 0, homeTownMissed: 0, vacationCuts: 0, changes: 0, urgentChanges: 0 };
    this.model.doctors.forEach((doctor, d) => {
      const choice = this.choices[d];
      if (!choice) return;
      const layout = doctor.layouts[choice.layout]!;
      parts.vacationCuts += layout.cutByVacation;
      const unmet = this.sitelessWishes(doctor, layout);
      doctor.slots.forEach((_, k) => {
        const slot = this.slotWishes(doctor, layout, k, choice.sites[k]!);
        unmet.count += slot.count;
        unmet.weight += slot.weight;
      });
      parts.wishesUnmet += unmet.weight;
      parts.extraUnmetWishes += Math.max(0, unmet.count - 1);
      doctor.slots.forEach((slot, k) => {
        if (this.awayFromHome(doctor, choice.sites[k]!)) parts.homeTownMissed++;
        this.countChange(parts, doctor, slot.block.id, this.model.siteIds[choice.sites[k]!]!, layout.ranges[k]!.from);
      });
      for (const s of layout.siteless) this.countChange(parts, doctor, s.block, null, s.range.from);
    });
    return parts;
  }

  /** The plan's rank: overload first, then the soft objective. */
  score(): Score {
    return { overloaded: this.overloadUnits, soft: this.objective() };
  }

  objective(parts = this.objectiveParts()): number {
    const w = this.weights;
    return (
      parts.wishesUnmet * w.wish +
      parts.extraUnmetWishes * w.fairness +
      parts.homeTownMissed * w.homeTown +
      parts.vacationCuts * w.vacationCut +
      (parts.changes - parts.urgentChanges) * w.change +
      parts.urgentChanges * w.urgentChange
    );
  }

  private changeKind(doctor: DoctorModel, block: string, site: string | null, from: number): MoveKind {
    return moveKind(doctor.previous.get(block), site, weekStart(this.model, from), this.model.problem.frozenBefore);
  }

  private changeCost(doctor: DoctorModel, block: string, site: string | null, from: number): number {
    return moveCost(this.changeKind(doctor, block, site, from), this.weights);
  }

  private countChange(parts: ObjectiveParts, doctor: DoctorModel, block: string, site: string | null, from: number): void {
    const kind = this.changeKind(doctor, block, site, from);
    if (kind > 0) parts.changes++;
    if (kind === 2) parts.urgentChanges++;
  }

  /**
   * A lower bound on the objective: every doctor's cheapest option with capacity ignored
   * (the Lagrangian bound at zero multipliers). When the plan reaches it, it is optimal.
   */
  capacityFreeBound(): number {
    return this.model.doctors.reduce((sum, _, d) => sum + this.bestChoice(d, () => 0).cost, 0);
  }

  private insertBest(d: number): number {
    // Random tie-breaks below one unit of cost keep the repair from cycling.
    const { choice } = this.bestChoice(d, (s, weeks) => this.overload(s, weeks) * this.hardWeight, () => this.random() * 0.5);
    this.apply(d, choice, 1);
    return this.costOf(d, choice);
  }

  /**
   * Doctor `d`'s cheapest choice when a placement at site `s` over `weeks` also costs
   * `extra(s, weeks)`: overloads while searching, capacity prices when pricing columns.
   * `soft: false` leaves the soft goals out (only `extra` counts).
   */
  bestChoice(d: number, extra: (s: number, weeks: Int32Array) => number, noise = () => 0, soft = true): { choice: Choice; cost: number } {
    const doctor = this.model.doctors[d]!;
    const fair = soft ? this.fairnessOf(doctor) : 0;
    // Layouts share their placements (one weeks array each): each placement's costs once per call.
    const costs = new Map<Int32Array, Float64Array>();
    const slotCosts = (layout: Layout, k: number) => {
      const weeks = layout.weeks[k]!;
      let known = costs.get(weeks);
      if (!known) {
        const sites = doctor.slots[k]!.sites;
        const own = soft ? this.softCosts(d, layout, k).cost : undefined;
        // The last entry is the cheapest of them.
        known = new Float64Array(sites.length + 1);
        let least = Infinity;
        for (let i = 0; i < sites.length; i++) {
          known[i] = extra(sites[i]!, weeks) + (own ? own[i]! : 0);
          if (known[i]! < least) least = known[i]!;
        }
        known[sites.length] = least;
        costs.set(weeks, known);
      }
      return known;
    };
    let best: Choice | undefined;
    let bestCost = Infinity;
    doctor.layouts.forEach((layout, l) => {
      const base = soft ? this.layoutCost(d, l) : 0;
      if (fair > 0) {
        const found = this.bestSitesFair(d, l, base, bestCost, slotCosts, fair);
        if (found === undefined) return;
        const cost = found + noise();
        if (cost < bestCost) [best, bestCost] = [{ layout: l, sites: this.fairSites(doctor.slots.length) }, cost];
        return;
      }
      const found = this.bestSitesCost(doctor, layout, base, bestCost, slotCosts);
      if (found === undefined) return;
      const cost = found + noise();
      if (cost < bestCost) [best, bestCost] = [{ layout: l, sites: this.bestSites(doctor, layout, slotCosts) }, cost];
    });
    if (!best) throw new Error(`doctor ${doctor.doctor.id} has no layout`);
    return { choice: best, cost: bestCost };
  }

  /** One layout's cost with the cheapest site per slot; undefined once it cannot beat `limit`. */
  private bestSitesCost(doctor: DoctorModel, layout: Layout, base: number, limit: number, slotCosts: SlotCosts): number | undefined {
    let cost = base;
    for (let k = 0; k < doctor.slots.length; k++) {
      if (cost >= limit) return undefined;
      const costs = slotCosts(layout, k);
      cost += costs[costs.length - 1]!;
    }
    return cost;
  }

  /** The cheapest site per slot of one layout (the first of equals). */
  private bestSites(doctor: DoctorModel, layout: Layout, slotCosts: SlotCosts): number[] {
    return doctor.slots.map((slot, k) => {
      const costs = slotCosts(layout, k);
      let at = 0;
      for (let i = 1; i < slot.sites.length; i++) if (costs[i]! < costs[at]!) at = i;
      return slot.sites[at]!;
    });
  }

  /** A layout's own soft cost: vacation cuts and the site-less blocks' wishes and moves. */
  private layoutCost(d: number, l: number): number {
    const costs = this.layoutCosts[d]!;
    if (Number.isNaN(costs[l])) {
      const doctor = this.model.doctors[d]!;
      const layout = doctor.layouts[l]!;
      costs[l] = layout.cutByVacation * this.weights.vacationCut + this.sitelessCost(doctor, layout);
    }
    return costs[l]!;
  }

  /**
   * Soft costs of slot k's sites for the layout's placement of it (they depend on the site and
   * the start only), and which sites leave a wish unmet; kept per placement.
   */
  private softCosts(d: number, layout: Layout, k: number): { cost: Float64Array; unmet: Uint8Array } {
    const doctor = this.model.doctors[d]!;
    const weeks = layout.weeks[k]!;
    let known = this.placementCosts[d]!.get(weeks);
    if (!known) {
      const sites = doctor.slots[k]!.sites;
      known = {
        cost: Float64Array.from(sites, (s) => this.siteCost(doctor, layout, k, s)),
        unmet: Uint8Array.from(sites, (s) => (this.slotWishes(doctor, layout, k, s).count > 0 ? 1 : 0)),
      };
      this.placementCosts[d]!.set(weeks, known);
    }
    return known;
  }

  /**
   * The same for a doctor with two or more wishes, where the first unmet wish is free of the
   * fairness charge: two running bests (no unmet wish yet / some) keep that coupling exact.
   */
  private bestSitesFair(d: number, l: number, base: number, limit: number, slotCosts: SlotCosts, fair: number): number | undefined {
    const doctor = this.model.doctors[d]!;
    const layout = doctor.layouts[l]!;
    const trail = this.fairTrail;
    const sitelessUnmet = this.sitelessUnmet(d, l);
    let none = sitelessUnmet ? Infinity : base;
    let some = sitelessUnmet ? base - fair : Infinity;
    for (let k = 0; k < doctor.slots.length; k++) {
      if (Math.min(none, some) >= limit) return undefined;
      let nextNone = Infinity;
      let nextSome = Infinity;
      const costs = slotCosts(layout, k);
      const unmets = this.softCosts(d, layout, k).unmet;
      const sites = doctor.slots[k]!.sites;
      for (let i = 0; i < sites.length; i++) {
        const c = costs[i]!;
        const unmet = unmets[i] === 1;
        const fromNone = none + c - (unmet ? fair : 0);
        if (!unmet && fromNone < nextNone) [nextNone, trail.none[k]] = [fromNone, sites[i]!];
        if (unmet && fromNone < nextSome) [nextSome, trail.some[k], trail.someFromNone[k]] = [fromNone, sites[i]!, 1];
        if (some + c < nextSome) [nextSome, trail.some[k], trail.someFromNone[k]] = [some + c, sites[i]!, 0];
      }
      none = nextNone;
      some = nextSome;
    }
    trail.endsNone = none <= some;
    const end = Math.min(none, some);
    return end < Infinity ? end : undefined;
  }

  /** The sites of the last bestSitesFair run, read back from its trail. */
  private fairSites(slots: number): number[] {
    const trail = this.fairTrail;
    const sites: number[] = new Array(slots);
    let inNone = trail.endsNone;
    for (let k = slots - 1; k >= 0; k--) {
      if (inNone) sites[k] = trail.none[k]!;
      else {
        sites[k] = trail.some[k]!;
        inNone = trail.someFromNone[k] === 1;
      }
    }
    return sites;
  }

  /** Whether the layout's site-less blocks leave a wish unmet, kept per layout. */
  private sitelessUnmet(d: number, l: number): boolean {
    const known = this.layoutUnmet[d]!;
    if (known[l] === 0) known[l] = this.sitelessWishes(this.model.doctors[d]!, this.model.doctors[d]!.layouts[l]!).count > 0 ? 2 : 1;
    return known[l] === 2;
  }

  /** Replaces the plan with `choices` (one per doctor), e.g. a MIP's solution. */
  adopt(choices: Choice[]): void {
    this.model.doctors.forEach((_, d) => this.choices[d] && this.remove(d));
    choices.forEach((choice, d) => this.apply(d, choice, 1));
  }

  /** Site-weeks over capacity in the whole plan. */
  overloadedCount(): number {
    return this.overloadedCells().length;
  }

  /** Sites over capacity in some week, by index. */
  overloadedSites(): number[] {
    return [...new Set(this.overloadedCells().map((cell) => Math.floor(cell / this.model.weekCount)))].sort((a, b) => a - b);
  }

  costOf(d: number, choice: Choice): number {
    const doctor = this.model.doctors[d]!;
    const layout = doctor.layouts[choice.layout]!;
    let cost = layout.cutByVacation * this.weights.vacationCut + this.sitelessCost(doctor, layout);
    let unmet = this.sitelessWishes(doctor, layout).count;
    choice.sites.forEach((s, k) => {
      cost += this.siteCost(doctor, layout, k, s);
      unmet += this.slotWishes(doctor, layout, k, s).count;
    });
    // siteCost and sitelessCost charge fairness for every unmet wish; the first is free.
    return unmet > 0 ? cost - this.fairnessOf(doctor) : cost;
  }

  /** The fairness charge per unmet wish: 0 for doctors with fewer than two wishes. */
  private fairnessOf(doctor: DoctorModel): number {
    return doctor.doctor.wishes.length >= 2 ? this.weights.fairness : 0;
  }

  /** Wishes for slot k not met at site s: how many and their weight. */
  private slotWishes(doctor: DoctorModel, layout: Layout, k: number, s: number): { count: number; weight: number } {
    const block = doctor.slots[k]!.block.id;
    const site = this.model.siteIds[s]!;
    const from = weekStart(this.model, layout.ranges[k]!.from);
    const unmet = { count: 0, weight: 0 };
    for (const wish of doctor.doctor.wishes) {
      if (wish.block !== block || wishMet(wish, site, from)) continue;
      unmet.count++;
      unmet.weight += wish.weight;
    }
    return unmet;
  }

  /** Wishes for the site-less blocks not met by the layout. */
  private sitelessWishes(doctor: DoctorModel, layout: Layout): { count: number; weight: number } {
    const unmet = { count: 0, weight: 0 };
    for (const wish of doctor.doctor.wishes) {
      const placed = layout.siteless.find((s) => s.block === wish.block);
      if (!placed || wishMet(wish, null, weekStart(this.model, placed.range.from))) continue;
      unmet.count++;
      unmet.weight += wish.weight;
    }
    return unmet;
  }

  private siteCost(doctor: DoctorModel, layout: Layout, k: number, s: number): number {
    const slot = doctor.slots[k]!;
    let cost = this.awayFromHome(doctor, s) ? this.weights.homeTown : 0;
    cost += this.changeCost(doctor, slot.block.id, this.model.siteIds[s]!, layout.ranges[k]!.from);
    const unmet = this.slotWishes(doctor, layout, k, s);
    return cost + unmet.weight * this.weights.wish + unmet.count * this.fairnessOf(doctor);
  }

  /** Wishes and replanning moves of the site-less blocks: they depend on the layout only. */
  private sitelessCost(doctor: DoctorModel, layout: Layout): number {
    let cost = 0;
    for (const s of layout.siteless) cost += this.changeCost(doctor, s.block, null, s.range.from);
    const unmet = this.sitelessWishes(doctor, layout);
    return cost + unmet.weight * this.weights.wish + unmet.count * this.fairnessOf(doctor);
  }

  private awayFromHome(doctor: DoctorModel, s: number): boolean {
    const town = doctor.doctor.town;
    return town !== undefined && this.model.problem.sites[s]!.town !== town;
  }

  /** Site-weeks this placement would push over capacity. */
  private overload(s: number, weeks: Int32Array): number {
    const { capacity, weekCount, firstWeek } = this.model;
    let over = 0;
    for (let i = 0; i < weeks.length; i++) {
      const cell = s * weekCount + weeks[i]! - firstWeek;
      if (this.load[cell]! + 1 > capacity[cell]!) over++;
    }
    return over;
  }

  private apply(d: number, choice: Choice, delta: 1 | -1): void {
    const { weekCount, firstWeek } = this.model;
    const layout = this.model.doctors[d]!.layouts[choice.layout]!;
    const { capacity } = this.model;
    choice.sites.forEach((s, k) => {
      const weeks = layout.weeks[k]!;
      for (let i = 0; i < weeks.length; i++) {
        const cell = s * weekCount + weeks[i]! - firstWeek;
        // Adding to a full cell, or taking from an overfull one, moves the overload by one.
        if (delta === 1 ? this.load[cell]! >= capacity[cell]! : this.load[cell]! > capacity[cell]!) this.overloadUnits += delta;
        this.load[cell]! += delta;
      }
    });
    this.choices[d] = delta === 1 ? choice : undefined;
    for (const s of choice.sites) {
      if (delta === 1) this.atSite[s]!.add(d);
      else this.atSite[s]!.delete(d);
    }
  }

  private remove(d: number): void {
    this.apply(d, this.choices[d]!, -1);
  }

  private overloadedCells(): number[] {
    const cells: number[] = [];
    for (let c = 0; c < this.load.length; c++) if (this.load[c]! > this.model.capacity[c]!) cells.push(c);
    return cells;
  }

  private doctorsAt(cell: number): number[] {
    const { weekCount, firstWeek } = this.model;
    const site = Math.floor(cell / weekCount);
    const week = (cell % weekCount) + firstWeek;
    const out: number[] = [];
    this.model.doctors.forEach((doctor, d) => {
      const choice = this.choices[d];
      if (!choice) return;
      const layout = doctor.layouts[choice.layout]!;
      choice.sites.forEach((s, k) => {
        if (s === site && layout.weeks[k]!.includes(week)) out.push(d);
      });
    });
    return out;
  }

  /** Up to `count` other doctors placed at sites that doctor `d` may use, picked at random. */
  private neighbours(d: number, count: number): number[] {
    const found = new Set<number>();
    for (const slot of this.model.doctors[d]!.slots) for (const s of slot.sites) for (const other of this.atSite[s]!) if (other !== d) found.add(other);
    // In doctor order, as the draw below expects for a seed to keep its plan.
    return shuffle(this.random, [...found].sort((a, b) => a - b)).slice(0, count);
  }

  private shuffled(): number[] {
    return shuffle(this.random, this.model.doctors.map((_, i) => i));
  }

}

/** Each site's cost (extra and soft goals) for a layout's placement of slot k, in the slot's site order, then the least. */
type SlotCosts = (layout: Layout, k: number) => Float64Array;

export type MoveKind = 0 | 1 | 2;

/**
 * How an assignment compares with the previous plan's for the same block: 0 unchanged (or
 * nothing to compare), 1 moved, 2 moved although it was to start within 4 weeks of `frozenBefore`.
 */
export function moveKind(before: Assignment | undefined, site: string | null, from: string, frozenBefore: string | undefined): MoveKind {
  if (!before || (before.site === site && before.from === from)) return 0;
  const soon = frozenBefore !== undefined && weekIndex(before.from) < weekIndex(frozenBefore) + URGENT_WEEKS;
  return soon ? 2 : 1;
}

/** The weighted cost of a move. */
export function moveCost(kind: MoveKind, weights: Weights): number {
  return kind === 0 ? 0 : kind === 1 ? weights.change : weights.urgentChange;
}

function weekStart(model: SolverModel, week: number): string {
  return model.weekNames[week - model.firstWeek]!;
}
