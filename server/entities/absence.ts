// Leave of a doctor: extends the BT, never squeezed in. The reason is for coordinators only.
import { EntitySchema } from 'typeorm';
import type { DoctorRow } from './doctor';

export interface AbsenceRow {
  id: string;
  doctorId: string;
  doctor?: DoctorRow;
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
    from: { type: 'date', name: 'from_week' },
    to: { type: 'date', name: 'to_week' },
    reason: { type: 'text', nullable: true },
  },
  relations: { doctor: { type: 'many-to-one', target: 'Doctor', joinColumn: { name: 'doctor_id' }, onDelete: 'CASCADE' } },
  checks: [{ name: 'ck_absences_range', expression: 'from_week < to_week' }],
});
