// Assessments (bedömningar), the BT checklist and the supervisors of placements: what the API
// takes and gives. Assessment kinds are a region's data; a template block says how many of each
// a placement of it expects. Nothing of this reaches the solver or `bt-planning-problem/1`.
import { z } from 'zod';
import { BT_GOAL_IDS } from '../domain/goals';
import { idSchema, isoDateSchema, mondaySchema } from '../format/fields';
import { ruleIssue } from '../format/rules';
import { uuidSchema } from './common';

export const assessmentKindSchema = z.strictObject({
  id: idSchema,
  name_sv: z.string().trim().min(1).max(100),
  name_en: z.string().trim().min(1).max(100),
});

/** How many of each kind a placement of a block expects: kind id → count. */
export const expectedAssessmentsSchema = z.record(idSchema, z.number().int().min(1).max(20));

/** An assessment recorded as done. `block`: the placement's block code; none for BT-kollegium and the external assessment. */
export const assessmentBodySchema = z.strictObject({
  kind: idSchema,
  date: isoDateSchema,
  assessor: z.string().trim().min(1).max(200),
  block: idSchema.optional(),
  /** No medical content: a short line for the checklist. */
  note: z.string().trim().max(500).optional(),
});

export const assessmentSchema = assessmentBodySchema.extend({
  uuid: uuidSchema,
  /** Who recorded it: "Koordinator", "Handledare" or the like, never an email. */
  recordedBy: z.string(),
});

/** The clinical supervisor (handledare) of a doctor's placement in one block. */
export const placementSupervisorSchema = z.strictObject({
  block: idSchema,
  name: z.string().trim().min(1).max(200),
  /** The supervisor account's email: that account then supervises the doctor. */
  email: z.email().trim().toLowerCase().max(200).optional(),
});
/** One handledare per block: a block named twice is refused at its second entry. */
export const placementSupervisorsBodySchema = z.strictObject({
  supervisors: z
    .array(placementSupervisorSchema)
    .max(60)
    .check(
      z.superRefine((list, ctx) => {
        list.forEach((s, i) => {
          if (list.findIndex((o) => o.block === s.block) < i) ctx.addIssue({ ...ruleIssue('supervised-twice', { block: s.block }), input: s.block, path: [i, 'block'] });
        });
      }),
    ),
});

const weekSchema = mondaySchema;

/** One open item of the checklist (shared/domain/readiness.ts OpenItem) with its line in the asked language. */
export const openItemSchema = z.object({
  item: z.enum(['goal', 'regulation', 'assessment', 'bt-kollegium', 'external-assessment']),
  behind: z.boolean(),
  message: z.string(),
  /** An assessment's placement id and kind id: which cell of the checklist it is. */
  placement: z.string().optional(),
  kind: z.string().optional(),
});

/** One doctor's BT checklist: each placement's assessments expected and done, the milestones, what is open. */
export const checklistSchema = z.object({
  doctor: z.object({ uuid: uuidSchema, name: z.string() }),
  kinds: z.array(assessmentKindSchema),
  placements: z.array(
    z.object({
      placement: z.string(),
      block: z.string(),
      blockName: z.string(),
      siteName: z.string().nullable(),
      supervisor: z.string().nullable(),
      from: weekSchema,
      to: weekSchema,
      expected: z.record(z.string(), z.number()),
      done: z.record(z.string(), z.number()),
    }),
  ),
  goals: z.object({ covered: z.array(z.enum(BT_GOAL_IDS)), missing: z.array(z.enum(BT_GOAL_IDS)) }),
  kollegium: z.object({ held: z.boolean(), due: weekSchema.nullable() }),
  external: z.object({ held: z.boolean(), due: weekSchema.nullable() }),
  assessments: z.array(assessmentSchema),
  ready: z.boolean(),
  open: z.array(openItemSchema),
});

/** A cohort's checklists as a matrix: doctors × items, counts, and which are behind by today. */
export const cohortChecklistSchema = z.object({
  kinds: z.array(assessmentKindSchema),
  doctors: z.array(
    z.object({
      uuid: uuidSchema,
      name: z.string(),
      ready: z.boolean(),
      /** Per assessment kind: done and expected over all placements so far and ahead; behind when a placement that ended lacks one. */
      assessments: z.record(z.string(), z.object({ done: z.number(), expected: z.number(), behind: z.boolean() })),
      goalsMissing: z.number(),
      regulationOpen: z.number(),
      kollegium: z.object({ held: z.boolean(), behind: z.boolean() }),
      external: z.object({ held: z.boolean(), behind: z.boolean() }),
      /** Open items behind schedule. */
      behind: z.number(),
    }),
  ),
});

/** A supervisor's doctors: whom they supervise, in which blocks and weeks. */
export const supervisionSchema = z.array(
  z.object({
    doctor: uuidSchema,
    name: z.string(),
    cohort: z.string(),
    placements: z.array(z.object({ block: z.string(), blockName: z.string(), siteName: z.string().nullable(), from: weekSchema.nullable(), to: weekSchema.nullable() })),
  }),
);

export type AssessmentKindBody = z.infer<typeof assessmentKindSchema>;
export type AssessmentBody = z.infer<typeof assessmentBodySchema>;
export type AssessmentResource = z.infer<typeof assessmentSchema>;
export type PlacementSupervisor = z.infer<typeof placementSupervisorSchema>;
export type PlacementSupervisorsBody = z.infer<typeof placementSupervisorsBodySchema>;
export type Checklist = z.infer<typeof checklistSchema>;
export type CohortChecklist = z.infer<typeof cohortChecklistSchema>;
export type Supervision = z.infer<typeof supervisionSchema>;
