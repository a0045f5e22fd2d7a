// Doctors with absences, credit, pins and wishes: the problem format's doctor, plus the
// absence reason that only coordinators see.
import { z } from 'zod';
import { creditIssues } from '../format/credit-rules';
import { doctorSchema, type Doctor } from '../format/problem';
import type { IsoDate } from '../domain/dates';
import { addYears } from '../domain/intake';
import { absenceWeeks, type LeaveDays } from '../domain/leave-days';
import { isoDateSchema, mondaySchema } from '../format/fields';
import { ruleCheck, ruleIssue } from '../format/rules';
import { storedSchema, versionSchema } from './common';

/** A leave's days as its rules' issues name them. */
function daysOf({ first, last }: LeaveDays) {
  return { first, last };
}

/**
 * Leave as entered: its first and last day, inclusive, any weekday. The absence weeks the
 * planner uses are derived on the server (absenceWeeks), never sent; leave without a working day
 * takes no week and is refused.
 */
export const absenceBodySchema = z
  .strictObject({ first: isoDateSchema, last: isoDateSchema, reason: z.string().max(500).optional() })
  .check(ruleCheck('leave-last-before-first', (a: LeaveDays) => a.first <= a.last, daysOf, { path: ['last'], abort: true }))
  .check(ruleCheck('leave-without-working-day', (a: LeaveDays) => absenceWeeks(a) !== undefined, daysOf, { path: ['last'] }));

/** A stored absence: its days, and the weeks [from, to) it takes on the planning grid. */
export const absenceSchema = z.object({ first: isoDateSchema, last: isoDateSchema, from: mondaySchema, to: mondaySchema, reason: z.string().max(500).optional() });

export const doctorBodySchema = doctorSchema
  .extend({ absences: z.array(absenceBodySchema).default([]) })
  .check(
    z.superRefine<Pick<Doctor, 'credits' | 'creditException'>>((doctor, ctx) => {
      for (const { path, key, values } of creditIssues(doctor)) ctx.addIssue({ ...ruleIssue(key, values as never), input: doctor, path: [...path] });
    }),
  );
export const doctorUpdateSchema = doctorBodySchema.safeExtend({ version: versionSchema });
export const doctorResourceSchema = doctorBodySchema.safeExtend({ ...storedSchema.shape, absences: z.array(absenceSchema) });

export type AbsenceBody = z.infer<typeof absenceBodySchema>;
export type Absence = z.infer<typeof absenceSchema>;

export type DoctorBody = z.infer<typeof doctorBodySchema>;
export type DoctorUpdate = z.infer<typeof doctorUpdateSchema>;
export type DoctorResource = z.infer<typeof doctorResourceSchema>;

/**
 * `?from=` the day from which placements count (default today): those ending later are listed.
 * At most a year before `today`: a clinic plans for arrivals, it does not browse old years.
 */
export const incomingQuerySchema = (today: IsoDate) => {
  const earliest = addYears(today, -1);
  return z.strictObject({
    from: isoDateSchema.check(ruleCheck('more-than-a-year-back', (from: string) => from >= earliest, (from) => ({ value: from, earliest }))).optional(),
  });
};

/** A clinic's list of BT doctors at its site in the published plans. */
export const incomingSchema = z.object({
  /** "BT-läkare (skyddad identitet)" for protected identity. */
  name: z.string(),
  cohort: z.string(),
  block: z.string(),
  kind: z.string(),
  from: mondaySchema,
  to: mondaySchema,
  /** The placement's handledare (placement_supervisors), by name; null when none is named. */
  supervisor: z.string().nullable(),
});

/** A doctor's published year: placements with their site names, and absences. */
export const scheduleSchema = z.object({
  assignments: z.array(
    z.object({
      block: z.string(),
      kind: z.string(),
      site: z.string().nullable(),
      siteName: z.string().nullable(),
      address: z.string().nullable(),
      from: mondaySchema,
      to: mondaySchema,
      placement: z.string(),
      sequence: z.number(),
    }),
  ),
  /** The doctor's main supervisor, when known. */
  supervisor: z.string().nullable(),
  absences: z.array(absenceSchema),
  /** The BT from start to the end of the last placement (btSpan); null before a plan is published. */
  bt: z.object({ start: mondaySchema, end: mondaySchema, plannedWeeks: z.number().int(), extendedWeeks: z.number().int() }).nullable(),
  /**
   * The doctor's own calendar days besides placements and absences — teaching, study time, BT-råd,
   * assessments, BT-kollegium — as in their feed (shared/calendar/days.ts); absent before a plan.
   */
  calendar: z.array(z.object({ id: z.string(), category: z.string(), title: z.string(), date: isoDateSchema, time: z.string().nullable() })).optional(),
  /** What a wish may name: the cohort's blocks and, for each, the sites this doctor may be placed at. */
  choices: z.array(z.object({ block: z.string(), kind: z.string(), name: z.string().nullable(), sites: z.array(z.object({ id: z.string(), name: z.string() })) })),
});

export const eraseSchema = z.strictObject({ version: versionSchema });

export type Incoming = z.infer<typeof incomingSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;
