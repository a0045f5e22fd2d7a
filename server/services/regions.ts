// Regions: list, read, create, rename, set their assessment kinds, delete (with everything in them).
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry, Region, RegionBody, RegionUpdate } from '../../shared/api/regions';
import { BUILT_IN_ASSESSMENT_KINDS, type AssessmentKind } from '../../shared/domain/readiness';
import { AuditEntryEntity } from '../entities/audit-entry';
import { RegionEntity, type RegionRow } from '../entities/region';
import { ruleBroken } from '../http/errors';
import { audit } from './audit';
import { deleteVersioned, found, updateVersioned } from './locking';
import { refuseDeletingPublished } from './published-plans';

const kindsOf = (row: RegionRow): AssessmentKind[] => row.assessmentKinds ?? BUILT_IN_ASSESSMENT_KINDS.map((k) => ({ ...k }));

const toRegion = (row: RegionRow): Region => ({ uuid: row.id, version: row.version, name: row.name, assessmentKinds: kindsOf(row) });

/** The region's assessment kinds: its own, else the built-in ones. */
export async function regionAssessmentKinds(em: EntityManager, regionId: string): Promise<AssessmentKind[]> {
  return kindsOf(await found(em, RegionEntity, regionId, 'region'));
}

/** 422 when a kind left out is still expected by a template block of the region. */
async function refuseDroppingExpectedKinds(em: EntityManager, regionId: string, kinds: readonly AssessmentKind[]): Promise<void> {
  const rows: { template: string; block: string; kind: string }[] = await em.query(
    `SELECT t.name AS template, tb.code AS block, k.kind
       FROM templates t JOIN template_blocks tb ON tb.template_id = t.id, jsonb_object_keys(tb.assessments) AS k(kind)
      WHERE t.region_id = $1 AND NOT (k.kind = ANY($2::text[]))
      ORDER BY t.name, tb.position LIMIT 1`,
    [regionId, kinds.map((k) => k.id)],
  );
  const used = rows[0];
  if (used) throw ruleBroken(`assessmentKinds: ${used.kind} is expected by block ${used.block} of the template ${used.template}; remove it there first`);
}

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
      const row = await em.getRepository(RegionEntity).save({ name: body.name, assessmentKinds: body.assessmentKinds ?? null });
      await audit(em, { regionId: row.id, actor, action: 'create', entity: 'region', entityId: row.id, after: body });
      return toRegion(row);
    });
  }

  async update(id: string, body: RegionUpdate, actor: string): Promise<Region> {
    return this.ds.transaction(async (em) => {
      const before = await found(em, RegionEntity, id, 'region');
      if (body.assessmentKinds) await refuseDroppingExpectedKinds(em, id, body.assessmentKinds);
      await updateVersioned(em, RegionEntity, id, body.version, { name: body.name, ...(body.assessmentKinds ? { assessmentKinds: body.assessmentKinds } : {}) }, 'region');
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
