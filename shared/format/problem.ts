// The `bt-planning-problem/1` format: a cohort's template, sites and doctors, as the solver
// reads it and the API imports and exports it. Cross-references are checked in
// problem-references.ts.
import { z } from 'zod';
import { CATEGORIES } from '../domain/block-kinds';
import { BT_GOAL_IDS } from '../domain/goals';
import { dateRangeSchema, idSchema, isoDateSchema, mondaySchema, weekRangeSchema, withToAfterFrom } from './fields';
import { planSchema } from './plan';
import { ruleCheck } from './rules';

export const PROBLEM_FORMAT = 'bt-planning-problem/1';

/** Part-time rates a doctor may serve at: half time to full time (forms show them as 50–100 %). */
export const MIN_PART_TIME = 0.5;
export const MAX_PART_TIME = 1;

/** Credits must replace at least three months of service (≈ 13 weeks). */
export const MIN_CREDIT_WEEKS = 13;

export const blockSchema = z.strictObject({
  id: idSchema,
  kind: idSchema,
  category: z.enum(CATEGORIES),
  name: z.string().min(1).max(120).optional(),
  weeks: z.number().int().min(1).max(104),
  /** Kept for display when the template is month-based. */
  months: z.number().positive().max(24).optional(),
  /** The block starts exactly this many weeks after the doctor's start. */
  offset: z.number().int().min(0).max(104).optional(),
  /** The block starts this Monday for every doctor of the cohort (common education); not with `offset`. */
  at: mondaySchema.optional(),
  /** The whole block lies inside this date range (vacation: June–August). */
  window: dateRangeSchema.optional(),
  /** Overrides the kind's default goals. */
  goals: z.array(z.enum(BT_GOAL_IDS)).optional(),
});

export const capacityOverrideSchema = withToAfterFrom(
  z.strictObject({ from: mondaySchema, to: mondaySchema, capacity: z.number().int().min(0).max(1000) }),
);

export const siteSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(200),
  town: z.string().min(1).max(100),
  kinds: z.array(idSchema).min(1),
  /** Most BT doctors in service at the site in one week. */
  capacity: z.number().int().min(0).max(1000),
  /** Date-ranged capacities; the last one covering a week wins. */
  overrides: z.array(capacityOverrideSchema).default([]),
  address: z.string().max(300).optional(),
});

/**
 * BT doctors of the region's other cohorts in service at a site in weeks [from, to), from their
 * published plans: load already taken, since a site's capacity is shared by every cohort.
 */
export const takenSchema = withToAfterFrom(
  z.strictObject({
    from: mondaySchema,
    to: mondaySchema,
    doctors: z.number().int().min(0).max(100_000),
    /** The cohort they belong to, so an explanation can name it. */
    cohort: z.string().min(1).max(200).optional(),
  }),
);

/** A site as a problem sees it: the stored site plus the load other cohorts take (ranges add up; absent means none). */
export const problemSiteSchema = siteSchema.extend({ taken: z.array(takenSchema).optional() });

/** Tillgodoräknande: earlier service that replaces one block, decided by the studierektor. */
export const creditSchema = z.strictObject({
  block: idSchema,
  weeks: z
    .number()
    .int()
    .max(104)
    .check(ruleCheck('credit-min-weeks', (weeks: number) => weeks >= MIN_CREDIT_WEEKS, () => ({ minimum: MIN_CREDIT_WEEKS }))),
  decidedBy: z.string().check(ruleCheck('credit-decided-by', (name: string) => name.length >= 1, () => ({}))),
  decidedOn: isoDateSchema,
});

/**
 * Undantag: the recorded decision that lets a doctor have a second credited block (for example a
 * BT begun in another region), by the studierektor, optionally with a second decider.
 */
export const creditExceptionSchema = z.strictObject({
  reason: z.string().trim().min(1).max(500),
  decidedBy: z.string().trim().min(1).max(200),
  secondDecider: z.string().trim().min(1).max(200).optional(),
  decidedOn: isoDateSchema,
});

export const pinSchema = z.strictObject({
  block: idSchema,
  site: idSchema.optional(),
  from: mondaySchema.optional(),
});

export const wishSchema = z.strictObject({
  block: idSchema,
  site: idSchema.optional(),
  from: mondaySchema.optional(),
  weight: z.number().min(0).max(100).default(1),
});

export const doctorSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(200),
  town: z.string().min(1).max(100).optional(),
  start: mondaySchema,
  partTime: z.number().min(MIN_PART_TIME).max(MAX_PART_TIME).default(1),
  /** Weeks that are not service: they extend the BT. */
  absences: z.array(weekRangeSchema).default([]),
  /** One; a second only with `creditException`. */
  credits: z.array(creditSchema).default([]),
  creditException: creditExceptionSchema.optional(),
  /** Per block id, the sites this doctor may be placed at (home town, home vårdcentral). */
  allowedSites: z.record(idSchema, z.array(idSchema).min(1)).optional(),
  pins: z.array(pinSchema).default([]),
  wishes: z.array(wishSchema).default([]),
  /** Skyddade personuppgifter: the name never reaches clinic views, shared feeds or logs. */
  protectedIdentity: z.boolean().default(false),
  /** Huvudhandledare: shown in the doctor's own calendar. */
  supervisor: z.string().min(1).max(200).optional(),
});

export const problemSchema = z.strictObject({
  format: z.literal(PROBLEM_FORMAT),
  name: z.string().min(1).max(200),
  blocks: z.array(blockSchema).min(1),
  sites: z.array(problemSiteSchema),
  doctors: z.array(doctorSchema),
  /** A plan to stay close to when replanning. */
  previous: planSchema.optional(),
  /** Assignments before this week never change when replanning. */
  frozenBefore: mondaySchema.optional(),
});

export type Block = z.infer<typeof blockSchema>;
export type CapacityOverride = z.infer<typeof capacityOverrideSchema>;
export type Taken = z.infer<typeof takenSchema>;
export type Site = z.infer<typeof problemSiteSchema>;
export type Credit = z.infer<typeof creditSchema>;
export type CreditException = z.infer<typeof creditExceptionSchema>;
export type Pin = z.infer<typeof pinSchema>;
export type Wish = z.infer<typeof wishSchema>;
export type Doctor = z.infer<typeof doctorSchema>;
export type Problem = z.infer<typeof problemSchema>;
export type ProblemInput = z.input<typeof problemSchema>;
export type DoctorInput = z.input<typeof doctorSchema>;
