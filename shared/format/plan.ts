// The `bt-plan/1` format: a plan for a planning problem, as the solver returns it and the
// API and CLI read and write it.
import { z } from 'zod';
import { idSchema, mondaySchema, withToAfterFrom } from './fields';

export const PLAN_FORMAT = 'bt-plan/1';
export const PLAN_STATUSES = ['optimal', 'feasible', 'infeasible', 'unknown'] as const;

export const assignmentSchema = withToAfterFrom(
  z.strictObject({
    doctor: idSchema,
    block: idSchema,
    /** null for blocks without a site (cohort events, vacation). */
    site: idSchema.nullable(),
    from: mondaySchema,
    to: mondaySchema,
  }),
);

/** Why no plan exists: one clash a coordinator can act on. */
export const explanationSchema = z.strictObject({
  code: z.string().min(1),
  message_sv: z.string(),
  message_en: z.string(),
  sites: z.array(idSchema).optional(),
  doctors: z.array(idSchema).optional(),
  blocks: z.array(idSchema).optional(),
  from: mondaySchema.optional(),
  to: mondaySchema.optional(),
});

export const planSchema = z.strictObject({
  format: z.literal(PLAN_FORMAT),
  /** Absent for a plan made or edited by hand. */
  status: z.enum(PLAN_STATUSES).optional(),
  objective: z.number().optional(),
  bound: z.number().optional(),
  assignments: z.array(assignmentSchema),
  explanation: z.array(explanationSchema).default([]),
  stats: z.record(z.string(), z.unknown()).default({}),
});

export type Assignment = z.infer<typeof assignmentSchema>;
export type Explanation = z.infer<typeof explanationSchema>;
export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
