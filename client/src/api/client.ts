// Typed calls to the API: every answer is read through the shared zod schema of its route, so
// the client and the server agree on one type per concept. Errors carry the problem details.
import { z } from 'zod';
import {
  assessmentSchema,
  checklistSchema,
  cohortChecklistSchema,
  placementSupervisorSchema,
  supervisionSchema,
  type AssessmentBody,
  type AssessmentResource,
  type Checklist,
  type CohortChecklist,
  type PlacementSupervisor,
  type Supervision,
} from '../../../shared/api/assessments';
import { userSchema, type User } from '../../../shared/api/auth';
import { cohortResourceSchema, type CohortBody, type CohortIntakeInput, type CohortResource, type CohortUpdate } from '../../../shared/api/cohorts';
import { PROBLEM_TYPES, problemDetailsSchema, type LostReferenceDetail, type OverloadedSiteWeeks, type ProblemDetails } from '../../../shared/api/common';
import { doctorResourceSchema, incomingSchema, scheduleSchema, type AbsenceBody, type DoctorBody, type DoctorResource, type DoctorUpdate, type Incoming, type Schedule } from '../../../shared/api/doctors';
import { feedLinkSchema, type FeedLink } from '../../../shared/api/feeds';
import { occupancySchema, type Occupancy } from '../../../shared/api/occupancy';
import { planResourceSchema, planSummarySchema, type PlanResource, type PlanSummary } from '../../../shared/api/plans';
import { auditEntrySchema, regionSchema, type AuditEntry, type Region, type RegionUpdate } from '../../../shared/api/regions';
import { doctorRequestSchema, type DoctorRequest } from '../../../shared/api/requests';
import { siteResourceSchema, type SiteBody, type SiteResource, type SiteUpdate } from '../../../shared/api/sites';
import { solverRunSchema, type SolverRun, type SolverRunStart } from '../../../shared/api/solver-runs';
import { templateResourceSchema, type TemplateBody, type TemplateResource, type TemplateUpdate } from '../../../shared/api/templates';
import type { Assignment } from '../../../shared/format/plan';
import type { PastChange } from '../../../shared/domain/past-record';
import { planChangeSchema, type PlanChange } from '../../../shared/domain/plan-diff';
import { formatWeekRange } from '../../../shared/domain/weeks';
import { problemSchema, type Problem, type Wish } from '../../../shared/format/problem';
import { storedLang } from '../i18n/lang';
import type { Lang } from '../i18n/texts';

/** Who a calendar feed shows, as the API's collection names it. */
export type FeedOwner = 'doctors' | 'sites' | 'cohorts';

export class ApiError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
  }
}

type FailureTexts = Record<'changedElsewhere' | 'duplicate' | 'inUse' | 'publishedKept' | 'townsOnlyRefused' | 'regionCapacity' | 'regionCapacityLine' | 'andMore' | 'pastChanged' | LostTexts, string>;
/** The words of a template change's refusal and a new intake's. */
type LostTexts = 'lostReferences' | 'lostNoTarget' | 'noLayout' | 'what-credit' | 'what-pin' | 'what-wish' | 'what-allowedSites';

/** At most so many overloaded site-weeks (or changed past placements) are listed in a refusal; the rest are counted. */
const LISTED_SITE_WEEKS = 10;

/**
 * What to tell the user when a call fails: the clashes by their problem type in the user's words
 * (`words` may word one differently), anything else in the server's own detail. A publication
 * refused for the region's capacity lists the site-weeks, one a line, in `lang`'s weeks.
 */
export function failureMessage(err: unknown, t: (key: keyof FailureTexts) => string, words: Partial<FailureTexts> = {}, lang: Lang = 'sv'): string {
  if (!(err instanceof ApiError)) return String((err as Error)?.message ?? err);
  const type = err.problem.type;
  if (type === PROBLEM_TYPES.staleVersion) return words.changedElsewhere ?? t('changedElsewhere');
  if (type === PROBLEM_TYPES.duplicate) return words.duplicate ?? t('duplicate');
  if (type === PROBLEM_TYPES.inUse) return words.inUse ?? t('inUse');
  if (type === PROBLEM_TYPES.published) return words.publishedKept ?? t('publishedKept');
  if (type === PROBLEM_TYPES.townsOnly) return words.townsOnlyRefused ?? t('townsOnlyRefused');
  if (type === PROBLEM_TYPES.regionCapacity) return regionCapacityMessage(err.problem.siteWeeks ?? [], t, lang);
  if (type === PROBLEM_TYPES.lostReferences) return [t('lostReferences'), ...lostReferenceLines(err.problem.lost ?? [], t)].join('\n');
  if (type === PROBLEM_TYPES.noLayout && err.problem.layout) return `${t('noLayout')} ${lang === 'sv' ? err.problem.layout.message_sv : err.problem.layout.message_en}`;
  if (type === PROBLEM_TYPES.pastChanged) return pastChangedMessage(err.problem.pastChanges ?? [], t, lang);
  return err.message;
}

