// The one builder of a cohort's `bt-planning-problem/1`, as the solver, the plan checks, the
// publish check and the export see it: its template, its region's sites with the load the
// region's other cohorts take of them (their published plans), its doctors — and, when
// replanning, its published plan to stay close to with the weeks before `frozenBefore` kept.
import type { EntityManager } from 'typeorm';
import { joinAbsenceWeeks } from '../../shared/domain/leave-days';
import { loadRuns } from '../../shared/domain/load';
import { btEnd } from '../../shared/domain/rotation';
import type { Week } from '../../shared/domain/weeks';
import { PLAN_FORMAT } from '../../shared/format/plan';
import { PROBLEM_FORMAT, type Problem, type Taken } from '../../shared/format/problem';
import { CohortEntity } from '../entities/cohort';
import { DoctorEntity } from '../entities/doctor';
import { SiteEntity } from '../entities/site';
import { doctorResources } from '../services/doctors';
import { found } from '../services/locking';
import { siteResources } from '../services/sites';
import { templateBlocks } from '../services/templates';
import { publishedPlacements } from './published-placements';
import { publishedLoad } from './region-load';

export interface ProblemOptions {
  /** Replanning: the published plan becomes `previous`, and nothing before this week moves. */
  frozenBefore?: Week;
}

export async function cohortProblem(em: EntityManager, cohortId: string, options: ProblemOptions = {}): Promise<Problem> {
  const cohort = await found(em, CohortEntity, cohortId, 'cohort');
  const sites = await siteResources(em, await em.getRepository(SiteEntity).find({ where: { regionId: cohort.regionId }, order: { code: 'ASC' } }));
  const doctors = await doctorResources(em, await em.getRepository(DoctorEntity).find({ where: { cohortId }, order: { code: 'ASC' } }));
  const problem: Problem = {
    format: PROBLEM_FORMAT,
    name: cohort.name,
    blocks: await templateBlocks(em, cohort.templateId),
    sites: sites.map(({ uuid: _u, version: _v, ...site }) => site),
    // Only the absence weeks are part of the file (no reasons: it may travel); two leaves in one week take it once.
    doctors: doctors.map(({ uuid: _u, version: _v, absences, ...doctor }) => ({ ...doctor, absences: joinAbsenceWeeks(absences) })),
  };
  const taken = await takenBySite(em, cohort.regionId, cohortId, yearsOf(problem));
  problem.sites = problem.sites.map((site) => (taken.has(site.id) ? { ...site, taken: taken.get(site.id)! } : site));
  return options.frozenBefore ? await withPublishedPlan(em, cohortId, problem, options.frozenBefore) : problem;
}

/** The weeks the cohort's doctors' years span, or undefined when it has no doctors. */
function yearsOf(problem: Problem): { from: Week; to: Week } | undefined {
  if (problem.doctors.length === 0) return undefined;
  let from = problem.doctors[0]!.start;
  let to = from;
  for (const doctor of problem.doctors) {
    if (doctor.start < from) from = doctor.start;
    const end = btEnd(problem, doctor);
    if (end > to) to = end;
  }
  return { from, to };
}

/** Site id → the other cohorts' published load within `years`, as runs per cohort. */
async function takenBySite(em: EntityManager, regionId: string, cohortId: string, years: { from: Week; to: Week } | undefined): Promise<Map<string, Taken[]>> {
  const taken = new Map<string, Taken[]>();
  if (!years) return taken;
  for (const other of await publishedLoad(em, regionId, cohortId)) {
    for (const [site, weeks] of other.load) {
      const inYears = new Map([...weeks].filter(([week]) => week >= years.from && week < years.to));
      for (const run of loadRuns(inYears)) (taken.get(site) ?? taken.set(site, []).get(site)!).push({ ...run, cohort: other.cohortName });
    }
  }
  for (const list of taken.values()) list.sort((a, b) => a.from.localeCompare(b.from) || (a.cohort ?? '').localeCompare(b.cohort ?? ''));
  return taken;
}

async function withPublishedPlan(em: EntityManager, cohortId: string, problem: Problem, frozenBefore: Week): Promise<Problem> {
  const published = await publishedPlacements(em, { cohortId });
  if (published.length === 0) return problem;
  const assignments = published.map((p) => ({ doctor: p.doctorCode, block: p.block, site: p.site, from: p.from, to: p.to }));
  return { ...problem, previous: { format: PLAN_FORMAT, assignments, explanation: [], stats: {} }, frozenBefore };
}
