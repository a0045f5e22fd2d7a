// The solver's entry: a parsed problem in, a `bt-plan/1` out. Infeasibility proven by counting
// or by the master LP comes back as an explained verdict; otherwise the layout search gives a
// valid plan, column generation a lower bound, and the integer master a better plan if any.
// Every plan that leaves is one the shared checker accepts (the Incumbent), `optimal` only
// when every layout was enumerated, and `infeasible` only when proven.
import type { SolverPhase } from '../../shared/api/solver-runs';
import { planDiff } from '../../shared/domain/plan-diff';
import { planErrors } from '../../shared/domain/validate-plan';
import type { Violation } from '../../shared/domain/violations';
import type { Explanation, Plan } from '../../shared/format/plan';
import type { Doctor, Problem } from '../../shared/format/problem';
import { doctorLabel } from '../../shared/domain/labels';
import { capacityGives, countCapacity } from './capacity-words';
import { countingExplanations } from './counting';
import { findFeasible } from './feasibility';
import { compareScores, DEFAULT_WEIGHTS, LayoutSearch, type Choice, type Weights } from './heuristic';
import { choicesFromAssignments } from './choices';
import { Incumbent, rulesOf, type KeptPlan } from './incumbent';
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
  /** Layouts kept per doctor (the model's cap); tests lower it to get a cut model. */
  maxLayouts?: number;
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
  const model = buildModel(problem, { stop, ...(options.maxLayouts !== undefined ? { maxLayouts: options.maxLayouts } : {}) });
  // Counting proofs hold past a cut too: a cut doctor's window is its whole year.
  const explanation = countingExplanations(model);
  if (explanation.length > 0) return infeasible(model, explanation);
  // The layout search needs a layout per doctor; a cut may have left some without one.
  const unlaid = model.doctors.filter((d) => d.layouts.length === 0);
  if (unlaid.length > 0) return cutUnproven(model, unlaid.map((d) => d.doctor));
  const highs = await loadHighs();
  const small = problem.doctors.length <= EXACT_FALLBACK_DOCTORS;

  const search = new LayoutSearch(model, weights, seededRandom(options.seed ?? 1));
  const incumbent = new Incumbent(model, search);
  progress({ phase: 'construct' });
  search.construct();
  progress({ phase: 'repair' });
  const overloaded = search.repair(stop);
  if (overloaded > 0) {
    // The time limit is a promise: with no time left, no master is built to use it.
    if (stop()) return timedOut(model, overloaded);
    // The search found no valid plan: the master proves there is none, or finds one.
    progress({ phase: 'feasibility', overloaded });
    const found = findFeasible(highs, model, search, stop);
    // The master's proof ranges over the layouts kept: past a cut it proves nothing.
    if (found.explanation && !model.cut) return infeasible(model, found.explanation);
    let choices = found.choices;
    if (!choices && !stop() && small) {
      progress({ phase: 'exact' });
      const exact = await exactPlan(problem, model, weights, (deadline - now()) / 1000);
      if (exact.infeasible) return infeasible(model, [noPlanExplanation(model, search)]);
      choices = exact.choices;
      // Past a cut its plan may lie outside the layouts kept: it stands on its own once the checker accepts it.
      if (!choices && exact.plan && planErrors(rulesOf(model), exact.plan).length === 0) {
        return { ...exact.plan, status: 'feasible', stats: { layouts: layoutCount(model), ...cutStats(model), exact: true } };
      }
    }
    if (!choices) return found.explanation ? cutUnproven(model) : timedOut(model, overloaded);
    search.adopt(choices);
  }
  if (incumbent.offer()) {
    // The search now holds a plan with no overload: the bench's and the CLI's time to a valid plan.
    progress({ phase: 'first-valid', objective: search.objective() });
  }

  const integral = integralCosts(problem, weights);
  const roundUp = (bound: number) => (integral ? Math.ceil(bound - 1e-6) : bound);
  // A bound over the layouts kept: a true lower bound only when none were cut.
  let bound = search.capacityFreeBound();
  // The exact MIP's bound, which holds whatever the layouts.
  let exactBound: number | undefined;
  const proven = () => search.objective() <= bound + 1e-9;
  progress({ phase: 'improve', objective: search.objective(), bound });
  search.improve(stop);
  incumbent.offer();
  // Some passes of the neighbourhoods first: the master starts from a better plan and
  // finds better columns (measured: 8 passes beat 2 and a full run on the bench).
  if (!proven()) {
    search.ruinAndRecreate(stop, 6, 3, FIRST_NEIGHBOURHOOD_PASSES);
    incumbent.offer();
  }

  if (!proven() && !stop()) {
    const master = new ColumnMaster(highs, model, search, 'optimize');
    try {
      const seconds = () => (deadline - now()) / 1000;
      // Hard before soft: a plan from the master replaces the search's only when it ranks
      // better (no more overload, then a lower cost).
      const adoptIfBetter = (choices: Choice[] | undefined) => {
        if (!choices) return;
        const before = search.choices.slice() as Choice[];
        const score = search.score();
        search.adopt(choices);
        if (compareScores(search.score(), score) >= 0) search.adopt(before);
        else incumbent.offer();
      };
      const integer = (limit: number) => {
        progress({ phase: 'integer', objective: search.objective(), bound });
        search.choices.forEach((choice, d) => master.add(d, choice!));
        adoptIfBetter(master.solveInteger(limit, search.choices as Choice[])?.choices);
      };

      search.choices.forEach((choice, d) => master.add(d, choice!));
      const share = now() + (deadline - now()) * COLUMN_GENERATION_SHARE;
      const incumbentObjective = search.objective();
      master.generate(() => now() >= share, integral ? incumbentObjective - 1 + 1e-6 : incumbentObjective, undefined, () =>
        progress({ phase: 'bound', objective: incumbentObjective, bound: Math.max(bound, roundUp(master.bound)) }),
      );
      bound = Math.max(bound, roundUp(master.bound));
      // A short integer master often closes the gap, and otherwise gives the
      // neighbourhoods a better start; after them it runs again with their plan.
      if (!proven() && !stop()) integer(Math.min(QUICK_INTEGER_SECONDS, seconds() * INTEGER_SHARE));
      if (!proven() && !stop()) {
        progress({ phase: 'neighbourhoods', objective: search.objective(), bound });
        // Larger groups find moves smaller ones cannot; each size runs to its local optimum.
        for (const size of [6, 12]) if (!proven()) search.ruinAndRecreate(stop, size);
        incumbent.offer();
      }
      if (!proven() && !stop()) integer(Math.min(QUICK_INTEGER_SECONDS, seconds() * INTEGER_SHARE));
      // The integer master only combines columns seen; a dive prices new ones on its way
      // down, looking for a plan at least one unit cheaper than the one in hand.
      if (!proven() && !stop()) {
        progress({ phase: 'dive', objective: search.objective(), bound });
        adoptIfBetter(master.dive(stop, integral ? search.objective() - 1 + 1e-6 : search.objective() - 1e-6));
      }
      // The rest of the time: the integer master over every column seen and the neighbourhoods
      // from its plan take turns while a turn finds a better plan (the master alone may prove
      // its columns' best early and leave time unused).
      while (!proven() && !stop()) {
        const before = search.objective();
        integer(seconds());
        if (proven() || stop()) break;
        progress({ phase: 'neighbourhoods', objective: search.objective(), bound });
        for (const size of [6, 12]) if (!proven()) search.ruinAndRecreate(stop, size);
        incumbent.offer();
        if (search.objective() >= before - 1e-9) break;
      }
    } finally {
      master.dispose();
    }
  }

  // Small problems still open: the exact time-indexed MIP with the time that is left. Its
  // plan counts only when it reads back as layouts (the models agree); its bound always.
  if (!proven() && !stop() && small) {
    progress({ phase: 'exact', objective: search.objective(), bound });
    const exact = await exactPlan(problem, model, weights, (deadline - now()) / 1000);
    if (exact.choices) {
      const before = search.choices.slice() as Choice[];
      const score = search.score();
      search.adopt(exact.choices);
      if (compareScores(search.score(), score) >= 0) search.adopt(before);
      else incumbent.offer();
    }
    if (exact.bound !== undefined) {
      exactBound = roundUp(exact.bound);
      bound = Math.max(bound, exactBound);
    }
  }

  // The final gate: the plan in hand must pass the shared checker, else the best one that did
  // goes out as `unknown`.
  const valid = incumbent.gate();
  const kept = incumbent.best;
  if (!valid) return rejected(model, kept, incumbent.rejected, search.overloadedCount(), bound);
  // Past a cut neither the layouts' bound nor `optimal` holds; the exact MIP's bound does.
  const trueBound = model.cut ? exactBound : bound;
  const objective = kept!.objective;
  const status = !model.cut && objective <= bound + 1e-9 ? 'optimal' : 'feasible';
  progress({ phase: 'done', objective, ...(trueBound !== undefined ? { bound: trueBound } : {}) });
  return planOf(model, kept!, status, trueBound, []);
}

