// The current revision of each region's planning inputs (sites, capacities, templates, cohorts,
// doctors and what they carry, published plans), raised by triggers (migrations/…-Revisions.ts).
// A plan's stored check is good while the region's revision is the one it was made at.
import { EntitySchema } from 'typeorm';

export interface RegionRevisionRow {
  regionId: string;
  /** From the sequence `revision_seq` (bigint reads back as a string). */
  revision: string;
}

export const RegionRevisionEntity = new EntitySchema<RegionRevisionRow>({
  name: 'RegionRevision',
  tableName: 'region_revisions',
  columns: {
    regionId: { type: 'uuid', primary: true, name: 'region_id' },
    revision: { type: 'bigint' },
  },
});
