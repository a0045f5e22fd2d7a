// Column generation over whole-year plans (Dantzig–Wolfe): a master LP on HiGHS mixes each
// doctor's plans under site capacity; pricing is the local search's own insertion with the
// capacity rows' dual prices in place of overloads. At every iteration the LP value plus each
// doctor's most negative reduced cost is a lower bound (the Lagrangian bound), so the gap is
// honest even when the time runs out. With integer columns the same master is a MIP over
// every plan seen, which finds combinations the local search misses.
import type { Highs } from 'highs';
import type { Choice, LayoutSearch } from './heuristic';
import type { SolverModel } from './model';

/** 'optimize': soft costs, hard capacity. 'feasibility': no soft costs, capacity may overflow at cost 1 per doctor-week. */
export type MasterMode = 'optimize' | 'feasibility';

interface Column {
  /** Index among the LP's columns (overflow columns are in between). */
  index: number;
  doctor: number;
  choice: Choice;
}

const keyOf = (doctor: number, choice: Choice) => `${doctor}:${choice.layout}:${choice.sites.join(',')}`;

const EPSILON = 1e-7;

type HighsModel = ReturnType<Highs['createModel']>;

export class ColumnMaster {
  private readonly lp: HighsModel;
  private readonly columns: Column[] = [];
  private readonly keys = new Set<string>();
  private readonly rowOfCell: Int32Array;
  private readonly cellOfRow: number[] = [];
  private lpColumns = 0;
  /** Doctors whose column the dive has fixed: no more pricing for them. */
  private readonly fixed = new Set<number>();
  private diving = false;
  /** Highest lower bound seen. */
  bound = -Infinity;
  iterations = 0;
  /** Capacity prices (≥ 0) per cell from the last LP. */
  prices: Float64Array;

  constructor(
    private readonly highs: Highs,
    private readonly model: SolverModel,
    private readonly search: LayoutSearch,
    private readonly mode: MasterMode,
    /** Sites whose capacity counts; others are left out (deletion filter). */
    private readonly sites: Set<number> = new Set(model.siteIds.map((_, s) => s)),
  ) {
    this.lp = highs.createModel();
    this.lp.options.set({ output_flag: false, random_seed: 1 });
    this.rowOfCell = new Int32Array(model.capacity.length).fill(-1);
    this.prices = new Float64Array(model.capacity.length);
    for (let d = 0; d < model.doctors.length; d++) this.lp.addRow(1, 1, { indices: [], values: [] });
  }

  dispose(): void {
    this.lp.dispose();
  }

  /** Adds a doctor's plan as a column (once); true when it was new. */
  add(doctor: number, choice: Choice): boolean {
    const key = keyOf(doctor, choice);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    const rows = [doctor];
    for (const cell of this.cells(doctor, choice)) rows.push(this.rowFor(cell));
    const cost = this.mode === 'optimize' ? this.search.costOf(doctor, choice) : 0;
    this.lp.addCol(cost, 0, Infinity, { indices: rows, values: rows.map(() => 1) });
    this.columns.push({ index: this.lpColumns++, doctor, choice });
    return true;
  }

  /**
   * Prices and re-solves until no column has a negative reduced cost, `stop()` says so, or
   * the bound reaches `target` (nothing below it can be better). Returns the LP value.
   */
  generate(stop: () => boolean, target = Infinity, maxIterations = 500, onIteration?: () => void): number {
    let value = Infinity;
    let stale = true;
    for (; this.iterations < maxIterations && !stop(); this.iterations++) {
      const lp = this.solveLp();
      value = lp.value;
      if (value === Infinity) break;
      let reduced = 0;
      let added = 0;
      // A round prices every doctor (seconds at a thousand doctors): the time limit is read
      // before each (a clock read costs little beside a pricing), and a round cut short bounds nothing.
      let cutShort = false;
      for (let d = 0; d < this.model.doctors.length; d++) {
        if (stop()) {
          cutShort = true;
          break;
        }
        if (this.fixed.has(d)) continue;
        const { choice, cost } = this.search.bestChoice(d, (s, weeks) => this.priceOf(s, weeks), undefined, this.mode === 'optimize');
        const rc = cost - lp.doctorDuals[d]!;
        reduced += Math.min(0, rc);
        if (rc < -EPSILON && this.add(d, choice)) added++;
      }
      stale = added > 0;
      if (cutShort) break;
      // Inside a dive the LP is a branch of the problem: its value bounds nothing globally.
      if (this.fixed.size === 0 && !this.diving) this.bound = Math.max(this.bound, value + reduced);
      onIteration?.();
      if (added === 0 || this.bound >= target - EPSILON) {
        this.iterations++;
        break;
      }
    }
    // Leave the LP solved for the columns it has, so its solution can be read (past the time
    // limit nobody reads it: the limit is a promise).
    return stale && !stop() ? this.solveLp().value : value;
  }

  /**
   * The master with integer columns: the best plan among the columns seen, started from
   * `start` (one choice per doctor, already a column). Undefined when none was found in time.
   */
  solveInteger(timeLimit: number, start?: Choice[]): { choices: Choice[]; objective: number } | undefined {
    const integer = new Int32Array(this.lpColumns).fill(this.highs.constants.variableType.integer);
    this.lp.changeColsIntegrality({ kind: 'range', from: 0, to: integer.length - 1 }, integer);
    this.lp.options.set({ time_limit: Math.max(0.1, timeLimit), mip_rel_gap: 0 });
    if (start) {
      const index = new Map(this.columns.map((c) => [keyOf(c.doctor, c.choice), c.index]));
      const indices = start.map((c, d) => index.get(keyOf(d, c))).filter((j) => j !== undefined);
      this.lp.setSolution({ indices, values: indices.map(() => 1) });
    }
    this.lp.run();
    const values = this.lp.info.get('primal_solution_status') === 2 ? this.lp.getSolution().colValue : undefined;
    this.lp.clearIntegrality();
    this.lp.options.set({ time_limit: 1e30 }); // later LP runs have no time limit
    if (!values) return undefined;
    const choices: Choice[] = new Array(this.model.doctors.length);
    for (const column of this.columns) if (values[column.index]! > 0.5) choices[column.doctor] = column.choice;
    return { choices, objective: this.lp.getObjectiveValue() };
  }

