// A region (Region Kronoberg, Region Västernorrland): everything else belongs to one.
import { EntitySchema } from 'typeorm';

export interface RegionRow {
  id: string;
  name: string;
  version: number;
  createdAt: Date;
}

export const RegionEntity = new EntitySchema<RegionRow>({
  name: 'Region',
  tableName: 'regions',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    name: { type: 'text' },
    version: { type: 'integer', version: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
  uniques: [{ name: 'uq_regions_name', columns: ['name'] }],
  checks: [{ name: 'ck_regions_name', expression: `length(name) > 0` }],
});
