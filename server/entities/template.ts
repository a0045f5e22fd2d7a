// A region's BT template: the ordered blocks every doctor of a cohort goes through.
import { EntitySchema } from 'typeorm';
import type { RegionRow } from './region';

export interface TemplateRow {
  id: string;
  regionId: string;
  region?: RegionRow;
  name: string;
  /** How the coordinator wrote it: in months (converted to weeks) or in weeks. */
  unit: 'months' | 'weeks';
  version: number;
}

export const TemplateEntity = new EntitySchema<TemplateRow>({
  name: 'Template',
  tableName: 'templates',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    regionId: { type: 'uuid', name: 'region_id' },
    name: { type: 'text' },
    unit: { type: 'text' },
    version: { type: 'integer', version: true },
  },
  relations: { region: { type: 'many-to-one', target: 'Region', joinColumn: { name: 'region_id' }, onDelete: 'CASCADE' } },
  uniques: [{ name: 'uq_templates_region_name', columns: ['regionId', 'name'] }],
  checks: [{ name: 'ck_templates_unit', expression: `unit IN ('months', 'weeks')` }],
});