function planOf(model: SolverModel, kept: KeptPlan, status: Plan['status'], bound: number | undefined, explanation: Explanation[]): Plan {
  const { problem } = model;
  return {
    format: 'bt-plan/1',
    status,
    objective: kept.objective,
    ...(bound !== undefined ? { bound } : {}),
    assignments: kept.assignments,
    explanation,
    stats: {
      layouts: layoutCount(model),
      ...cutStats(model),
      ...kept.parts,
      ...(problem.previous ? { diff: planDiff(problem.previous.assignments, kept.assignments) } : {}),
    },
  };
}

/**
 * The plan in hand failed the final gate (overload the search could not remove, or a rule the
 * checker found and the search's model missed): the best valid plan seen, or none, as `unknown`.
 */
function rejected(model: SolverModel, kept: KeptPlan | undefined, errors: Violation[] | undefined, overloaded: number, bound: number): Plan {
  const why = {
    sv: errors?.length ? `sökningens sista plan bröt mot en regel (${errors[0]!.message_sv})` : `sökningens sista plan överbelägger ${overloaded} arbetsplatsveckor`,
    en: errors?.length ? `the search's last plan broke a rule (${errors[0]!.message_en})` : `the search's last plan overloads ${overloaded} site-weeks`,
  };
  const explanation: Explanation = kept
    ? {
        code: 'plan-rejected',
        message_sv: `Planen är den bästa giltiga som hittades, men ${why.sv}; den är inte bevisat bäst`,
        message_en: `This is the best valid plan found, but ${why.en}; it is not proven best`,
      }
    : {
        code: 'plan-rejected',
        message_sv: `Ingen giltig plan hittades: ${why.sv}`,
        message_en: `No valid plan found: ${why.en}`,
      };
  if (!kept) return { format: 'bt-plan/1', status: 'unknown', assignments: [], explanation: [explanation], stats: { layouts: layoutCount(model), ...cutStats(model) } };
  return planOf(model, kept, 'unknown', model.cut ? undefined : bound, [explanation]);
}

