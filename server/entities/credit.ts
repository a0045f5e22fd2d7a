// The studierektor's decision to credit earlier service for one block (one per doctor; a second only with a recorded exception, doctors.credit_exception).
import { EntitySchema } from 'typeorm';
import type { DoctorRow } from './doctor';

export interface CreditRow {
  id: string;
  doctorId: string;
  doctor?: DoctorRow;
  block: string;
  weeks: number;
  decidedBy: string;
  decidedOn: string;
}

export const CreditEntity = new EntitySchema<CreditRow>({
  name: 'Credit',
  tableName: 'credits',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    doctorId: { type: 'uuid', name: 'doctor_id' },
    block: { type: 'text' },
    weeks: { type: 'integer' },
    decidedBy: { type: 'text', name: 'decided_by' },
    decidedOn: { type: 'date', name: 'decided_on' },
  },
  relations: { doctor: { type: 'many-to-one', target: 'Doctor', joinColumn: { name: 'doctor_id' }, onDelete: 'CASCADE' } },
  uniques: [{ name: 'uq_credits_doctor_block', columns: ['doctorId', 'block'] }],
  checks: [{ name: 'ck_credits_weeks', expression: 'weeks >= 13' }],
});
