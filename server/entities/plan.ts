// A version of a cohort's plan: drafts, one published, older ones archived.
import { EntitySchema } from 'typeorm';
import type { CohortRow } from './cohort';

export type PlanStatus = 'draft' | 'published' | 'archived';

export interface PlanRow {
  id: string;
  cohortId: string;
  cohort?: CohortRow;
  /** 1, 2, 3… per cohort. */
  number: number;
  status: PlanStatus;
  createdBy: string;
  createdAt: Date;
  publishedAt: Date | null;
  /** The solver's figures when the draft came from a run (numeric reads back as a string). */
  objective: string | null;
  bound: string | null;
  version: number;
}

export const PlanEntity = new EntitySchema<PlanRow>({
  name: 'Plan',
  tableName: 'plans',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    cohortId: { type: 'uuid', name: 'cohort_id' },
    number: { type: 'integer' },
    status: { type: 'text' },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    publishedAt: { type: 'timestamptz', name: 'published_at', nullable: true },
    objective: { type: 'numeric', nullable: true },
    bound: { type: 'numeric', nullable: true },
    version: { type: 'integer', version: true },
  },
  relations: { cohort: { type: 'many-to-one', target: 'Cohort', joinColumn: { name: 'cohort_id' }, onDelete: 'CASCADE' } },
  uniques: [{ name: 'uq_plans_cohort_number', columns: ['cohortId', 'number'] }],
  indices: [{ name: 'uq_plans_one_published', columns: ['cohortId'], unique: true, where: `status = 'published'` }],
  checks: [
    { name: 'ck_plans_status', expression: `status IN ('draft', 'published', 'archived')` },
    { name: 'ck_plans_published_at', expression: `(status = 'draft') = (published_at IS NULL)` },
  ],
});
