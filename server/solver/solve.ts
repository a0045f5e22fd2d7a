// The solver's entry: a parsed problem in, a `bt-plan/1` out. Infeasibility proven by counting
// comes back as an explained verdict; otherwise the layout search gives a valid plan.
import type { Assignment, Plan } from '../../shared/format/plan';
import type { Problem } from '../../shared/format/problem';
import { countingExplanations } from './counting';
import { DEFAULT_WEIGHTS, LayoutSearch, type Weights } from './heuristic';
import { buildModel, type SolverModel } from './model';
import { seededRandom } from './random';

export interface SolveOptions {
  seed?: number;
  /** Seconds. */
  timeLimit?: number;
  weights?: Weights;
  onProgress?: (event: { phase: string; objective?: number; overloaded?: number }) => void;
  /** Injected clock (ms) so tests and callers control time; defaults to performance.now. */
  now?: () => number;
}

export function solve(problem: Problem, options: SolveOptions = {}): Plan {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + (options.timeLimit ?? 30) * 1000;
  const stop = () => now() >= deadline;
  const progress = options.onProgress ?? (() => {});
  const seconds = () => Math.round((now() - started) / 10) / 100;

  progress({ phase: 'model' });
  const model = buildModel(problem);
  const explanation = countingExplanations(model);
  if (explanation.length > 0) {
    return { format: 'bt-plan/1', status: 'infeasible', assignments: [], explanation, stats: { seconds: seconds() } };
  }

  const search = new LayoutSearch(model, options.weights ?? DEFAULT_WEIGHTS, seededRandom(options.seed ?? 1));
  progress({ phase: 'construct' });
  search.construct();
  progress({ phase: 'repair' });
  const overloaded = search.repair(stop);
  if (overloaded > 0) {
    progress({ phase: 'done', overloaded });
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
      stats: { seconds: seconds(), layouts: layoutCount(model) },
    };
  }
  const bound = search.capacityFreeBound();
  const proven = () => search.objective() <= bound + 1e-9;
  progress({ phase: 'improve', objective: search.objective() });
  search.improve(stop);
  progress({ phase: 'neighbourhoods', objective: search.objective() });
  // Larger groups find moves smaller ones cannot; each size runs to its local optimum.
  // Checked between sizes only: a plan at the bound cannot get better.
  for (const size of [6, 12]) if (!proven()) search.ruinAndRecreate(stop, size);
  const parts = search.objectiveParts();
  const objective = search.objective(parts);
  progress({ phase: 'done', objective });
  return {
    format: 'bt-plan/1',
    status: objective <= bound + 1e-9 ? 'optimal' : 'feasible',
    objective,
    bound,
    assignments: assignmentsOf(model, search),
    explanation: [],
    stats: { seconds: seconds(), layouts: layoutCount(model), ...parts },
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
