// A coordinator's region, or some of its towns.
import { EntitySchema } from 'typeorm';
import type { RegionRow } from './region';
import type { UserRow } from './user';

export interface UserRegionRow {
  userId: string;
  user?: UserRow;
  regionId: string;
  region?: RegionRow;
  /** The towns of the region the coordinator handles; null: all of it. */
  towns: string[] | null;
}

export const UserRegionEntity = new EntitySchema<UserRegionRow>({
  name: 'UserRegion',
  tableName: 'user_regions',
  columns: {
    userId: { type: 'uuid', name: 'user_id', primary: true },
    regionId: { type: 'uuid', name: 'region_id', primary: true },
    towns: { type: 'text', array: true, nullable: true },
  },
  relations: {
    user: { type: 'many-to-one', target: 'User', joinColumn: { name: 'user_id' }, onDelete: 'CASCADE' },
    region: { type: 'many-to-one', target: 'Region', joinColumn: { name: 'region_id' }, onDelete: 'CASCADE' },
  },
});
