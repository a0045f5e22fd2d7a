// Solver runs: start one for a cohort, follow its progress, cancel it, make a draft of it.
import { z } from 'zod';
import { mondaySchema } from '../format/fields';
import { planSchema } from '../format/plan';
import { storedSchema, uuidSchema } from './common';

export const SOLVER_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

export const solverRunStartSchema = z.strictObject({
  timeLimit: z.number().min(1).max(600).default(30),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  variants: z.number().int().min(1).max(6).optional(),
  /** Replan against the published plan: nothing that starts before this week moves. */
  frozenBefore: mondaySchema.optional(),
});

export const solverRunSchema = z.object({
  uuid: uuidSchema,
  cohort: uuidSchema,
  status: z.enum(SOLVER_RUN_STATUSES),
  parameters: solverRunStartSchema,
  progress: z.record(z.string(), z.unknown()).nullable(),
  /** The plans found (one, or one per variant) when succeeded. */
  plans: z.array(planSchema).nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  /** The draft made from the first plan, when succeeded. */
  plan: uuidSchema.nullable(),
  finishedAt: z.string().nullable(),
});

export type SolverRunStart = z.infer<typeof solverRunStartSchema>;
export type SolverRun = z.infer<typeof solverRunSchema>;
