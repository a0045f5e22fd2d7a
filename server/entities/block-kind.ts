// A region's own block kind (beyond the built-in ones in shared/domain/block-kinds).
import { EntitySchema } from 'typeorm';
import type { RegionRow } from './region';

export interface BlockKindRow {
  id: string;
  regionId: string;
  region?: RegionRow;
  key: string;
  category: string;
  nameSv: string;
  nameEn: string;
  goals: string[];
}

export const BlockKindEntity = new EntitySchema<BlockKindRow>({
  name: 'BlockKind',
  tableName: 'block_kinds',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    regionId: { type: 'uuid', name: 'region_id' },
    key: { type: 'text' },
    category: { type: 'text' },
    nameSv: { type: 'text', name: 'name_sv' },
    nameEn: { type: 'text', name: 'name_en' },
    goals: { type: 'text', array: true },
  },
  relations: { region: { type: 'many-to-one', target: 'Region', joinColumn: { name: 'region_id' }, onDelete: 'CASCADE' } },
  uniques: [{ name: 'uq_block_kinds_region_key', columns: ['regionId', 'key'] }],
  checks: [{ name: 'ck_block_kinds_category', expression: `category IN ('acute', 'primary-care', 'psychiatry', 'other', 'vacation', 'cohort')` }],
});
