// A small builder for binary MIPs solved in memory by HiGHS (WASM): columns with their cost
// and row coefficients, rows with bounds. Large models never go through LP text, which the
// WASM build cannot read at this size.
import highsLoader, { type Highs } from 'highs';

let loading: Promise<Highs> | undefined;
export function loadHighs(): Promise<Highs> {
  return (loading ??= highsLoader());
}

export class BinaryMip {
  private readonly costs: number[] = [];
  private readonly columns: { row: number; value: number }[][] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];

  /** A 0/1 column with an objective cost; returns its index. */
  addColumn(cost: number): number {
    this.costs.push(cost);
    this.columns.push([]);
    return this.costs.length - 1;
  }

  /** A row lower ≤ Σ ≤ upper; returns its index. */
  addRow(lower: number, upper: number): number {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowLower.length - 1;
  }

  setCoefficient(column: number, row: number, value: number): void {
    this.columns[column]!.push({ row, value });
  }

  get columnCount(): number {
    return this.costs.length;
  }

  get rowCount(): number {
    return this.rowLower.length;
  }

  /** The model in CPLEX LP format, for checking it with another solver. */
  exportLp(highs: Highs): string {
    const model = this.toHighs(highs);
    try {
      return model.exportModel('lp');
    } finally {
      model.dispose();
    }
  }

  /** Solves to optimality or the time limit; `values` is undefined when no solution was found. */
  solve(highs: Highs, timeLimit: number): MipResult {
    const model = this.toHighs(highs);
    try {
      model.options.set({ time_limit: timeLimit, output_flag: false, random_seed: 1 });
      const result = model.run();
      const status = result.modelStatus;
      const hasSolution = model.info.get('primal_solution_status') === 2;
      const bound = Number(model.info.get('mip_dual_bound'));
      return {
        status: status === highs.constants.modelStatus.optimal ? 'optimal' : status === highs.constants.modelStatus.infeasible ? 'infeasible' : hasSolution ? 'feasible' : 'unknown',
        objective: hasSolution ? model.getObjectiveValue() : undefined,
        bound: Number.isFinite(bound) ? bound : undefined,
        values: hasSolution ? model.getSolution().colValue : undefined,
        seconds: model.getRunTime(),
      };
    } finally {
      model.dispose();
    }
  }

  private toHighs(highs: Highs) {
    const starts = new Int32Array(this.columns.length + 1);
    let nonzeros = 0;
    this.columns.forEach((col, j) => {
      nonzeros += col.length;
      starts[j + 1] = nonzeros;
    });
    const indices = new Int32Array(nonzeros);
    const values = new Float64Array(nonzeros);
    let k = 0;
    for (const col of this.columns) {
      for (const { row, value } of col.sort((a, b) => a.row - b.row)) {
        indices[k] = row;
        values[k++] = value;
      }
    }
    const n = this.costs.length;
    const model = highs.createModel({
      numCols: n,
      numRows: this.rowLower.length,
      colCost: this.costs,
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(1),
      rowLower: this.rowLower.map((v) => (v === -Infinity ? -highs.infinity : v)),
      rowUpper: this.rowUpper.map((v) => (v === Infinity ? highs.infinity : v)),
      matrix: { format: 'csc', numRows: this.rowLower.length, numCols: n, starts, indices, values },
      integrality: new Int32Array(n).fill(highs.constants.variableType.integer),
    });
    return model;
  }
}

export interface MipResult {
  status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  objective?: number;
  bound?: number;
  values?: Float64Array;
  seconds: number;
}
