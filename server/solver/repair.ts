// Repair of overloaded site-weeks after construction: for a doctor in an overloaded site-week,
// the cheap moves first — another site for that block in the same layout, or swapping sites
// with a doctor who has the same block elsewhere — then the doctor's whole year again (any
// layout). Moves are judged by weighted overload; when none helps, the site-weeks still over
// get heavier (breakout), so the next move may push the overload somewhere it can leave: an
// ejection chain, one link per move. Deterministic for a seed; stops at `stop()`.
import type { Choice } from './heuristic';
import type { SolverModel } from './model';
import type { Random } from './random';

/** What the repair needs of the layout search: its plan, and moves that keep its load in step. */
export interface RepairTarget {
  readonly model: SolverModel;
  readonly load: Int32Array;
  readonly choices: readonly (Choice | undefined)[];
  readonly random: Random;
  place(d: number, choice: Choice): void;
  unplace(d: number): void;
  /** The doctor's cheapest choice when a placement also costs `extra` (soft goals break ties). */
  bestChoice(d: number, extra: (s: number, weeks: Int32Array) => number, noise: () => number): { choice: Choice; cost: number };
}

/** Per unit of weighted overload in a whole-year choice: far above any soft cost, so soft only breaks ties. */
const HARD = 1e7;
/** Doctors of one overloaded site-week whose moves are tried per step. */
const CANDIDATES = 6;
/** Swap partners tried per doctor and block. */
const PARTNERS = 24;

/** Weeks of overload left (site-weeks over capacity) when it ends. */
export function repairOverload(target: RepairTarget, stop: () => boolean): number {
  return new Repair(target).run(stop);
}

class Repair {
  private readonly model: SolverModel;
  private readonly weight: Float64Array;
  /** Overloaded cells. */
  private readonly over = new Set<number>();
  /** Per site: doctor * SLOT_BASE + slot of every placement there. */
  private readonly atSite: Set<number>[];
  private readonly slotBase: number;

  constructor(private readonly t: RepairTarget) {
    this.model = t.model;
    this.weight = new Float64Array(t.model.capacity.length).fill(1);
    this.atSite = t.model.siteIds.map(() => new Set<number>());
    this.slotBase = Math.max(1, ...t.model.doctors.map((d) => d.slots.length));
    t.choices.forEach((choice, d) => choice && this.index(d, choice, true));
    for (let c = 0; c < t.load.length; c++) if (t.load[c]! > t.model.capacity[c]!) this.over.add(c);
  }

  run(stop: () => boolean): number {
    const doctors = this.model.doctors.length;
    let best = this.units();
    let sinceBest = 0;
    // Without progress this long the problem may have no plan: the master then decides
    // (measured: region-style instances at 200–1,500 doctors never needed half of it; an
    // infeasible one then spends ~0.5 s here before the master proves it).
    const patience = Math.max(1_000, 4 * doctors);
    while (this.over.size > 0 && sinceBest < patience && !stop()) {
      const cells = [...this.over];
      const cell = cells[Math.floor(this.t.random() * cells.length)]!;
      if (!this.step(cell)) this.breakout();
      const units = this.units();
      if (units < best) [best, sinceBest] = [units, 0];
      else sinceBest++;
    }
    return this.over.size;
  }

  /** One improving move for a doctor in `cell`, cheapest kinds first; false when none helps. */
  private step(cell: number): boolean {
    const { weekCount, firstWeek } = this.model;
    const site = Math.floor(cell / weekCount);
    const week = (cell % weekCount) + firstWeek;
    const here = this.shuffled(this.placementsAt(site, week)).slice(0, CANDIDATES);
    for (const p of here) if (this.siteChange(Math.floor(p / this.slotBase), p % this.slotBase)) return true;
    for (const p of here) if (this.swap(Math.floor(p / this.slotBase), p % this.slotBase, week)) return true;
    for (const p of here) if (this.reinsert(Math.floor(p / this.slotBase))) return true;
    return false;
  }