/** A publication that would rewrite served weeks: what it changes, one a line, in the server's words. */
function pastChangedMessage(changes: PastChange[], t: (key: keyof FailureTexts) => string, lang: Lang): string {
  const lines = changes.slice(0, LISTED_SITE_WEEKS).map((c) => (lang === 'sv' ? c.message_sv : c.message_en));
  if (changes.length > LISTED_SITE_WEEKS) lines.push(t('andMore').replace('{n}', String(changes.length - LISTED_SITE_WEEKS)));
  return [t('pastChanged'), ...lines].join('\n');
}

/** What doctors' data would lose with another template, one a line: "Lina Persson: tillgodoräknande psy → psyk". */
export function lostReferenceLines(lost: LostReferenceDetail[], t: (key: keyof FailureTexts) => string): string[] {
  return lost.map((l) => `${l.doctorName}: ${t(`what-${l.what}`)} ${l.block} → ${l.mappedTo ?? t('lostNoTarget')}`);
}

function regionCapacityMessage(siteWeeks: OverloadedSiteWeeks[], t: (key: keyof FailureTexts) => string, lang: Lang): string {
  const lines = siteWeeks.slice(0, LISTED_SITE_WEEKS).map((s) =>
    t('regionCapacityLine')
      .replace('{site}', s.siteName)
      .replace('{weeks}', formatWeekRange(s, lang))
      .replace('{cohort}', String(s.cohort))
      .replace('{others}', String(s.others))
      .replace('{capacity}', String(s.capacity)),
  );
  if (siteWeeks.length > LISTED_SITE_WEEKS) lines.push(t('andMore').replace('{n}', String(siteWeeks.length - LISTED_SITE_WEEKS)));
  return [t('regionCapacity'), ...lines].join('\n');
}

