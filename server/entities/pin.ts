// A coordinator's lock of one block of a doctor to a site and/or a start week.
import { EntitySchema } from 'typeorm';
import type { DoctorRow } from './doctor';

export interface PinRow {
  id: string;
  doctorId: string;
  doctor?: DoctorRow;
  block: string;
  site: string | null;
  from: string | null;
}

export const PinEntity = new EntitySchema<PinRow>({
  name: 'Pin',
  tableName: 'pins',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    doctorId: { type: 'uuid', name: 'doctor_id' },
    block: { type: 'text' },
    site: { type: 'text', nullable: true },
    from: { type: 'date', name: 'from_week', nullable: true },
  },
  relations: { doctor: { type: 'many-to-one', target: 'Doctor', joinColumn: { name: 'doctor_id' }, onDelete: 'CASCADE' } },
  uniques: [{ name: 'uq_pins_doctor_block', columns: ['doctorId', 'block'] }],
  checks: [{ name: 'ck_pins_something', expression: 'site IS NOT NULL OR from_week IS NOT NULL' }],
});
