// Regions: list, read, create, rename, delete (with everything in them).
import type { DataSource } from 'typeorm';
import type { AuditEntry, Region, RegionBody, RegionUpdate } from '../../shared/api/regions';
import { AuditEntryEntity } from '../entities/audit-entry';
import { RegionEntity, type RegionRow } from '../entities/region';
import { audit } from './audit';
import { deleteVersioned, found, updateVersioned } from './locking';
import { refuseDeletingPublished } from './published-plans';

const toRegion = (row: RegionRow): Region => ({ uuid: row.id, version: row.version, name: row.name });

export class RegionService {
  constructor(private readonly ds: DataSource) {}

  async list(): Promise<Region[]> {
    return (await this.ds.getRepository(RegionEntity).find({ order: { name: 'ASC' } })).map(toRegion);
  }

  async get(id: string): Promise<Region> {
    return toRegion(await found(this.ds.manager, RegionEntity, id, 'region'));
  }

  /** The region's audit log, newest first. */
  async audit(id: string, limit = 200): Promise<AuditEntry[]> {
    const rows = await this.ds.getRepository(AuditEntryEntity).find({ where: { regionId: id }, order: { id: 'DESC' }, take: limit });
    return rows.map((r) => ({ at: r.at.toISOString(), actor: r.actor, action: r.action, entity: r.entity, entityId: r.entityId, before: r.before, after: r.after }));
  }

  async create(body: RegionBody, actor: string): Promise<Region> {
    return this.ds.transaction(async (em) => {
      const row = await em.getRepository(RegionEntity).save({ name: body.name });
      await audit(em, { regionId: row.id, actor, action: 'create', entity: 'region', entityId: row.id, after: body });
      return toRegion(row);
    });
  }

  async update(id: string, body: RegionUpdate, actor: string): Promise<Region> {
    return this.ds.transaction(async (em) => {
      const before = await found(em, RegionEntity, id, 'region');
      await updateVersioned(em, RegionEntity, id, body.version, { name: body.name }, 'region');
      await audit(em, { regionId: id, actor, action: 'update', entity: 'region', entityId: id, before: toRegion(before), after: body });
      return toRegion(await found(em, RegionEntity, id, 'region'));
    });
  }

  async remove(id: string, version: number, actor: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const before = await found(em, RegionEntity, id, 'region');
      await refuseDeletingPublished(em, 'region', id);
      await deleteVersioned(em, RegionEntity, id, version, 'region');
      await audit(em, { regionId: null, actor, action: 'delete', entity: 'region', entityId: id, before: toRegion(before) });
    });
  }
}
