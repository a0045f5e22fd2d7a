// Leave of a doctor: extends the BT, never squeezed in. The reason is for coordinators only.
// The days are what was asked for; the weeks are derived from them (absenceWeeks in
// shared/domain/leave-days.ts) by the service and are what the planner, checks and calendars use.
import { EntitySchema } from 'typeorm';
import type { DoctorRow } from './doctor';

export interface AbsenceRow {
  id: string;
  doctorId: string;
  doctor?: DoctorRow;
  /** First and last day of leave, inclusive. */
  first: string;
  last: string;
  /** The absence weeks [from, to), Mondays. */
  from: string;
  to: string;
  reason: string | null;
}

export const AbsenceEntity = new EntitySchema<AbsenceRow>({
  name: 'Absence',
  tableName: 'absences',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    doctorId: { type: 'uuid', name: 'doctor_id' },
    first: { type: 'date', name: 'first_day' },
    last: { type: 'date', name: 'last_day' },
    from: { type: 'date', name: 'from_week' },
    to: { type: 'date', name: 'to_week' },
    reason: { type: 'text', nullable: true },
  },
  relations: { doctor: { type: 'many-to-one', target: 'Doctor', joinColumn: { name: 'doctor_id' }, onDelete: 'CASCADE' } },
  checks: [
    { name: 'ck_absences_range', expression: 'from_week < to_week' },
    { name: 'ck_absences_days', expression: 'first_day <= last_day' },
  ],
});
