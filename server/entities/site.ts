// A workplace of a region: the kinds it offers, its town and weekly capacity for BT doctors.
import { EntitySchema } from 'typeorm';
import type { RegionRow } from './region';

export interface SiteRow {
  id: string;
  regionId: string;
  region?: RegionRow;
  /** The id in `bt-planning-problem/1` files, unique in the region. */
  code: string;
  name: string;
  town: string;
  kinds: string[];
  capacity: number;
  /** Shown in calendar events. */
  address: string | null;
  version: number;
}

export const SiteEntity = new EntitySchema<SiteRow>({
  name: 'Site',
  tableName: 'sites',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    regionId: { type: 'uuid', name: 'region_id' },
    code: { type: 'text' },
    name: { type: 'text' },
    town: { type: 'text' },
    kinds: { type: 'text', array: true },
    capacity: { type: 'integer' },
    address: { type: 'text', nullable: true },
    version: { type: 'integer', version: true },
  },
  relations: { region: { type: 'many-to-one', target: 'Region', joinColumn: { name: 'region_id' }, onDelete: 'CASCADE' } },
  uniques: [{ name: 'uq_sites_region_code', columns: ['regionId', 'code'] }],
  checks: [{ name: 'ck_sites_capacity', expression: 'capacity >= 0' }],
});
