// Cohorts, their import and export as bt-planning-problem/1, and copying one to a new intake.
import { z } from 'zod';
import { DEFAULT_TEACHING } from '../calendar/events';
import { problemSchema } from '../format/problem';
import { problemReferenceIssues } from '../format/problem-references';
import { storedSchema, uuidSchema, versionSchema } from './common';

/** Weekly compulsory teaching in the doctors' calendars: a weekday (1 = Monday), a local start time, minutes. */
export const teachingSchema = z.strictObject({
  weekday: z.number().int().min(1).max(5),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
  minutes: z.number().int().min(15).max(600),
});

export const cohortBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  template: uuidSchema,
  /** Default: Thursdays 13:00, 4 hours; null: no teaching in the calendars. */
  teaching: teachingSchema.nullable().default(DEFAULT_TEACHING),
  /** BT-kollegium so many months after each doctor's start; null: halfway through the year. */
  kollegiumMonths: z.array(z.number().int().min(1).max(23)).min(1).max(4).nullable().default(null),
});
export const cohortUpdateSchema = cohortBodySchema.extend({ version: versionSchema });
export const cohortResourceSchema = cohortBodySchema.extend(storedSchema.shape).extend({ region: uuidSchema, doctors: z.number().int() });

/** A whole problem file becomes a cohort: its template, missing sites and doctors. */
export const cohortImportSchema = z
  .strictObject({ name: z.string().trim().min(1).max(200), problem: problemSchema })
  .superRefine((body, ctx) => {
    for (const issue of problemReferenceIssues(body.problem)) ctx.addIssue({ code: 'custom', path: ['problem', ...issue.path], message: issue.message });
  });

/** Next year's intake: the same template and doctors' setup, every date moved by `weeks`. */
export const cohortCopySchema = z.strictObject({ name: z.string().trim().min(1).max(200), weeks: z.number().int().min(-260).max(260) });

export type CohortBody = z.infer<typeof cohortBodySchema>;
export type CohortUpdate = z.infer<typeof cohortUpdateSchema>;
export type CohortResource = z.infer<typeof cohortResourceSchema>;
export type CohortImport = z.infer<typeof cohortImportSchema>;
export type CohortCopy = z.infer<typeof cohortCopySchema>;
