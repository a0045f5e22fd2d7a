// The studierektor's decision to credit earlier service for one block (at most one per doctor).
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
  uniques: [{ name: 'uq_credits_doctor', columns: ['doctorId'] }],
  checks: [{ name: 'ck_credits_weeks', expression: 'weeks >= 13' }],
});
