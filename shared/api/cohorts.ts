// Cohorts, their import and export as bt-planning-problem/1, and a new intake from one.
import { z } from 'zod';
import { DEFAULT_TEACHING } from '../calendar/events';
import { isoWeekday } from '../domain/dates';
import { isoDateSchema, mondaySchema } from '../format/fields';
import { problemSchema } from '../format/problem';
import { problemReferenceIssues } from '../format/problem-references';
import { ruleCheck } from '../format/rules';
import { storedSchema, uuidSchema, versionSchema } from './common';

/** Weekly compulsory teaching in the doctors' calendars: a weekday (1 = Monday), a local start time, minutes. */
export const teachingSchema = z.strictObject({
  weekday: z.number().int().min(1).max(5),
  start: z.string().check(ruleCheck('time-of-day', (time: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(time), () => ({}))),
  minutes: z.number().int().min(15).max(600),
});

/** Regular study time: like teaching, every `everyWeeks` weeks from each doctor's first week. */
export const studyTimeSchema = teachingSchema.extend({ everyWeeks: z.number().int().min(1).max(8) });

/** A BT-råd meeting: a weekday, a local start time, minutes and the place. */
export const councilSchema = z.strictObject({
  date: isoDateSchema.check(ruleCheck('not-a-weekday', (date: string) => isoWeekday(date) <= 5, (value) => ({ value }))),
  start: teachingSchema.shape.start,
  minutes: z.number().int().min(15).max(600),
  place: z.string().trim().min(1).max(200),
});

export const cohortBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  template: uuidSchema,
  /** Default: Thursdays 13:00, 4 hours; null: no teaching in the calendars. */
  teaching: teachingSchema.nullable().default(DEFAULT_TEACHING),
  /** BT-kollegium so many months after each doctor's start; null: halfway through the year. */
  kollegiumMonths: z.array(z.number().int().min(1).max(23)).min(1).max(4).nullable().default(null),
  /** Null: no study time in the calendars. */
  studyTime: studyTimeSchema.nullable().default(null),
  /** BT-råd meetings, in the doctors' calendars in the weeks they serve. */
  councils: z.array(councilSchema).max(24).default([]),
});
export const cohortUpdateSchema = cohortBodySchema.extend({
  version: versionSchema,
  /**
   * Another template while doctors' credits, pins, wishes or allowed sites name blocks it lacks
   * is refused with the list (422 /problems/lost-references); `true` maps each to the new
   * template's block of the same kind (refused still when one has none).
   */
  mapByKind: z.boolean().optional(),
});
export const cohortResourceSchema = cohortBodySchema.extend(storedSchema.shape).extend({ region: uuidSchema, doctors: z.number().int() });

/** A whole problem file becomes a cohort: its template, missing sites and doctors. */
export const cohortImportSchema = z
  .strictObject({ name: z.string().trim().min(1).max(200), problem: problemSchema })
  .superRefine((body, ctx) => {
    for (const issue of problemReferenceIssues(body.problem)) ctx.addIssue({ code: 'custom', message: issue.message, ...(issue.params ? { params: issue.params } : {}), path: ['problem', ...issue.path] });
  });

/**
 * A new intake (nytt intag) from a cohort: a new cohort starting `start`, on the cohort's template
 * (a copy when its date windows or cohort weeks must move to the new year), with the doctors'
 * setup copied (starting `start`, without absences, pins and wishes moved along) or none.
 */
export const cohortIntakeSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  start: mondaySchema,
  copyDoctors: z.boolean().default(true),
});

export type CohortBody = z.infer<typeof cohortBodySchema>;
export type CohortUpdate = z.infer<typeof cohortUpdateSchema>;
export type CohortResource = z.infer<typeof cohortResourceSchema>;
export type CohortImport = z.infer<typeof cohortImportSchema>;
export type CohortIntake = z.infer<typeof cohortIntakeSchema>;
export type CohortIntakeInput = z.input<typeof cohortIntakeSchema>;
