// A clinic user's site.
import { EntitySchema } from 'typeorm';
import type { SiteRow } from './site';
import type { UserRow } from './user';

export interface UserSiteRow {
  userId: string;
  user?: UserRow;
  siteId: string;
  site?: SiteRow;
}

export const UserSiteEntity = new EntitySchema<UserSiteRow>({
  name: 'UserSite',
  tableName: 'user_sites',
  columns: {
    userId: { type: 'uuid', name: 'user_id', primary: true },
    siteId: { type: 'uuid', name: 'site_id', primary: true },
  },
  relations: {
    user: { type: 'many-to-one', target: 'User', joinColumn: { name: 'user_id' }, onDelete: 'CASCADE' },
    site: { type: 'many-to-one', target: 'Site', joinColumn: { name: 'site_id' }, onDelete: 'CASCADE' },
  },
});