  /** Another site for slot k in the same layout, when it lowers the weighted overload. */
  private siteChange(d: number, k: number): boolean {
    const choice = this.t.choices[d]!;
    const weeks = this.layoutOf(d, choice).weeks[k]!;
    const from = choice.sites[k]!;
    let bestSite = -1;
    let bestDelta = -1e-9;
    for (const s of this.shuffled(this.model.doctors[d]!.slots[k]!.sites)) {
      if (s === from) continue;
      const delta = this.addCost(s, weeks) - this.removeGain(from, weeks);
      if (delta < bestDelta) [bestSite, bestDelta] = [s, delta];
    }
    if (bestSite < 0) return false;
    this.move(d, { layout: choice.layout, sites: choice.sites.map((s, j) => (j === k ? bestSite : s)) });
    return true;
  }

  /**
   * Doctor d's block in slot k trades sites with another doctor's same block at a site d may
   * use, when d's site may take the other's weeks: kept when the weighted overload falls.
   */
  private swap(d: number, k: number, week: number): boolean {
    const choice = this.t.choices[d]!;
    const block = this.model.doctors[d]!.slots[k]!.block.id;
    const from = choice.sites[k]!;
    const partners: number[] = [];
    for (const s of this.model.doctors[d]!.slots[k]!.sites) {
      if (s === from) continue;
      for (const p of this.atSite[s]!) {
        const e = Math.floor(p / this.slotBase);
        const j = p % this.slotBase;
        const other = this.model.doctors[e]!;
        if (e === d || other.slots[j]!.block.id !== block || !other.slots[j]!.sites.includes(from)) continue;
        // The partner brings the week back when it serves it too.
        if (this.layoutOf(e, this.t.choices[e]!).weeks[j]!.includes(week)) continue;
        partners.push(p);
      }
    }
    const weeks = this.layoutOf(d, choice).weeks[k]!;
    for (const p of this.shuffled(partners).slice(0, PARTNERS)) {
      const e = Math.floor(p / this.slotBase);
      const j = p % this.slotBase;
      const theirs = this.t.choices[e]!;
      const to = theirs.sites[j]!;
      const theirWeeks = this.layoutOf(e, theirs).weeks[j]!;
      // The four (site, weeks) that change, judged before and after on the same cells.
      const cells = [...this.cellsAt(from, weeks), ...this.cellsAt(to, theirWeeks), ...this.cellsAt(to, weeks), ...this.cellsAt(from, theirWeeks)];
      const before = this.weighted(cells);
      this.move(d, { layout: choice.layout, sites: choice.sites.map((s, i) => (i === k ? to : s)) });
      this.move(e, { layout: theirs.layout, sites: theirs.sites.map((s, i) => (i === j ? from : s)) });
      if (this.weighted(cells) < before - 1e-9) return true;
      this.move(d, choice);
      this.move(e, theirs);
    }
    return false;
  }

  /** The doctor's whole year again, any layout, at the least weighted overload. */
  private reinsert(d: number): boolean {
    const choice = this.t.choices[d]!;
    const cells = this.cellsOf(d, choice);
    const before = this.weighted(cells);
    this.unplace(d);
    const gain = before - this.weighted(cells);
    const { choice: next } = this.t.bestChoice(d, (s, weeks) => this.addCost(s, weeks) * HARD, () => this.t.random() * 0.5);
    const layout = this.layoutOf(d, next);
    const cost = next.sites.reduce((sum, s, k) => sum + this.addCost(s, layout.weeks[k]!), 0);
    this.placeAt(d, cost < gain - 1e-9 ? next : choice);
    return cost < gain - 1e-9;
  }

  /** The site-weeks still over weigh more: the search may now move overload to lighter ones. */
  private breakout(): void {
    for (const cell of this.over) this.weight[cell]! += 1;
  }

