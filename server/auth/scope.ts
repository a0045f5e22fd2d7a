// Where an object lives, for authorization: its region, and its site or doctor when it is one
// (or belongs to one). Undefined when there is no such object.
import type { EntityManager } from 'typeorm';

export const KINDS = ['region', 'site', 'template', 'cohort', 'doctor', 'plan', 'solver-run', 'request', 'user', 'feed', 'assessment'] as const;
export type Kind = (typeof KINDS)[number];

export interface Scope {
  regionId: string | null;
  siteId?: string;
  doctorId?: string;
  /**
   * The town of an object that has one — a doctor's home town (for a doctor, request, assessment
   * or doctor feed; null when not given) or a site's town. Absent for region-level objects.
   */
  town?: string | null;
}

const QUERIES: Record<Kind, string> = {
  region: `SELECT id AS region_id FROM regions WHERE id = $1`,
  site: `SELECT region_id, id AS site_id, town, true AS has_town FROM sites WHERE id = $1`,
  template: `SELECT region_id FROM templates WHERE id = $1`,
  cohort: `SELECT region_id FROM cohorts WHERE id = $1`,
  doctor: `SELECT c.region_id, d.id AS doctor_id, d.town, true AS has_town FROM doctors d JOIN cohorts c ON c.id = d.cohort_id WHERE d.id = $1`,
  plan: `SELECT c.region_id FROM plans p JOIN cohorts c ON c.id = p.cohort_id WHERE p.id = $1`,
  'solver-run': `SELECT c.region_id FROM solver_runs r JOIN cohorts c ON c.id = r.cohort_id WHERE r.id = $1`,
  request: `SELECT c.region_id, d.id AS doctor_id, d.town, true AS has_town FROM doctor_requests q JOIN doctors d ON d.id = q.doctor_id JOIN cohorts c ON c.id = d.cohort_id WHERE q.id = $1`,
  assessment: `SELECT c.region_id, d.id AS doctor_id, d.town, true AS has_town FROM assessments a JOIN doctors d ON d.id = a.doctor_id JOIN cohorts c ON c.id = d.cohort_id WHERE a.id = $1`,
  user: `SELECT NULL AS region_id FROM users WHERE id = $1`,
  // A feed belongs where its doctor, site or cohort does.
  feed: `SELECT COALESCE(dc.region_id, s.region_id, c.region_id) AS region_id, s.id AS site_id, d.id AS doctor_id,
                COALESCE(d.town, s.town) AS town, f.scope <> 'cohort' AS has_town
           FROM feed_tokens f
           LEFT JOIN doctors d ON f.scope = 'doctor' AND d.id = f.target_id LEFT JOIN cohorts dc ON dc.id = d.cohort_id
           LEFT JOIN sites s ON f.scope = 'site' AND s.id = f.target_id
           LEFT JOIN cohorts c ON f.scope = 'cohort' AND c.id = f.target_id
          WHERE f.id = $1`,
};

export async function scopeOf(em: EntityManager, kind: Kind, id: string): Promise<Scope | undefined> {
  const rows: { region_id: string | null; site_id?: string; doctor_id?: string; town?: string | null; has_town?: boolean }[] = await em.query(QUERIES[kind], [id]);
  const row = rows[0];
  if (!row) return undefined;
  return {
    regionId: row.region_id,
    ...(row.site_id ? { siteId: row.site_id } : {}),
    ...(row.doctor_id ? { doctorId: row.doctor_id } : {}),
    ...(row.has_town ? { town: row.town ?? null } : {}),
  };
}
