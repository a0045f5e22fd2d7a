// One placement of a plan version. `placementId` stays the same across versions for "the
// same" placement and `sequence` grows when it changes: the calendar's UID and SEQUENCE.
import { EntitySchema } from 'typeorm';
import type { DoctorRow } from './doctor';
import type { PlanRow } from './plan';
import type { SiteRow } from './site';

export interface AssignmentRow {
  id: string;
  planId: string;
  plan?: PlanRow;
  placementId: string;
  sequence: number;
  doctorId: string;
  doctor?: DoctorRow;
  block: string;
  siteId: string | null;
  site?: SiteRow | null;
  from: string;
  to: string;
  /** When a publication last changed this placement (null in a draft until published). */
  changedAt: Date | null;
}

export const AssignmentEntity = new EntitySchema<AssignmentRow>({
  name: 'Assignment',
  tableName: 'assignments',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    planId: { type: 'uuid', name: 'plan_id' },
    placementId: { type: 'uuid', name: 'placement_id' },
    sequence: { type: 'integer', default: 0 },
    doctorId: { type: 'uuid', name: 'doctor_id' },
    block: { type: 'text' },
    siteId: { type: 'uuid', name: 'site_id', nullable: true },
    from: { type: 'date', name: 'from_week' },
    to: { type: 'date', name: 'to_week' },
    changedAt: { type: 'timestamptz', name: 'changed_at', nullable: true },
  },
  relations: {
    plan: { type: 'many-to-one', target: 'Plan', joinColumn: { name: 'plan_id' }, onDelete: 'CASCADE' },
    doctor: { type: 'many-to-one', target: 'Doctor', joinColumn: { name: 'doctor_id' }, onDelete: 'CASCADE' },
    site: { type: 'many-to-one', target: 'Site', joinColumn: { name: 'site_id' }, onDelete: 'RESTRICT', nullable: true },
  },
  uniques: [
    { name: 'uq_assignments_plan_doctor_block', columns: ['planId', 'doctorId', 'block'] },
    { name: 'uq_assignments_plan_placement', columns: ['planId', 'placementId'] },
  ],
  checks: [
    { name: 'ck_assignments_range', expression: 'from_week < to_week' },
    { name: 'ck_assignments_sequence', expression: 'sequence >= 0' },
  ],
});
