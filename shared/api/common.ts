// Pieces every API schema uses: database ids, the optimistic-lock version, problem details.
import { z } from 'zod';
import { pastChangeSchema } from '../domain/past-record';

export const uuidSchema = z.uuid();

/** Versions are stored as 32-bit integers; a larger one names no version (400, not a database error). */
export const MAX_VERSION = 2 ** 31 - 1;

/** The version the client last read; a write with an older one is refused with 409. */
export const versionSchema = z.number().int().min(1).max(MAX_VERSION);

export const uuidParamsSchema = z.strictObject({ id: uuidSchema });

/** `?version=3` on a DELETE. */
export const versionQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1).max(MAX_VERSION) });

/** application/problem+json (RFC 9457) with our field errors. */
/** Problem types (RFC 9457 `type`, relative URIs) for the clashes a client words differently. */
export const PROBLEM_TYPES = {
  /** Someone else saved first (optimistic locking). */
  staleVersion: '/problems/stale-version',
  /** Another item already has that code or name. */
  duplicate: '/problems/duplicate',
  /** Something else still refers to it. */
  inUse: '/problems/in-use',
  /** It would change or delete a published plan, which is kept as it was sent out. */
  published: '/problems/published-plan',
  /** Published, the plan would put a site over capacity together with the region's other published plans. */
  regionCapacity: '/problems/region-capacity',
  /** Published, the plan would rewrite what has already happened (shared/domain/past-record.ts). */
  pastChanged: '/problems/past-changed',
  /** A coordinator limited to towns of the region tried a task of the whole region (403). */
  townsOnly: '/problems/towns-only',
  /** Doctors' credits, pins, wishes or allowed sites name blocks the new template lacks (`lost`). */
  lostReferences: '/problems/lost-references',
  /** A doctor's year cannot be laid out (`layout` names the first rule that cannot hold). */
  noLayout: '/problems/no-layout',
} as const;

/** A doctor's reference to a block a new template lacks, and the same-kind block it would map to (null: none). */
export const lostReferenceSchema = z.object({
  doctor: z.string(),
  doctorName: z.string(),
  what: z.enum(['credit', 'pin', 'wish', 'allowedSites']),
  block: z.string(),
  kind: z.string().nullable(),
  mappedTo: z.string().nullable(),
});

/** Why a year cannot be laid out, in Swedish and English (and whose, when a doctor's). */
export const layoutRefusalSchema = z.object({ doctor: z.string().optional(), block: z.string().optional(), message_sv: z.string(), message_en: z.string() });

/** A site-week range over capacity, as a refused publication lists it. */
export const overloadedSiteWeeksSchema = z.object({
  site: z.string(),
  siteName: z.string(),
  from: z.string(),
  to: z.string(),
  /** Doctors in service there from the plan being published, from the other cohorts, and the capacity. */
  cohort: z.number(),
  others: z.number(),
  capacity: z.number(),
});

export const problemDetailsSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** `/problems/region-capacity`: where the plan and the other cohorts' published plans overload a site. */
  siteWeeks: z.array(overloadedSiteWeeksSchema).optional(),
  /** `/problems/past-changed`: the started placements and past weeks the plan changes. */
  pastChanges: z.array(pastChangeSchema).optional(),
  /** `/problems/lost-references`: what the doctors would lose with the new template. */
  lost: z.array(lostReferenceSchema).optional(),
  /** `/problems/no-layout`: the first rule of a year that cannot hold. */
  layout: layoutRefusalSchema.optional(),
  requestId: z.string().optional(),
});
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;
export type OverloadedSiteWeeks = z.infer<typeof overloadedSiteWeeksSchema>;
export type LostReferenceDetail = z.infer<typeof lostReferenceSchema>;
export type LayoutRefusal = z.infer<typeof layoutRefusalSchema>;

/** What every stored resource carries besides its own fields. */
export const storedSchema = z.object({ uuid: uuidSchema, version: versionSchema });