  /** Weighted overload one more doctor-week at each of `weeks` at site s adds. */
  private addCost(s: number, weeks: Int32Array): number {
    const { weekCount, firstWeek, capacity } = this.model;
    let cost = 0;
    for (let i = 0; i < weeks.length; i++) {
      const cell = s * weekCount + weeks[i]! - firstWeek;
      if (this.t.load[cell]! >= capacity[cell]!) cost += this.weight[cell]!;
    }
    return cost;
  }

  /** Weighted overload taking one doctor-week off each of `weeks` at site s removes. */
  private removeGain(s: number, weeks: Int32Array): number {
    const { weekCount, firstWeek, capacity } = this.model;
    let gain = 0;
    for (let i = 0; i < weeks.length; i++) {
      const cell = s * weekCount + weeks[i]! - firstWeek;
      if (this.t.load[cell]! > capacity[cell]!) gain += this.weight[cell]!;
    }
    return gain;
  }

  private weighted(cells: number[]): number {
    const { capacity } = this.model;
    let sum = 0;
    for (const cell of new Set(cells)) sum += this.weight[cell]! * Math.max(0, this.t.load[cell]! - capacity[cell]!);
    return sum;
  }

  /** Doctor-weeks over capacity in the whole plan, from the overloaded cells. */
  private units(): number {
    let sum = 0;
    for (const cell of this.over) sum += this.t.load[cell]! - this.model.capacity[cell]!;
    return sum;
  }

  private move(d: number, choice: Choice): void {
    this.unplace(d);
    this.placeAt(d, choice);
  }

  private unplace(d: number): void {
    const choice = this.t.choices[d]!;
    this.index(d, choice, false);
    this.t.unplace(d);
    this.refresh(this.cellsOf(d, choice));
  }

  private placeAt(d: number, choice: Choice): void {
    this.t.place(d, choice);
    this.index(d, choice, true);
    this.refresh(this.cellsOf(d, choice));
  }

  private refresh(cells: number[]): void {
    const { capacity } = this.model;
    for (const cell of cells) {
      if (this.t.load[cell]! > capacity[cell]!) this.over.add(cell);
      else this.over.delete(cell);
    }
  }

  private index(d: number, choice: Choice, add: boolean): void {
    choice.sites.forEach((s, k) => (add ? this.atSite[s]!.add(d * this.slotBase + k) : this.atSite[s]!.delete(d * this.slotBase + k)));
  }

  /** Placements (doctor * slotBase + slot) at site s serving `week`. */
  private placementsAt(s: number, week: number): number[] {
    const out: number[] = [];
    for (const p of this.atSite[s]!) {
      const d = Math.floor(p / this.slotBase);
      const range = this.layoutOf(d, this.t.choices[d]!).ranges[p % this.slotBase]!;
      if (week < range.from || week >= range.to) continue;
      if (this.layoutOf(d, this.t.choices[d]!).weeks[p % this.slotBase]!.includes(week)) out.push(p);
    }
    return out.sort((a, b) => a - b);
  }

  private cellsAt(s: number, weeks: Int32Array): number[] {
    const { weekCount, firstWeek } = this.model;
    return Array.from(weeks, (w) => s * weekCount + w - firstWeek);
  }

  private cellsOf(d: number, choice: Choice): number[] {
    const { weekCount, firstWeek } = this.model;
    const layout = this.layoutOf(d, choice);
    const cells: number[] = [];
    choice.sites.forEach((s, k) => {
      const weeks = layout.weeks[k]!;
      for (let i = 0; i < weeks.length; i++) cells.push(s * weekCount + weeks[i]! - firstWeek);
    });
    return cells;
  }

  private layoutOf(d: number, choice: Choice) {
    return this.model.doctors[d]!.layouts[choice.layout]!;
  }

  private shuffled(items: readonly number[]): number[] {
    const order = [...items];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.t.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  }
}
