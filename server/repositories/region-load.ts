// The region's load: BT doctors in service per site and week, per cohort, from the published
// plans (what other cohorts take of a site's shared capacity) or from each cohort's newest
// draft (what the region would look like if the drafts were published). Service weeks leave
// out absences and site-less weeks, as the capacity rule does.
import type { EntityManager } from 'typeorm';
import { siteLoad } from '../../shared/domain/load';
import type { Week } from '../../shared/domain/weeks';
import { publishedPlacements } from './published-placements';

export interface CohortLoad {
  cohortId: string;
  cohortName: string;
  /** Site id (code) → week → doctors of the cohort in service there. */
  load: Map<string, Map<Week, number>>;
}

interface Placed {
  cohortId: string;
  cohortName: string;
  doctorId: string;
  site: string | null;
  from: Week;
  to: Week;
}

/** Per cohort of the region with a published plan (but `exceptCohortId`), its published load. */
export async function publishedLoad(em: EntityManager, regionId: string, exceptCohortId?: string): Promise<CohortLoad[]> {
  const placed = await publishedPlacements(em, { regionId, ...(exceptCohortId ? { exceptCohortId } : {}) });
  return loadByCohort(em, placed.map((p) => ({ cohortId: p.cohortId, cohortName: p.cohortName, doctorId: p.doctorId, site: p.site, from: p.from, to: p.to })));
}

/** Per cohort of the region with a draft, the load of its newest draft. */
export async function draftLoad(em: EntityManager, regionId: string): Promise<CohortLoad[]> {
  const rows: { cohort_id: string; cohort_name: string; doctor_id: string; site: string | null; from_week: string; to_week: string }[] = await em.query(
    `SELECT c.id AS cohort_id, c.name AS cohort_name, a.doctor_id, s.code AS site, a.from_week::text AS from_week, a.to_week::text AS to_week
       FROM assignments a
       JOIN plans p ON p.id = a.plan_id
       JOIN cohorts c ON c.id = p.cohort_id
       LEFT JOIN sites s ON s.id = a.site_id
      WHERE c.region_id = $1
        AND p.number = (SELECT max(number) FROM plans newest WHERE newest.cohort_id = c.id AND newest.status = 'draft')`,
    [regionId],
  );
  return loadByCohort(em, rows.map((r) => ({ cohortId: r.cohort_id, cohortName: r.cohort_name, doctorId: r.doctor_id, site: r.site, from: r.from_week, to: r.to_week })));
}

async function loadByCohort(em: EntityManager, placed: Placed[]): Promise<CohortLoad[]> {
  const absences = await absencesOf(em, [...new Set(placed.map((p) => p.doctorId))]);
  const byCohort = new Map<string, { name: string; placed: Placed[] }>();
  for (const p of placed) {
    const entry = byCohort.get(p.cohortId) ?? byCohort.set(p.cohortId, { name: p.cohortName, placed: [] }).get(p.cohortId)!;
    entry.placed.push(p);
  }
  return [...byCohort]
    .map(([cohortId, { name, placed: list }]) => ({
      cohortId,
      cohortName: name,
      // Doctors by their database id: codes are unique only within a cohort.
      load: siteLoad(list.map((p) => ({ doctor: p.doctorId, site: p.site, from: p.from, to: p.to })), absences),
    }))
    .sort((a, b) => a.cohortName.localeCompare(b.cohortName, 'sv') || a.cohortId.localeCompare(b.cohortId));
}

async function absencesOf(em: EntityManager, doctorIds: string[]): Promise<Map<string, { from: Week; to: Week }[]>> {
  const byDoctor = new Map<string, { from: Week; to: Week }[]>();
  if (doctorIds.length === 0) return byDoctor;
  const rows: { doctor_id: string; from_week: string; to_week: string }[] = await em.query(
    `SELECT doctor_id, from_week::text AS from_week, to_week::text AS to_week FROM absences WHERE doctor_id = ANY($1::uuid[])`,
    [doctorIds],
  );
  for (const r of rows) (byDoctor.get(r.doctor_id) ?? byDoctor.set(r.doctor_id, []).get(r.doctor_id)!).push({ from: r.from_week, to: r.to_week });
  return byDoctor;
}
