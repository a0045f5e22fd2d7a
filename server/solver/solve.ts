// The solver's entry: a parsed problem in, a `bt-plan/1` out. Infeasibility proven by counting
// or by the master LP comes back as an explained verdict; otherwise the layout search gives a
// valid plan, column generation a lower bound, and the integer master a better plan if any.
import type { Assignment, Explanation, Plan } from '../../shared/format/plan';
import type { Problem } from '../../shared/format/problem';
import { countingExplanations } from './counting';
import { findFeasible } from './feasibility';
import { DEFAULT_WEIGHTS, LayoutSearch, type Choice, type Weights } from './heuristic';
import { ColumnMaster } from './master';
import { loadHighs } from './mip';
import { buildModel, type SolverModel } from './model';
import { seededRandom } from './random';

export interface SolveOptions {
  seed?: number;
  /** Seconds. */
  timeLimit?: number;
  weights?: Weights;
  onProgress?: (event: SolveProgress) => void;
  /** Injected clock (ms) so tests and callers control time; defaults to performance.now. */
  now?: () => number;
}

export interface SolveProgress {
  phase: string;
  objective?: number;
  bound?: number;
  overloaded?: number;
}

/** Share of the time left that column generation may use; the integer master gets the rest. */
const COLUMN_GENERATION_SHARE = 0.6;

export async function solve(problem: Problem, options: SolveOptions = {}): Promise<Plan> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + (options.timeLimit ?? 30) * 1000;
  const stop = () => now() >= deadline;
  const progress = options.onProgress ?? (() => {});
  const weights = options.weights ?? DEFAULT_WEIGHTS;

  progress({ phase: 'model' });
  const model = buildModel(problem);
  const explanation = countingExplanations(model);
  if (explanation.length > 0) return infeasible(model, explanation);
  const highs = await loadHighs();

  const search = new LayoutSearch(model, weights, seededRandom(options.seed ?? 1));
  progress({ phase: 'construct' });
  search.construct();
  progress({ phase: 'repair' });
  const overloaded = search.repair(stop);
  if (overloaded > 0) {
    // The search found no valid plan: the master proves there is none, or finds one.
    progress({ phase: 'feasibility', overloaded });
    const found = findFeasible(highs, model, search, stop);
    if (found.explanation) return infeasible(model, found.explanation);
    if (!found.choices) return timedOut(model, overloaded);
    search.adopt(found.choices);
  }

  const integral = integralCosts(problem, weights);
  const roundUp = (bound: number) => (integral ? Math.ceil(bound - 1e-6) : bound);
  let bound = search.capacityFreeBound();
  const proven = () => search.objective() <= bound + 1e-9;
  progress({ phase: 'improve', objective: search.objective(), bound });
  search.improve(stop);
  progress({ phase: 'neighbourhoods', objective: search.objective(), bound });
  // Larger groups find moves smaller ones cannot; each size runs to its local optimum.
  // Checked between sizes only: a plan at the bound cannot get better.
  for (const size of [6, 12]) if (!proven()) search.ruinAndRecreate(stop, size);

  if (!proven() && !stop()) {
    const master = new ColumnMaster(highs, model, search, 'optimize');
    try {
      search.choices.forEach((choice, d) => master.add(d, choice!));
      const share = now() + (deadline - now()) * COLUMN_GENERATION_SHARE;
      const incumbent = search.objective();
      master.generate(() => now() >= share, integral ? incumbent - 1 + 1e-6 : incumbent, undefined, () =>
        progress({ phase: 'bound', objective: incumbent, bound: Math.max(bound, roundUp(master.bound)) }),
      );
      bound = Math.max(bound, roundUp(master.bound));
      if (!proven() && !stop()) {
        progress({ phase: 'integer', objective: search.objective(), bound });
        const best = master.solveInteger((deadline - now()) / 1000, search.choices as Choice[]);
        if (best && best.objective < search.objective() - 1e-9) {
          search.adopt(best.choices);
          if (search.overloadedCount() > 0) throw new Error('integer master returned an over-capacity plan');
        }
      }
    } finally {
      master.dispose();
    }
  }

  const parts = search.objectiveParts();
  const objective = search.objective(parts);
  progress({ phase: 'done', objective, bound });
  return {
    format: 'bt-plan/1',
    status: objective <= bound + 1e-9 ? 'optimal' : 'feasible',
    objective,
    bound,
    assignments: assignmentsOf(model, search),
    explanation: [],
    stats: { layouts: layoutCount(model), ...parts },
  };
}

/** Every cost is a whole number, so a bound can be rounded up. */
function integralCosts(problem: Problem, weights: Weights): boolean {
  return Object.values(weights).every(Number.isInteger) && problem.doctors.every((d) => d.wishes.every((w) => Number.isInteger(w.weight)));
}

function infeasible(model: SolverModel, explanation: Explanation[]): Plan {
  return { format: 'bt-plan/1', status: 'infeasible', assignments: [], explanation, stats: { layouts: layoutCount(model) } };
}

function timedOut(model: SolverModel, overloaded: number): Plan {
  return {
    format: 'bt-plan/1',
    status: 'unknown',
    assignments: [],
    explanation: [
      {
        code: 'time-limit',
        message_sv: `Ingen giltig plan hittades inom tidsgränsen; ${overloaded} arbetsplatsveckor är fortfarande överbelagda`,
        message_en: `No valid plan found within the time limit; ${overloaded} site-weeks are still over capacity`,
      },
    ],
    stats: { layouts: layoutCount(model) },
  };
}

function layoutCount(model: SolverModel): number {
  return model.doctors.reduce((n, d) => n + d.layouts.length, 0);
}

function assignmentsOf(model: SolverModel, search: LayoutSearch): Assignment[] {
  const week = (w: number) => model.weekNames[w - model.firstWeek]!;
  return model.doctors.flatMap((dm, d) => {
    const choice = search.choices[d]!;
    const layout = dm.layouts[choice.layout]!;
    const doctor = dm.doctor.id;
    const list: Assignment[] = [
      ...layout.siteless.map((s) => ({ doctor, block: s.block, site: null, from: week(s.range.from), to: week(s.range.to) })),
      ...dm.slots.map((slot, k) => ({
        doctor,
        block: slot.block.id,
        site: model.siteIds[choice.sites[k]!]!,
        from: week(layout.ranges[k]!.from),
        to: week(layout.ranges[k]!.to),
      })),
    ];
    return list.sort((a, b) => a.from.localeCompare(b.from));
  });
}
