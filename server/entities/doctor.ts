// A BT doctor of a cohort. Personal data lives here only; protected identity hides the name
// from everyone but coordinators.
import { EntitySchema } from 'typeorm';
import type { CreditException } from '../../shared/format/problem';
import type { CohortRow } from './cohort';

export interface DoctorRow {
  id: string;
  cohortId: string;
  cohort?: CohortRow;
  /** The id in `bt-planning-problem/1` files, unique in the cohort. */
  code: string;
  name: string;
  town: string | null;
  start: string;
  /** numeric reads back as a string. */
  partTime: string;
  protectedIdentity: boolean;
  supervisor: string | null;
  /** Block code → site codes the doctor may use for it. */
  allowedSites: Record<string, string[]>;
  /** The recorded exception that allows a second credited block; null: none. */
  creditException: CreditException | null;
  version: number;
}

export const DoctorEntity = new EntitySchema<DoctorRow>({
  name: 'Doctor',
  tableName: 'doctors',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    cohortId: { type: 'uuid', name: 'cohort_id' },
    code: { type: 'text' },
    name: { type: 'text' },
    town: { type: 'text', nullable: true },
    start: { type: 'date', name: 'start_week' },
    partTime: { type: 'numeric', name: 'part_time', precision: 3, scale: 2, default: 1 },
    protectedIdentity: { type: 'boolean', name: 'protected_identity', default: false },
    supervisor: { type: 'text', nullable: true },
    allowedSites: { type: 'jsonb', name: 'allowed_sites', default: {} },
    creditException: { type: 'jsonb', name: 'credit_exception', nullable: true },
    version: { type: 'integer', version: true },
  },
  relations: { cohort: { type: 'many-to-one', target: 'Cohort', joinColumn: { name: 'cohort_id' }, onDelete: 'CASCADE' } },
  uniques: [{ name: 'uq_doctors_cohort_code', columns: ['cohortId', 'code'] }],
  checks: [{ name: 'ck_doctors_part_time', expression: 'part_time >= 0.5 AND part_time <= 1' }],
});
