// An assessment recorded as done (Mini-CEX, DOPS, samlad bedömning …): when, by whom, of which
// kind and, for a placement's own assessments, in which block. Personal data like absences: the
// note is for the doctor, the coordinators and the supervisors; shared feeds say "Bedömning".
import { EntitySchema } from 'typeorm';
import type { DoctorRow } from './doctor';

export interface AssessmentRow {
  id: string;
  doctorId: string;
  doctor?: DoctorRow;
  /** The block code of the placement it belongs to; null for BT-kollegium and the external assessment. */
  block: string | null;
  /** An assessment kind id of the region. */
  kind: string;
  doneOn: string;
  assessor: string;
  /** No medical content: a line for the checklist. */
  note: string | null;
  /** The account that recorded it (role:email), as in the audit log. */
  recordedBy: string;
  createdAt: Date;
}

export const AssessmentEntity = new EntitySchema<AssessmentRow>({
  name: 'Assessment',
  tableName: 'assessments',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    doctorId: { type: 'uuid', name: 'doctor_id' },
    block: { type: 'text', nullable: true },
    kind: { type: 'text' },
    doneOn: { type: 'date', name: 'done_on' },
    assessor: { type: 'text' },
    note: { type: 'text', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
  relations: { doctor: { type: 'many-to-one', target: 'Doctor', joinColumn: { name: 'doctor_id' }, onDelete: 'CASCADE' } },
  indices: [{ name: 'ix_assessments_doctor', columns: ['doctorId'] }],
  checks: [
    { name: 'ck_assessments_assessor', expression: 'length(assessor) > 0' },
    { name: 'ck_assessments_kind', expression: 'length(kind) > 0' },
  ],
});
