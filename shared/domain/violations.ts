// Broken rules of a plan as data: one code per rule of a valid plan, with Swedish and
// English messages and the doctor, block, site and weeks it concerns.
import { z } from 'zod';

export const VIOLATION_CODES = [
  'unknown-reference',
  'missing-assignment',
  'duplicate-assignment',
  'credited-block-assigned',
  'site-missing',
  'site-not-expected',
  'block-length',
  'absence-overlap',
  'service-weeks',
  'placement-edge',
  'overlap',
  'before-start',
  'coverage-gap',
  'offset',
  'at',
  'window',
  'pin',
  'site-kind',
  'site-not-allowed',
  'capacity',
  'acute-minimum',
  'primary-care-minimum',
  'total-minimum',
  'goal-not-covered',
  'bt2-without-psychiatry',
  'credit-exception',
] as const;

export type ViolationCode = (typeof VIOLATION_CODES)[number];

export const violationSchema = z.object({
  code: z.enum(VIOLATION_CODES),
  /** error: the plan is invalid; warning: valid, but worth a look; note: a recorded fact (a credit exception). */
  severity: z.enum(['error', 'warning', 'note']),
  message_sv: z.string(),
  message_en: z.string(),
  doctor: z.string().optional(),
  block: z.string().optional(),
  site: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  /** Every doctor concerned, when more than one (capacity). */
  doctors: z.array(z.string()).optional(),
  /** A capacity violation's parts: this cohort's doctors, the other cohorts' (taken) and the capacity. */
  load: z.object({ cohort: z.number(), others: z.number(), capacity: z.number() }).optional(),
  /** Goals concerned (goal coverage warnings). */
  goals: z.array(z.string()).optional(),
});

export type Violation = z.infer<typeof violationSchema>;

