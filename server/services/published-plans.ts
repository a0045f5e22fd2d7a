// Published and archived plans are kept as they were sent out (the database's triggers refuse
// any change to them). A delete that would cascade into one is refused here first, with a
// reason a person can act on, instead of the triggers' generic answer.
import type { EntityManager } from 'typeorm';
import { publishedKept } from '../http/errors';

const HOLDERS = {
  doctor: {
    sql: `SELECT 1 FROM assignments a JOIN plans p ON p.id = a.plan_id WHERE a.doctor_id = $1 AND p.status <> 'draft' LIMIT 1`,
    detail: 'the doctor has published placements, which are kept; erase the personal data instead',
  },
  cohort: {
    sql: `SELECT 1 FROM plans WHERE cohort_id = $1 AND status <> 'draft' LIMIT 1`,
    detail: 'the cohort has published plans, which are kept as they were sent out; it cannot be deleted',
  },
  region: {
    sql: `SELECT 1 FROM plans p JOIN cohorts c ON c.id = p.cohort_id WHERE c.region_id = $1 AND p.status <> 'draft' LIMIT 1`,
    detail: 'the region has published plans, which are kept as they were sent out; it cannot be deleted',
  },
} as const;

/** 409 when deleting this doctor, cohort or region would delete published placements. */
export async function refuseDeletingPublished(em: EntityManager, holder: keyof typeof HOLDERS, id: string): Promise<void> {
  const rows: unknown[] = await em.query(HOLDERS[holder].sql, [id]);
  if (rows.length) throw publishedKept(HOLDERS[holder].detail);
}
