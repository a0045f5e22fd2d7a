// The current revision of each calendar (a doctor's, a site's or a cohort's), raised by triggers
// (migrations/…-Revisions.ts) whenever anything that calendar shows changes. A feed request reads
// it with its token and serves the rendering of that revision from memory when it has one.
import { EntitySchema } from 'typeorm';
import type { FeedScope } from './feed-token';

export interface CalendarRevisionRow {
  scope: FeedScope;
  targetId: string;
  /** From the sequence `revision_seq`: never reused, so a cached rendering of it is never stale. */
  revision: string;
}

export const CalendarRevisionEntity = new EntitySchema<CalendarRevisionRow>({
  name: 'CalendarRevision',
  tableName: 'calendar_revisions',
  columns: {
    scope: { type: 'text', primary: true },
    targetId: { type: 'uuid', primary: true, name: 'target_id' },
    revision: { type: 'bigint' },
  },
});
