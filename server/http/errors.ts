// Errors a use case raises on purpose; the error mapper turns them into problem+json.
import { PROBLEM_TYPES, type LayoutRefusal, type LostReferenceDetail, type OverloadedSiteWeeks } from '../../shared/api/common';
import type { PastChange } from '../../shared/domain/past-record';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    /** A problem type the client can tell apart (PROBLEM_TYPES); about:blank otherwise. */
    readonly type?: string,
    /** Extension members of the problem details (RFC 9457 §3.2). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what: string) => new HttpError(404, 'Not Found', `${what} was not found`);

/** Someone else changed it since the client read it (optimistic locking). */
export const staleVersion = (what: string) => new HttpError(409, 'Conflict', `${what} was changed by someone else; reload and try again`, PROBLEM_TYPES.staleVersion);

/** It would change or delete a published plan (kept as sent out). */
export const publishedKept = (detail: string) => new HttpError(409, 'Conflict', detail, PROBLEM_TYPES.published);

/** Something else still refers to it, so it cannot go. */
export const inUse = (detail: string) => new HttpError(409, 'Conflict', detail, PROBLEM_TYPES.inUse);

/** Published, the plan would overload sites together with the region's other published plans. */
export const regionOverloaded = (detail: string, siteWeeks: OverloadedSiteWeeks[]) =>
  new HttpError(422, 'Unprocessable Content', detail, PROBLEM_TYPES.regionCapacity, { siteWeeks });

/** Published, the plan would rewrite started placements or past weeks of the published one. */
export const pastChanged = (detail: string, pastChanges: PastChange[]) =>
  new HttpError(422, 'Unprocessable Content', detail, PROBLEM_TYPES.pastChanged, { pastChanges });

/** Doctors' credits, pins, wishes or allowed sites name blocks a new template lacks: each listed. */
export const referencesLost = (detail: string, lost: LostReferenceDetail[]) =>
  new HttpError(422, 'Unprocessable Content', detail, PROBLEM_TYPES.lostReferences, { lost });

/** A doctor's year cannot be laid out: the first rule that cannot hold, in both languages. */
export const noLayout = (detail: string, layout: LayoutRefusal) => new HttpError(422, 'Unprocessable Content', detail, PROBLEM_TYPES.noLayout, { layout });

/** A domain rule forbids it. */
export const ruleBroken = (detail: string) => new HttpError(422, 'Unprocessable Content', detail);

/** A domain rule forbids the values of these fields ("supervisors[1].block"): 422 with one entry per field, as invalid input lists them. */
export const fieldsBroken = (errors: { path: string; message: string }[]) =>
  new HttpError(422, 'Unprocessable Content', errors.map((e) => `${e.path}: ${e.message}`).join('\n'), undefined, { errors });
