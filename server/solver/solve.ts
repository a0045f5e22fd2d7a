// The solver's entry: a parsed problem in, a `bt-plan/1` out. Infeasibility proven by counting
// or by the master LP comes back as an explained verdict; otherwise the layout search gives a
// valid plan, column generation a lower bound, and the integer master a better plan if any.
import type { SolverPhase } from '../../shared/api/solver-runs';
import { planDiff } from '../../shared/domain/plan-diff';
import type { Assignment, Explanation, Plan } from '../../shared/format/plan';
import type { Problem } from '../../shared/format/problem';
import { capacityGives, countCapacity } from './capacity-words';
import { countingExplanations } from './counting';
import { findFeasible } from './feasibility';
import { DEFAULT_WEIGHTS, LayoutSearch, type Choice, type Weights } from './heuristic';
import { choicesFromAssignments } from './choices';
import { ColumnMaster } from './master';
import { loadHighs } from './mip';
import { buildModel, type SolverModel } from './model';
import { seededRandom } from './random';
import { solveReference } from './reference';

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
  /** One of SOLVER_PHASES, the words the client translates. */
  phase: SolverPhase;
  objective?: number;
  bound?: number;
  overloaded?: number;
}

/** Share of the time left that column generation may use; the integer master and the dive get the rest. */
const COLUMN_GENERATION_SHARE = 0.6;
/** Share of what is then left for an integer master that is not the last step. */
const INTEGER_SHARE = 0.3;
/** An integer master before the last runs at most this long: proving is the dive's and the last one's job. */
const QUICK_INTEGER_SECONDS = 2;
/** Passes of ruin-and-recreate before the master. */
const FIRST_NEIGHBOURHOOD_PASSES = 8;
/** Up to this many doctors the time-indexed MIP may close a gap the master leaves. */
const EXACT_FALLBACK_DOCTORS = 60;

