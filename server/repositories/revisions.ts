// Reads of the revisions the database raises (migrations/…-RevisionTriggers.ts).
import type { EntityManager } from 'typeorm';

/** The revision of a region's planning inputs ('0' until one changed). Read it before the inputs. */
export async function regionRevision(em: EntityManager, regionId: string): Promise<string> {
  const [row] = await em.query(`SELECT revision::text FROM region_revisions WHERE region_id = $1`, [regionId]);
  return row?.revision ?? '0';
}

/** The revision of a cohort's region's planning inputs; undefined when there is no such cohort. */
export async function cohortRegionRevision(em: EntityManager, cohortId: string): Promise<string | undefined> {
  const [row] = await em.query(
    `SELECT COALESCE(r.revision, 0)::text AS revision FROM cohorts c LEFT JOIN region_revisions r ON r.region_id = c.region_id WHERE c.id = $1`,
    [cohortId],
  );
  return row?.revision;
}
