// A cohort: one region's doctors of one intake, planned with one template.
import { EntitySchema } from 'typeorm';
import type { CouncilMeeting, StudyTimeSettings, TeachingSettings } from '../../shared/calendar/events';
import type { RegionRow } from './region';
import type { TemplateRow } from './template';

export interface CohortRow {
  id: string;
  regionId: string;
  region?: RegionRow;
  templateId: string;
  template?: TemplateRow;
  name: string;
  /** Weekly compulsory teaching; null: none. */
  teaching: TeachingSettings | null;
  kollegiumMonths: number[] | null;
  /** Regular study time; null: none. */
  studyTime: StudyTimeSettings | null;
  /** BT-råd meetings. */
  councils: CouncilMeeting[];
  /** When the calendar settings last changed (stamp of teaching events). */
  calendarChangedAt: Date;
  version: number;
  createdAt: Date;
}

export const CohortEntity = new EntitySchema<CohortRow>({
  name: 'Cohort',
  tableName: 'cohorts',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    regionId: { type: 'uuid', name: 'region_id' },
    templateId: { type: 'uuid', name: 'template_id' },
    name: { type: 'text' },
    teaching: { type: 'jsonb', nullable: true },
    kollegiumMonths: { type: 'integer', name: 'kollegium_months', array: true, nullable: true },
    studyTime: { type: 'jsonb', name: 'study_time', nullable: true },
    councils: { type: 'jsonb', default: [] },
    calendarChangedAt: { type: 'timestamptz', name: 'calendar_changed_at', default: () => 'now()' },
    version: { type: 'integer', version: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
  relations: {
    region: { type: 'many-to-one', target: 'Region', joinColumn: { name: 'region_id' }, onDelete: 'CASCADE' },
    template: { type: 'many-to-one', target: 'Template', joinColumn: { name: 'template_id' }, onDelete: 'RESTRICT' },
  },
  uniques: [{ name: 'uq_cohorts_region_name', columns: ['regionId', 'name'] }],
});
