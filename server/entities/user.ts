// A user account: email + argon2id password hash, one role; coordinators and clinic users get
// their regions and sites in user_regions / user_sites, a doctor user its doctor.
import { EntitySchema } from 'typeorm';
import type { ROLES } from '../../shared/api/auth';
import type { DoctorRow } from './doctor';

export type Role = (typeof ROLES)[number];

export interface UserRow {
  id: string;
  /** Lower case. */
  email: string;
  passwordHash: string;
  role: Role;
  doctorId: string | null;
  doctor?: DoctorRow | null;
  version: number;
  createdAt: Date;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    email: { type: 'text' },
    passwordHash: { type: 'text', name: 'password_hash' },
    role: { type: 'text' },
    doctorId: { type: 'uuid', name: 'doctor_id', nullable: true },
    version: { type: 'integer', version: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
  relations: { doctor: { type: 'many-to-one', target: 'Doctor', joinColumn: { name: 'doctor_id' }, onDelete: 'CASCADE', nullable: true } },
  uniques: [
    { name: 'uq_users_email', columns: ['email'] },
    { name: 'uq_users_doctor', columns: ['doctorId'] },
  ],
  checks: [
    { name: 'ck_users_role', expression: `role IN ('admin', 'coordinator', 'clinic', 'doctor', 'supervisor')` },
    { name: 'ck_users_doctor', expression: `(role = 'doctor') = (doctor_id IS NOT NULL)` },
    { name: 'ck_users_email', expression: `email = lower(email) AND position('@' in email) > 1` },
  ],
});
