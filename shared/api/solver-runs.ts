// Solver runs: start one for a cohort, follow its progress, cancel it, make a draft of it.
import { z } from 'zod';
import { planChangeSchema } from '../domain/plan-diff';
import { mondaySchema } from '../format/fields';
import { planSchema } from '../format/plan';
import { uuidSchema } from './common';

export const SOLVER_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

export const solverRunStartSchema = z.strictObject({
  timeLimit: z.number().min(1).max(600).default(30),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  variants: z.number().int().min(1).max(6).optional(),
  /**
   * Replan against the published plan: nothing that starts before this week moves. A cohort with
   * a published plan gets the coming Monday (server clock) when none is given; earlier is refused.
   */
  frozenBefore: mondaySchema.optional(),
});

/**
 * The solver's phases in the order they may come (server/solver/solve.ts reports them);
 * 'first-valid' marks the moment the search first holds a plan with no overload.
 */
export const SOLVER_PHASES = ['model', 'construct', 'repair', 'feasibility', 'first-valid', 'improve', 'integer', 'bound', 'neighbourhoods', 'dive', 'exact', 'done'] as const;
export type SolverPhase = (typeof SOLVER_PHASES)[number];

/** What a running solver last reported; extra members pass through. */
export const solverProgressSchema = z
  .object({
    phase: z.enum(SOLVER_PHASES),
    /** The best plan's cost so far and the proven lower bound. */
    objective: z.number().optional(),
    bound: z.number().optional(),
    /** Over-capacity site-weeks left while repairing. */
    overloaded: z.number().optional(),
    /** Since the worker started the run. */
    elapsedSeconds: z.number().optional(),
  })
  .catchall(z.unknown());

/**
 * A solver plan's `stats`: its size, the objective's parts (server/solver/heuristic.ts
 * ObjectiveParts), the variant's weighting and, when replanning, the changes to the published
 * plan. Lenient: every member optional and others passed through, so stored results parse.
 */
export const planStatsSchema = z
  .object({
    seconds: z.number().optional(),
    layouts: z.number().optional(),
    wishesUnmet: z.number().optional(),
    extraUnmetWishes: z.number().optional(),
    homeTownMissed: z.number().optional(),
    vacationCuts: z.number().optional(),
    changes: z.number().optional(),
    urgentChanges: z.number().optional(),
    /** Variants: the weighting's name and weights (server/solver/variants.ts). */
    variant: z.string().optional(),
    weights: z.record(z.string(), z.number()).optional(),
    diff: z.array(planChangeSchema).optional(),
  })
  .catchall(z.unknown());

/** A plan as a solver run returns it, with typed statistics. */
export const solverPlanSchema = planSchema.safeExtend({ stats: planStatsSchema.default({}) });

export const solverRunSchema = z.object({
  uuid: uuidSchema,
  cohort: uuidSchema,
  status: z.enum(SOLVER_RUN_STATUSES),
  parameters: solverRunStartSchema,
  progress: solverProgressSchema.nullable(),
  /** The plans found (one, or one per variant) when succeeded. */
  plans: z.array(solverPlanSchema).nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  /** The draft made from the first plan, when succeeded. */
  plan: uuidSchema.nullable(),
  finishedAt: z.string().nullable(),
});

export type SolverRunStart = z.infer<typeof solverRunStartSchema>;
export type SolverRun = z.infer<typeof solverRunSchema>;
export type SolverProgress = z.infer<typeof solverProgressSchema>;
export type PlanStats = z.infer<typeof planStatsSchema>;
