// A doctor's wish or leave request, until a coordinator approves (leave becomes an absence,
// a wish a wish) or rejects it.
import { EntitySchema } from 'typeorm';
import type { DoctorRow } from './doctor';

export type DoctorRequestKind = 'wish' | 'leave';
export type DoctorRequestStatus = 'pending' | 'approved' | 'rejected';

export interface DoctorRequestRow {
  id: string;
  doctorId: string;
  doctor?: DoctorRow;
  kind: DoctorRequestKind;
  payload: Record<string, unknown>;
  status: DoctorRequestStatus;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  version: number;
}

export const DoctorRequestEntity = new EntitySchema<DoctorRequestRow>({
  name: 'DoctorRequest',
  tableName: 'doctor_requests',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    doctorId: { type: 'uuid', name: 'doctor_id' },
    kind: { type: 'text' },
    payload: { type: 'jsonb' },
    status: { type: 'text', default: 'pending' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    decidedBy: { type: 'text', name: 'decided_by', nullable: true },
    decidedAt: { type: 'timestamptz', name: 'decided_at', nullable: true },
    version: { type: 'integer', version: true },
  },
  relations: { doctor: { type: 'many-to-one', target: 'Doctor', joinColumn: { name: 'doctor_id' }, onDelete: 'CASCADE' } },
  checks: [
    { name: 'ck_doctor_requests_kind', expression: `kind IN ('wish', 'leave')` },
    { name: 'ck_doctor_requests_status', expression: `status IN ('pending', 'approved', 'rejected')` },
    { name: 'ck_doctor_requests_decided', expression: `(status = 'pending') = (decided_at IS NULL)` },
  ],
});
