// A site's capacity for a range of weeks (summer, rebuilding); the last one covering a week wins.
import { EntitySchema } from 'typeorm';
import type { SiteRow } from './site';

export interface CapacityOverrideRow {
  id: string;
  siteId: string;
  site?: SiteRow;
  /** Order among the site's overrides: later wins. */
  position: number;
  from: string;
  to: string;
  capacity: number;
}

export const CapacityOverrideEntity = new EntitySchema<CapacityOverrideRow>({
  name: 'CapacityOverride',
  tableName: 'capacity_overrides',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    siteId: { type: 'uuid', name: 'site_id' },
    position: { type: 'integer' },
    from: { type: 'date', name: 'from_week' },
    to: { type: 'date', name: 'to_week' },
    capacity: { type: 'integer' },
  },
  relations: { site: { type: 'many-to-one', target: 'Site', joinColumn: { name: 'site_id' }, onDelete: 'CASCADE' } },
  checks: [
    { name: 'ck_capacity_overrides_capacity', expression: 'capacity >= 0' },
    { name: 'ck_capacity_overrides_range', expression: 'from_week < to_week' },
  ],
});
