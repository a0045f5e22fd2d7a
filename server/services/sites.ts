// Sites of a region with their capacity overrides (replaced as a whole with the site).
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { SiteBody, SiteResource, SiteUpdate } from '../../shared/api/sites';
import { CapacityOverrideEntity } from '../entities/capacity-override';
import { RegionEntity } from '../entities/region';
import { SiteEntity, type SiteRow } from '../entities/site';
import { inUse, ruleBroken } from '../http/errors';
import { audit } from './audit';
import { deleteVersioned, found, updateVersioned } from './locking';

export async function siteResources(em: EntityManager, rows: SiteRow[]): Promise<SiteResource[]> {
  const overrides = rows.length
    ? await em.getRepository(CapacityOverrideEntity).find({ where: { siteId: In(rows.map((r) => r.id)) }, order: { position: 'ASC' } })
    : [];
  return rows.map((row) => ({
    uuid: row.id,
    version: row.version,
    id: row.code,
    name: row.name,
    town: row.town,
    kinds: row.kinds,
    capacity: row.capacity,
    ...(row.address !== null ? { address: row.address } : {}),
    overrides: overrides.filter((o) => o.siteId === row.id).map((o) => ({ from: o.from, to: o.to, capacity: o.capacity })),
  }));
}

export async function insertSite(em: EntityManager, regionId: string, body: SiteBody): Promise<SiteRow> {
  const row = await em.getRepository(SiteEntity).save({ regionId, ...siteFields(body) });
  await writeOverrides(em, row.id, body);
  return row;
}

function siteFields(body: SiteBody) {
  return { code: body.id, name: body.name, town: body.town, kinds: body.kinds, capacity: body.capacity, address: body.address ?? null };
}

async function writeOverrides(em: EntityManager, siteId: string, body: SiteBody): Promise<void> {
  const repo = em.getRepository(CapacityOverrideEntity);
  await repo.delete({ siteId });
  if (body.overrides.length) await repo.insert(body.overrides.map((o, position) => ({ siteId, position, ...o })));
}

/** Doctors of the region name sites by their id (code) in allowed sites, pins and wishes. */
async function codeInUse(em: EntityManager, site: SiteRow): Promise<boolean> {
  const [row] = await em.query(
    `SELECT EXISTS (
       SELECT 1 FROM doctors d JOIN cohorts c ON c.id = d.cohort_id
        WHERE c.region_id = $1
          AND (EXISTS (SELECT 1 FROM jsonb_each(d.allowed_sites) e WHERE e.value ? $2)
               OR EXISTS (SELECT 1 FROM pins p WHERE p.doctor_id = d.id AND p.site = $2)
               OR EXISTS (SELECT 1 FROM wishes w WHERE w.doctor_id = d.id AND w.site = $2))) AS used`,
    [site.regionId, site.code],
  );
  return Boolean(row?.used);
}

export class SiteService {
  constructor(private readonly ds: DataSource) {}

  async list(regionId: string): Promise<SiteResource[]> {
    await found(this.ds.manager, RegionEntity, regionId, 'region');
    const rows = await this.ds.getRepository(SiteEntity).find({ where: { regionId }, order: { name: 'ASC' } });
    return siteResources(this.ds.manager, rows);
  }

  async get(id: string): Promise<SiteResource> {
    return (await siteResources(this.ds.manager, [await found(this.ds.manager, SiteEntity, id, 'site')]))[0]!;
  }

  async create(regionId: string, body: SiteBody, actor: string): Promise<SiteResource> {
    return this.ds.transaction(async (em) => {
      await found(em, RegionEntity, regionId, 'region');
      const row = await insertSite(em, regionId, body);
      await audit(em, { regionId, actor, action: 'create', entity: 'site', entityId: row.id, after: body });
      return (await siteResources(em, [row]))[0]!;
    });
  }

  async update(id: string, body: SiteUpdate, actor: string): Promise<SiteResource> {
    return this.ds.transaction(async (em) => {
      const row = await found(em, SiteEntity, id, 'site');
      const before = (await siteResources(em, [row]))[0];
      const { version, ...site } = body;
      if (site.id !== row.code && (await codeInUse(em, row))) {
        throw ruleBroken(`the site's id ${row.code} is named by doctors' allowed sites, pins or wishes; change those first`);
      }
      await updateVersioned(em, SiteEntity, id, version, siteFields(site), 'site');
      await writeOverrides(em, id, site);
      await audit(em, { regionId: row.regionId, actor, action: 'update', entity: 'site', entityId: id, before, after: site });
      return (await siteResources(em, [await found(em, SiteEntity, id, 'site')]))[0]!;
    });
  }

  async remove(id: string, version: number, actor: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const before = await found(em, SiteEntity, id, 'site');
      if (await codeInUse(em, before)) throw inUse(`the site ${before.code} is named by doctors' allowed sites, pins or wishes; change those first`);
      await deleteVersioned(em, SiteEntity, id, version, 'site');
      await audit(em, { regionId: before.regionId, actor, action: 'delete', entity: 'site', entityId: id, before });
    });
  }
}
