// A region (Region Kronoberg, Region Västernorrland): everything else belongs to one.
import { EntitySchema } from 'typeorm';
import type { AssessmentKind } from '../../shared/domain/readiness';

export interface RegionRow {
  id: string;
  name: string;
  /** The region's assessment kinds; null: the built-in ones (BUILT_IN_ASSESSMENT_KINDS). */
  assessmentKinds: AssessmentKind[] | null;
  version: number;
  createdAt: Date;
}

export const RegionEntity = new EntitySchema<RegionRow>({
  name: 'Region',
  tableName: 'regions',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    name: { type: 'text' },
    assessmentKinds: { type: 'jsonb', name: 'assessment_kinds', nullable: true },
    version: { type: 'integer', version: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
  uniques: [{ name: 'uq_regions_name', columns: ['name'] }],
  checks: [{ name: 'ck_regions_name', expression: `length(name) > 0` }],
});
