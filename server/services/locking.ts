// Optimistic locking: an update names the version it read; TypeORM bumps the version column
// on update, and no row updated means stale (409) or gone (404).
import type { EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';
import { notFound, staleVersion } from '../http/errors';

export async function updateVersioned<T extends ObjectLiteral & { id: string; version: number }>(
  em: EntityManager,
  entity: EntitySchema<T>,
  id: string,
  version: number,
  fields: Partial<T>,
  what: string,
): Promise<void> {
  const repo = em.getRepository(entity);
  // The version is bumped here too, so an update with no other field still takes the lock.
  const result = await repo.update({ id, version } as never, { ...fields, version: () => '"version" + 1' } as never);
  if (result.affected === 1) return;
  throw (await repo.existsBy({ id } as never)) ? staleVersion(what) : notFound(what);
}

export async function deleteVersioned<T extends ObjectLiteral & { id: string; version: number }>(
  em: EntityManager,
  entity: EntitySchema<T>,
  id: string,
  version: number,
  what: string,
): Promise<void> {
  const repo = em.getRepository(entity);
  const result = await repo.delete({ id, version } as never);
  if (result.affected === 1) return;
  throw (await repo.existsBy({ id } as never)) ? staleVersion(what) : notFound(what);
}

/** The row or 404. */
export async function found<T extends ObjectLiteral>(em: EntityManager, entity: EntitySchema<T>, id: string, what: string): Promise<T> {
  const row = await em.getRepository(entity).findOneBy({ id } as never);
  if (!row) throw notFound(what);
  return row;
}

/**
 * Serialises, within one region, the work that checks the region's shared capacity and then
 * changes it (publishing): held until the transaction ends.
 */
export async function lockRegionCapacity(em: EntityManager, regionId: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('region-capacity'), hashtext($1))`, [regionId]);
}
