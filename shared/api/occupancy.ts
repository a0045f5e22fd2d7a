// A region's load (Beläggning): every site's BT doctors in service per week, split by cohort,
// from each cohort's published plan and from its current draft, against the site's capacity.
import { z } from 'zod';
import { capacityOverrideSchema } from '../format/problem';
import { idSchema, mondaySchema } from '../format/fields';
import { uuidSchema } from './common';

/** Runs of consecutive weeks with the same number of doctors in service (weeks without any are left out). */
export const loadRunSchema = z.object({ from: mondaySchema, to: mondaySchema, doctors: z.number().int().min(1) });

export const occupancySchema = z.object({
  cohorts: z.array(
    z.object({
      uuid: uuidSchema,
      name: z.string(),
      /** Number of the published plan, null when none. */
      published: z.number().int().nullable(),
      /** Number of the current (newest) draft, null when none. */
      draft: z.number().int().nullable(),
    }),
  ),
  sites: z.array(
    z.object({
      uuid: uuidSchema,
      id: idSchema,
      name: z.string(),
      town: z.string(),
      capacity: z.number().int(),
      overrides: z.array(capacityOverrideSchema),
    }),
  ),
  /** One entry per site, cohort and plan with anyone in service there. */
  load: z.array(
    z.object({
      /** The site's id (code). */
      site: idSchema,
      cohort: uuidSchema,
      plan: z.enum(['published', 'draft']),
      runs: z.array(loadRunSchema),
    }),
  ),
});

export type Occupancy = z.infer<typeof occupancySchema>;
export type LoadRun = z.infer<typeof loadRunSchema>;
