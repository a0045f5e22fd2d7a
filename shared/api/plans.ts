// Plan versions of a cohort: drafts, the published one, archived ones; their assignments with
// the ids calendars use; edits answered with the plan's violations.
import { z } from 'zod';
import { pastChangeSchema } from '../domain/past-record';
import { assignmentSchema } from '../format/plan';
import { violationSchema } from '../domain/violations';
import { storedSchema, uuidSchema, versionSchema } from './common';

export const PLAN_VERSION_STATUSES = ['draft', 'published', 'archived'] as const;

export const planCreateSchema = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('empty') }),
  z.strictObject({ from: z.literal('published') }),
  z.strictObject({ from: z.literal('run'), run: uuidSchema, variant: z.number().int().min(0).default(0) }),
  /** A copy of any version of the same cohort (draft, published or archived). */
  z.strictObject({ from: z.literal('version'), plan: uuidSchema }),
]);

/** An assignment as stored: the placement id and sequence are what calendars use as UID and SEQUENCE. */
export const storedAssignmentSchema = assignmentSchema.safeExtend({ placement: uuidSchema, sequence: z.number().int().min(0) });

export const planSummarySchema = storedSchema.extend({
  cohort: uuidSchema,
  number: z.number().int(),
  status: z.enum(PLAN_VERSION_STATUSES),
  createdBy: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  objective: z.number().nullable(),
  bound: z.number().nullable(),
});

export const planResourceSchema = planSummarySchema.extend({
  assignments: z.array(storedAssignmentSchema),
  violations: z.array(violationSchema),
  /** A draft's changes to the record (started placements, past weeks) of the published plan; empty otherwise. */
  pastChanges: z.array(pastChangeSchema),
});

/** Replaces the draft's assignments; the answer lists the plan's violations. */
export const planEditSchema = z.strictObject({ version: versionSchema, assignments: z.array(assignmentSchema) });

export const planVersionActionSchema = z.strictObject({ version: versionSchema });

export const planDiffQuerySchema = z.strictObject({ against: uuidSchema });

export type PlanCreate = z.infer<typeof planCreateSchema>;
export type StoredAssignment = z.infer<typeof storedAssignmentSchema>;
export type PlanSummary = z.infer<typeof planSummarySchema>;
export type PlanResource = z.infer<typeof planResourceSchema>;
export type PlanEdit = z.infer<typeof planEditSchema>;
