// The clinical supervisor (handledare) of a doctor's placement in one block, besides the doctor's
// main supervisor (doctors.supervisor). With an email, a supervisor account of that email
// supervises the doctor: it sees them and records their assessments.
import { EntitySchema } from 'typeorm';
import type { DoctorRow } from './doctor';

export interface PlacementSupervisorRow {
  doctorId: string;
  doctor?: DoctorRow;
  /** The block code of the placement. */
  block: string;
  name: string;
  /** Lower case; the supervisor account's email, when they have one. */
  email: string | null;
}

export const PlacementSupervisorEntity = new EntitySchema<PlacementSupervisorRow>({
  name: 'PlacementSupervisor',
  tableName: 'placement_supervisors',
  columns: {
    doctorId: { type: 'uuid', name: 'doctor_id', primary: true },
    block: { type: 'text', primary: true },
    name: { type: 'text' },
    email: { type: 'text', nullable: true },
  },
  relations: { doctor: { type: 'many-to-one', target: 'Doctor', joinColumn: { name: 'doctor_id' }, onDelete: 'CASCADE' } },
  indices: [{ name: 'ix_placement_supervisors_email', columns: ['email'] }],
  checks: [
    { name: 'ck_placement_supervisors_name', expression: 'length(name) > 0' },
    { name: 'ck_placement_supervisors_email', expression: 'email IS NULL OR (email = lower(email) AND position(\'@\' in email) > 1)' },
  ],
});
