// A doctor's wish for a block: a site, a start week or both, with a weight.
import { EntitySchema } from 'typeorm';
import type { DoctorRow } from './doctor';

export interface WishRow {
  id: string;
  doctorId: string;
  doctor?: DoctorRow;
  position: number;
  block: string;
  site: string | null;
  from: string | null;
  /** numeric reads back as a string. */
  weight: string;
}

export const WishEntity = new EntitySchema<WishRow>({
  name: 'Wish',
  tableName: 'wishes',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    doctorId: { type: 'uuid', name: 'doctor_id' },
    position: { type: 'integer' },
    block: { type: 'text' },
    site: { type: 'text', nullable: true },
    from: { type: 'date', name: 'from_week', nullable: true },
    weight: { type: 'numeric', precision: 6, scale: 2, default: 1 },
  },
  relations: { doctor: { type: 'many-to-one', target: 'Doctor', joinColumn: { name: 'doctor_id' }, onDelete: 'CASCADE' } },
  checks: [{ name: 'ck_wishes_weight', expression: 'weight >= 0 AND weight <= 100' }],
});