async function call<T extends z.ZodType>(schema: T, method: string, path: string, body?: unknown): Promise<z.infer<T>> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    // The server words a 400's field messages in the UI's language, not the browser's.
    headers: { 'accept-language': storedLang(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(problemDetailsSchema.parse(json));
  return schema.parse(json);
}

export const api = {
  login: (email: string, password: string): Promise<User> => call(userSchema, 'POST', '/api/auth/login', { email, password }),
  logout: () => call(z.undefined(), 'POST', '/api/auth/logout'),
  me: (): Promise<User> => call(userSchema, 'GET', '/api/auth/me'),
  regions: (): Promise<Region[]> => call(z.array(regionSchema), 'GET', '/api/regions'),
  region: (id: string): Promise<Region> => call(regionSchema, 'GET', `/api/regions/${id}`),
  /** 422 naming `assessmentKinds` when a kind a template block still expects is left out; 409 on a stale version. */
  updateRegion: (id: string, body: RegionUpdate): Promise<Region> => call(regionSchema, 'PATCH', `/api/regions/${id}`, body),
  cohorts: (region: string): Promise<CohortResource[]> => call(z.array(cohortResourceSchema), 'GET', `/api/regions/${region}/cohorts`),
  createCohort: (region: string, body: CohortBody): Promise<CohortResource> => call(cohortResourceSchema, 'POST', `/api/regions/${region}/cohorts`, body),
  updateCohort: (id: string, body: CohortUpdate): Promise<CohortResource> => call(cohortResourceSchema, 'PATCH', `/api/cohorts/${id}`, body),
  deleteCohort: (id: string, version: number) => call(z.undefined(), 'DELETE', `/api/cohorts/${id}?version=${version}`),
  /** The file goes as read: the server checks it and its 400 names the broken field. */
  importCohort: (region: string, body: { name: string; problem: unknown }): Promise<CohortResource> =>
    call(cohortResourceSchema, 'POST', `/api/regions/${region}/cohorts/import`, body),
  /** A new intake from a cohort (422 /problems/no-layout when a year cannot be laid out). */
  newIntake: (id: string, body: CohortIntakeInput): Promise<CohortResource> => call(cohortResourceSchema, 'POST', `/api/cohorts/${id}/intake`, body),
  templates: (region: string): Promise<TemplateResource[]> => call(z.array(templateResourceSchema), 'GET', `/api/regions/${region}/templates`),
  updateTemplate: (id: string, body: TemplateUpdate): Promise<TemplateResource> => call(templateResourceSchema, 'PATCH', `/api/templates/${id}`, body),
  sites: (region: string): Promise<SiteResource[]> => call(z.array(siteResourceSchema), 'GET', `/api/regions/${region}/sites`),
  updateSite: (id: string, body: SiteUpdate): Promise<SiteResource> => call(siteResourceSchema, 'PATCH', `/api/sites/${id}`, body),
  site: (id: string): Promise<SiteResource> => call(siteResourceSchema, 'GET', `/api/sites/${id}`),
  problem: (cohort: string): Promise<Problem> => call(problemSchema, 'GET', `/api/cohorts/${cohort}/problem`),
  doctors: (cohort: string): Promise<DoctorResource[]> => call(z.array(doctorResourceSchema), 'GET', `/api/cohorts/${cohort}/doctors`),
  plans: (cohort: string): Promise<PlanSummary[]> => call(z.array(planSummarySchema), 'GET', `/api/cohorts/${cohort}/plans`),
  plan: (id: string): Promise<PlanResource> => call(planResourceSchema, 'GET', `/api/plans/${id}`),
  editPlan: (id: string, version: number, assignments: Assignment[]): Promise<PlanResource> =>
    call(planResourceSchema, 'PUT', `/api/plans/${id}/assignments`, { version, assignments }),
  publish: (id: string, version: number): Promise<PlanResource> => call(planResourceSchema, 'POST', `/api/plans/${id}/publish`, { version }),
  /** With a published plan the server replans against it, frozen before `frozenBefore` (default: the coming Monday). */
  startSolver: (cohort: string, body: Partial<SolverRunStart> = {}): Promise<SolverRun> =>
    call(solverRunSchema, 'POST', `/api/cohorts/${cohort}/solver-runs`, { timeLimit: 30, ...body }),
  draftFromPublished: (cohort: string): Promise<PlanResource> => call(planResourceSchema, 'POST', `/api/cohorts/${cohort}/plans`, { from: 'published' }),
  /** A new draft with the assignments of any version of the cohort. */
  draftFromVersion: (cohort: string, plan: string): Promise<PlanResource> => call(planResourceSchema, 'POST', `/api/cohorts/${cohort}/plans`, { from: 'version', plan }),
  /** Throws a draft away (a published or archived version is kept: 409). */
  discardPlan: (id: string, version: number) => call(z.undefined(), 'DELETE', `/api/plans/${id}?version=${version}`),
  /** What changes from version `against` to version `id`. */
  planDiff: (id: string, against: string): Promise<PlanChange[]> => call(z.array(planChangeSchema), 'GET', `/api/plans/${id}/diff?against=${against}`),
  draftFromRun: (cohort: string, run: string, variant: number): Promise<PlanResource> => call(planResourceSchema, 'POST', `/api/cohorts/${cohort}/plans`, { from: 'run', run, variant }),
  solverRun: (id: string): Promise<SolverRun> => call(solverRunSchema, 'GET', `/api/solver-runs/${id}`),
  cancelSolver: (id: string): Promise<SolverRun> => call(solverRunSchema, 'POST', `/api/solver-runs/${id}/cancel`),
  incoming: (site: string): Promise<Incoming[]> => call(z.array(incomingSchema), 'GET', `/api/sites/${site}/incoming`),
  updateDoctor: (id: string, body: DoctorUpdate): Promise<DoctorResource> => call(doctorResourceSchema, 'PATCH', `/api/doctors/${id}`, body),
  schedule: (id: string): Promise<Schedule> => call(scheduleSchema, 'GET', `/api/doctors/${id}/schedule`),
  /** The calendar link of a doctor, site or cohort: the current one, or the first, made now (ensuring never renews). */
  feedLink: async (owner: FeedOwner, id: string): Promise<FeedLink> => {
    try {
      return await call(feedLinkSchema, 'GET', `/api/${owner}/${id}/feed`);
    } catch (err) {
      if (!(err instanceof ApiError && err.problem.status === 404)) throw err;
      return call(feedLinkSchema, 'POST', `/api/${owner}/${id}/feed`);
    }
  },
  /** A new calendar link; the old URL stops working at once. */
  renewFeed: (owner: FeedOwner, id: string): Promise<FeedLink> => call(feedLinkSchema, 'POST', `/api/${owner}/${id}/feed/renew`),
  cohortRequests: (cohort: string): Promise<DoctorRequest[]> => call(z.array(doctorRequestSchema), 'GET', `/api/cohorts/${cohort}/requests?status=pending`),
  decide: (request: string, decision: 'approve' | 'reject', version: number): Promise<DoctorRequest> =>
    call(doctorRequestSchema, 'POST', `/api/requests/${request}/decision`, { decision, version }),
  /** The region's load per site, week and cohort (published plans and each cohort's newest draft). */
  occupancy: (region: string): Promise<Occupancy> => call(occupancySchema, 'GET', `/api/regions/${region}/occupancy`),
  audit: (region: string): Promise<AuditEntry[]> => call(z.array(auditEntrySchema), 'GET', `/api/regions/${region}/audit`),
  requests: (doctor: string): Promise<DoctorRequest[]> => call(z.array(doctorRequestSchema), 'GET', `/api/doctors/${doctor}/requests`),
  requestWish: (doctor: string, wish: Wish): Promise<DoctorRequest> => call(doctorRequestSchema, 'POST', `/api/doctors/${doctor}/requests`, { kind: 'wish', wish }),
  requestLeave: (doctor: string, leave: AbsenceBody): Promise<DoctorRequest> =>
    call(doctorRequestSchema, 'POST', `/api/doctors/${doctor}/requests`, { kind: 'leave', leave }),
  // Setup: create and delete (a delete names the version it read; 204 has no body).
  createSite: (region: string, body: SiteBody): Promise<SiteResource> => call(siteResourceSchema, 'POST', `/api/regions/${region}/sites`, body),
  deleteSite: (id: string, version: number) => call(z.undefined(), 'DELETE', `/api/sites/${id}?version=${version}`),
  createTemplate: (region: string, body: TemplateBody): Promise<TemplateResource> => call(templateResourceSchema, 'POST', `/api/regions/${region}/templates`, body),
  deleteTemplate: (id: string, version: number) => call(z.undefined(), 'DELETE', `/api/templates/${id}?version=${version}`),
  createDoctor: (cohort: string, body: DoctorBody): Promise<DoctorResource> => call(doctorResourceSchema, 'POST', `/api/cohorts/${cohort}/doctors`, body),
  deleteDoctor: (id: string, version: number) => call(z.undefined(), 'DELETE', `/api/doctors/${id}?version=${version}`),
  // Assessments and checklists: the open items come worded in the UI's language (Accept-Language).
  checklist: (doctor: string): Promise<Checklist> => call(checklistSchema, 'GET', `/api/doctors/${doctor}/checklist`),
  cohortChecklist: (cohort: string): Promise<CohortChecklist> => call(cohortChecklistSchema, 'GET', `/api/cohorts/${cohort}/checklist`),
  assessments: (doctor: string): Promise<AssessmentResource[]> => call(z.array(assessmentSchema), 'GET', `/api/doctors/${doctor}/assessments`),
  /** 422 naming the field for a kind the region lacks, a block the template lacks or a date after today. */
  recordAssessment: (doctor: string, body: AssessmentBody): Promise<AssessmentResource> => call(assessmentSchema, 'POST', `/api/doctors/${doctor}/assessments`, body),
  deleteAssessment: (id: string) => call(z.undefined(), 'DELETE', `/api/assessments/${id}`),
  // Handledare per placement (a PUT replaces the doctor's list) and a supervisor account's doctors.
  supervisors: (doctor: string): Promise<PlacementSupervisor[]> => call(z.array(placementSupervisorSchema), 'GET', `/api/doctors/${doctor}/supervisors`),
  saveSupervisors: (doctor: string, supervisors: PlacementSupervisor[]): Promise<PlacementSupervisor[]> =>
    call(z.array(placementSupervisorSchema), 'PUT', `/api/doctors/${doctor}/supervisors`, { supervisors }),
  supervision: (): Promise<Supervision> => call(supervisionSchema, 'GET', '/api/supervision'),
};