  /**
   * Dive-and-price: fixes the columns the LP already takes whole (or else the one it takes
   * most of), prices again, and repeats until every doctor has a plan. When a fix leaves the
   * LP worse than `limit` (feasibility: any overflow; optimising: no better than the plan in
   * hand) it is undone: a single column is then forbidden, a batch is retried one column at a
   * time. Undefined when the backtracks run out. The master is left as it was, plus columns.
   */
  dive(stop: () => boolean, limit: number, maxBacktracks = 2 * this.model.doctors.length): Choice[] | undefined {
    const touched = new Set<Column>();
    this.diving = true;
    try {
      return this.diveFrom(stop, limit, maxBacktracks, touched);
    } finally {
      for (const column of touched) this.lp.changeColBounds(column.index, 0, Infinity);
      this.fixed.clear();
      this.diving = false;
    }
  }

  private diveFrom(stop: () => boolean, limit: number, maxBacktracks: number, touched: Set<Column>): Choice[] | undefined {
    const stack: Column[][] = [];
    let backtracks = 0;
    let single = false;
    for (;;) {
      const value = this.generate(stop, Infinity, this.iterations + 200);
      if (stop()) return undefined;
      if (value > limit + EPSILON) {
        const last = stack.pop();
        if (!last || ++backtracks > maxBacktracks) return undefined;
        for (const column of last) {
          this.lp.changeColBounds(column.index, 0, last.length === 1 ? 0 : Infinity);
          this.fixed.delete(column.doctor);
        }
        single = last.length > 1;
        continue;
      }
      if (this.fixed.size === this.model.doctors.length) break;
      const { colValue } = this.lp.getSolution();
      const best = new Map<number, Column>();
      for (const column of this.columns) {
        if (this.fixed.has(column.doctor)) continue;
        const current = best.get(column.doctor);
        if (!current || colValue[column.index]! > colValue[current.index]!) best.set(column.doctor, column);
      }
      const candidates = [...best.values()];
      const whole = single ? [] : candidates.filter((c) => colValue[c.index]! > 1 - 1e-6);
      const batch = whole.length > 0 ? whole : [candidates.reduce((a, b) => (colValue[b.index]! > colValue[a.index]! ? b : a))];
      for (const column of batch) {
        this.lp.changeColBounds(column.index, 1, 1);
        this.fixed.add(column.doctor);
        touched.add(column);
      }
      stack.push(batch);
      single = false;
    }
    const { colValue } = this.lp.getSolution();
    const choices: Choice[] = new Array(this.model.doctors.length);
    for (const column of this.columns) if (colValue[column.index]! > 0.5) choices[column.doctor] = column.choice;
    return choices;
  }

  /** Σ capacity price over a placement's weeks at site `s`. */
  private priceOf(s: number, weeks: Int32Array): number {
    const { weekCount, firstWeek } = this.model;
    let price = 0;
    for (let i = 0; i < weeks.length; i++) price += this.prices[s * weekCount + weeks[i]! - firstWeek]!;
    return price;
  }

  /** Infinity when the LP has no solution (a dive forbade every column of a doctor). */
  private solveLp(): { value: number; doctorDuals: Float64Array } {
    this.lp.run();
    if (this.lp.getModelStatus() !== this.highs.constants.modelStatus.optimal) return { value: Infinity, doctorDuals: new Float64Array(0) };
    const { rowDual } = this.lp.getSolution();
    this.prices.fill(0);
    // Minimisation: a binding ≤ row has a dual ≤ 0; its price is the negation.
    this.cellOfRow.forEach((cell, i) => {
      if (cell >= 0) this.prices[cell] = Math.max(0, -rowDual[this.model.doctors.length + i]!);
    });
    return { value: this.lp.getObjectiveValue(), doctorDuals: rowDual.subarray(0, this.model.doctors.length) };
  }

  private cells(doctor: number, choice: Choice): number[] {
    const { weekCount, firstWeek } = this.model;
    const layout = this.model.doctors[doctor]!.layouts[choice.layout]!;
    const cells: number[] = [];
    choice.sites.forEach((s, k) => {
      if (!this.sites.has(s)) return;
      for (const w of layout.weeks[k]!) cells.push(s * weekCount + w - firstWeek);
    });
    return cells;
  }

  /** The capacity row of a site-week, created on first use (with its overflow column when allowed). */
  private rowFor(cell: number): number {
    let row = this.rowOfCell[cell]!;
    if (row >= 0) return row;
    row = this.model.doctors.length + this.cellOfRow.length;
    this.lp.addRow(-Infinity, this.model.capacity[cell]!, { indices: [], values: [] });
    this.rowOfCell[cell] = row;
    this.cellOfRow.push(cell);
    if (this.mode === 'feasibility') {
      this.lp.addCol(1, 0, Infinity, { indices: [row], values: [-1] });
      this.lpColumns++;
    }
    return row;
  }
}