/**
 * No plan among the layouts kept (the master LP's proof, or `unlaid` doctors left without any
 * layout by the cut), but layouts were cut: no proof that none exists.
 */
function cutUnproven(model: SolverModel, unlaid: Doctor[] = []): Plan {
  const doctors = model.doctors.filter((d) => d.cut).length;
  const names = { sv: unlaid.map((d) => doctorLabel(d, 'sv')).join(', '), en: unlaid.map((d) => doctorLabel(d, 'en')).join(', ') };
  return {
    format: 'bt-plan/1',
    status: 'unknown',
    assignments: [],
    explanation: [
      unlaid.length > 0
        ? {
            code: 'layouts-cut',
            message_sv: `Inom tidsgränsen hittades ingen blockordning för ${names.sv}; alla prövades inte, så det är inte bevisat att ingen finns`,
            message_en: `Within the time limit no order of the blocks was found for ${names.en}; not all were tried, so it is not proven that none exists`,
            doctors: unlaid.map((d) => d.id),
          }
        : {
            code: 'layouts-cut',
            message_sv: `Ingen giltig plan finns bland de blockordningar som prövades, men alla prövades inte (${doctors} läkare har fler); att ingen plan finns är inte bevisat`,
            message_en: `No valid plan exists among the block orders tried, but not all were tried (${doctors} doctors have more); that no plan exists is not proven`,
          },
    ],
    stats: { layouts: layoutCount(model), ...cutStats(model) },
  };
}

/** A cut is a flag in the answer, never silent: how many doctors' layouts were cut. */
function cutStats(model: SolverModel): { layoutsCut?: number } {
  const cut = model.doctors.filter((d) => d.cut).length;
  return cut > 0 ? { layoutsCut: cut } : {};
}

interface ExactAnswer {
  infeasible: boolean;
  /** Its plan read back as layouts, when it reads back. */
  choices?: Choice[];
  objective?: number;
  bound?: number;
  /** Its plan as it came, when it does not read back as layouts (past a cut). */
  plan?: Plan;
}

/**
 * The time-indexed MIP's answer in layout terms. Its plan counts in the search only when it
 * reads back as layouts (the two models agree); its bound and its proof of infeasibility always do.
 */
async function exactPlan(problem: Problem, model: SolverModel, weights: Weights, timeLimit: number): Promise<ExactAnswer> {
  const exact = await solveReference(problem, { weights, timeLimit });
  if (exact.status === 'infeasible') return { infeasible: true };
  const choices = exact.assignments.length > 0 ? choicesFromAssignments(model, exact.assignments) : undefined;
  if (choices) return { infeasible: false, choices, objective: exact.objective, bound: exact.bound };
  return { infeasible: false, ...(exact.assignments.length > 0 ? { plan: exact } : {}) };
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