export async function solve(problem: Problem, options: SolveOptions = {}): Promise<Plan> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + (options.timeLimit ?? 30) * 1000;
  const stop = () => now() >= deadline;
  const progress = options.onProgress ?? (() => {});
  const weights = options.weights ?? DEFAULT_WEIGHTS;

  progress({ phase: 'model' });
  const model = buildModel(problem, { stop });
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
    let choices = found.choices;
    if (!choices && !stop() && problem.doctors.length <= EXACT_FALLBACK_DOCTORS) {
      progress({ phase: 'exact' });
      const exact = await exactPlan(problem, model, weights, (deadline - now()) / 1000);
      if (exact.infeasible) return infeasible(model, [noPlanExplanation(model, search)]);
      choices = exact.choices;
    }
    if (!choices) return timedOut(model, overloaded);
    search.adopt(choices);
  }
  // The search now holds a plan with no overload: the bench's and the CLI's time to a valid plan.
  progress({ phase: 'first-valid', objective: search.objective() });

  const integral = integralCosts(problem, weights);
  const roundUp = (bound: number) => (integral ? Math.ceil(bound - 1e-6) : bound);
  let bound = search.capacityFreeBound();
  const proven = () => search.objective() <= bound + 1e-9;
  progress({ phase: 'improve', objective: search.objective(), bound });
  search.improve(stop);
  // Some passes of the neighbourhoods first: the master starts from a better plan and
  // finds better columns (measured: 8 passes beat 2 and a full run on the bench).
  if (!proven()) search.ruinAndRecreate(stop, 6, 3, FIRST_NEIGHBOURHOOD_PASSES);

  if (!proven() && !stop()) {
    const master = new ColumnMaster(highs, model, search, 'optimize');
    try {
      const seconds = () => (deadline - now()) / 1000;
      const adoptIfBetter = (choices: Choice[] | undefined) => {
        if (!choices) return;
        const before = search.choices.slice() as Choice[];
        const objective = search.objective();
        search.adopt(choices);
        if (search.overloadedCount() > 0) throw new Error('master returned an over-capacity plan');
        if (search.objective() >= objective - 1e-9) search.adopt(before);
      };
      const integer = (limit: number) => {
        progress({ phase: 'integer', objective: search.objective(), bound });
        search.choices.forEach((choice, d) => master.add(d, choice!));
        adoptIfBetter(master.solveInteger(limit, search.choices as Choice[])?.choices);
      };

      search.choices.forEach((choice, d) => master.add(d, choice!));
      const share = now() + (deadline - now()) * COLUMN_GENERATION_SHARE;
      const incumbent = search.objective();
      master.generate(() => now() >= share, integral ? incumbent - 1 + 1e-6 : incumbent, undefined, () =>
        progress({ phase: 'bound', objective: incumbent, bound: Math.max(bound, roundUp(master.bound)) }),
      );
      bound = Math.max(bound, roundUp(master.bound));
      // A short integer master often closes the gap, and otherwise gives the
      // neighbourhoods a better start; after them it runs again with their plan.
      if (!proven() && !stop()) integer(Math.min(QUICK_INTEGER_SECONDS, seconds() * INTEGER_SHARE));
      if (!proven() && !stop()) {
        progress({ phase: 'neighbourhoods', objective: search.objective(), bound });
        // Larger groups find moves smaller ones cannot; each size runs to its local optimum.
        for (const size of [6, 12]) if (!proven()) search.ruinAndRecreate(stop, size);
      }
      if (!proven() && !stop()) integer(Math.min(QUICK_INTEGER_SECONDS, seconds() * INTEGER_SHARE));
      // The integer master only combines columns seen; a dive prices new ones on its way
      // down, looking for a plan at least one unit cheaper than the one in hand.
      if (!proven() && !stop()) {
        progress({ phase: 'dive', objective: search.objective(), bound });
        adoptIfBetter(master.dive(stop, integral ? search.objective() - 1 + 1e-6 : search.objective() - 1e-6));
      }
      if (!proven() && !stop()) integer(seconds());
    } finally {
      master.dispose();
    }
  }

  // Small problems still open: the exact time-indexed MIP with the time that is left. Its
  // plan and bound count only when its plan reads back as layouts (the models agree).
  if (!proven() && !stop() && problem.doctors.length <= EXACT_FALLBACK_DOCTORS) {
    progress({ phase: 'exact', objective: search.objective(), bound });
    const exact = await exactPlan(problem, model, weights, (deadline - now()) / 1000);
    if (exact.choices && exact.objective! < search.objective() - 1e-9) {
      search.adopt(exact.choices);
      if (search.overloadedCount() > 0) throw new Error('exact MIP returned an over-capacity plan');
    }
    if (exact.bound !== undefined) bound = Math.max(bound, roundUp(exact.bound));
  }

  const parts = search.objectiveParts();
  const objective = search.objective(parts);
  const assignments = assignmentsOf(model, search);
  progress({ phase: 'done', objective, bound });
  return {
    format: 'bt-plan/1',
    status: objective <= bound + 1e-9 ? 'optimal' : 'feasible',
    objective,
    bound,
    assignments,
    explanation: [],
    stats: { layouts: layoutCount(model), ...parts, ...(problem.previous ? { diff: planDiff(problem.previous.assignments, assignments) } : {}) },
  };
}

/**
 * The time-indexed MIP's answer in layout terms. Its plan and bound count only when the plan
 * reads back as layouts (the two models agree); its proof of infeasibility always does.
 */
async function exactPlan(problem: Problem, model: SolverModel, weights: Weights, timeLimit: number) {
  const exact = await solveReference(problem, { weights, timeLimit });
  if (exact.status === 'infeasible') return { infeasible: true };
  const choices = exact.assignments.length > 0 ? choicesFromAssignments(model, exact.assignments) : undefined;
  return choices ? { infeasible: false, choices, objective: exact.objective, bound: exact.bound } : { infeasible: false };
}

/** Infeasibility the exact MIP proved but no count shows: name the sites the search could not fit. */
function noPlanExplanation(model: SolverModel, search: LayoutSearch): Explanation {
  const tightest = search.overloadedSites();
  const sites = tightest.map((s) => model.siteIds[s]!);
  const names = tightest.map((s) => model.problem.sites[s]!.name).join(', ');
  // Over the whole planning span: when other cohorts take part of these sites, say so.
  const capacity = countCapacity(model, tightest, model.firstWeek, model.firstWeek + model.weekCount);
  const taken = {
    sv: capacity.taken > 0 ? `; där ${capacityGives(capacity, 'sv', 'per-week')}` : '',
    en: capacity.taken > 0 ? `; there ${capacityGives(capacity, 'en', 'per-week')}` : '',
  };
  return {
    code: 'no-plan',
    message_sv: `Ingen giltig plan finns: kapaciteten räcker inte för alla placeringar samtidigt (trångast: ${names}${taken.sv})`,
    message_en: `No valid plan exists: the capacity cannot hold every placement at once (tightest: ${names}${taken.en})`,
    sites,
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
