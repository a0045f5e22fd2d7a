// Reads of the revisions the database raises (migrations/…-RevisionTriggers.ts).
import type { EntityManager } from 'typeorm';

/** The revision of a region's planning inputs ('0' until one changed). Read it before the inputs. */
export async function regionRevision(em: EntityManager, regionId: string): Promise<string> {
  const [row] = await em.query(`SELECT revision::text FROM region_revisions WHERE region_id = $1`, [regionId]);
  return row?.revision ?? '0';
}
