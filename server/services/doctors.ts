// Doctors of a cohort with absences, credit, pins and wishes (replaced as a whole with the doctor).
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AbsenceBody, DoctorBody, DoctorResource, DoctorUpdate } from '../../shared/api/doctors';
import { absenceWeeks, formatLeaveDays } from '../../shared/domain/leave-days';
import { AbsenceEntity, type AbsenceRow } from '../entities/absence';
import { ruleBroken } from '../http/errors';
import { CohortEntity } from '../entities/cohort';
import { CreditEntity } from '../entities/credit';
import { DoctorEntity, type DoctorRow } from '../entities/doctor';
import { PinEntity } from '../entities/pin';
import { WishEntity } from '../entities/wish';
import { audit } from './audit';
import { deleteVersioned, found, updateVersioned } from './locking';
import { refuseDeletingPublished } from './published-plans';

export async function doctorResources(em: EntityManager, rows: DoctorRow[]): Promise<DoctorResource[]> {
  if (rows.length === 0) return [];
  // One IN list, not one OR branch per doctor: TypeORM builds the latter in quadratic time.
  const where = { doctorId: In(rows.map((r) => r.id)) };
  // One after another: inside a transaction they share one connection.
  const absences = await em.getRepository(AbsenceEntity).find({ where, order: { from: 'ASC', first: 'ASC' } });
  const credits = await em.getRepository(CreditEntity).find({ where });
  const pins = await em.getRepository(PinEntity).find({ where, order: { block: 'ASC' } });
  const wishes = await em.getRepository(WishEntity).find({ where, order: { position: 'ASC' } });
  const of = <T extends { doctorId: string }>(list: T[], id: string) => list.filter((x) => x.doctorId === id);
  return rows.map((row) => ({
    uuid: row.id,
    version: row.version,
    id: row.code,
    name: row.name,
    ...(row.town !== null ? { town: row.town } : {}),
    start: row.start,
    partTime: Number(row.partTime),
    protectedIdentity: row.protectedIdentity,
    ...(row.supervisor !== null ? { supervisor: row.supervisor } : {}),
    ...(Object.keys(row.allowedSites).length ? { allowedSites: row.allowedSites } : {}),
    absences: of(absences, row.id).map((a) => ({ first: a.first, last: a.last, from: a.from, to: a.to, ...(a.reason !== null ? { reason: a.reason } : {}) })),
    credits: of(credits, row.id).map((c) => ({ block: c.block, weeks: c.weeks, decidedBy: c.decidedBy, decidedOn: c.decidedOn })),
    ...(row.creditException !== null ? { creditException: row.creditException } : {}),
    pins: of(pins, row.id).map((p) => ({ block: p.block, ...(p.site !== null ? { site: p.site } : {}), ...(p.from !== null ? { from: p.from } : {}) })),
    wishes: of(wishes, row.id).map((w) => ({ block: w.block, ...(w.site !== null ? { site: w.site } : {}), ...(w.from !== null ? { from: w.from } : {}), weight: Number(w.weight) })),
  }));
}

function doctorFields(body: DoctorBody) {
  return {
    code: body.id,
    name: body.name,
    town: body.town ?? null,
    start: body.start,
    partTime: String(body.partTime),
    protectedIdentity: body.protectedIdentity,
    supervisor: body.supervisor ?? null,
    allowedSites: body.allowedSites ?? {},
    creditException: body.creditException ?? null,
  };
}

/**
 * An absence to store: the leave's days and the weeks the week rule derives from them, here and
 * never from the client. Leave without a working day is refused (the schemas refuse it first).
 */
export function absenceRow(doctorId: string, absence: AbsenceBody): Omit<AbsenceRow, 'id'> {
  const weeks = absenceWeeks(absence);
  if (!weeks) throw ruleBroken(`the leave ${formatLeaveDays(absence, 'en')} has no working day: no week would count as absence`);
  return { doctorId, first: absence.first, last: absence.last, from: weeks.from, to: weeks.to, reason: absence.reason ?? null };
}

/** Replaces the doctor's absences, credit, pins and wishes with the body's. */
export async function writeChildren(em: EntityManager, doctorId: string, body: DoctorBody): Promise<void> {
  for (const entity of [AbsenceEntity, CreditEntity, PinEntity, WishEntity] as const) await em.getRepository(entity).delete({ doctorId });
  if (body.absences.length) await em.getRepository(AbsenceEntity).insert(body.absences.map((a) => absenceRow(doctorId, a)));
  if (body.credits.length) await em.getRepository(CreditEntity).insert(body.credits.map((c) => ({ doctorId, ...c })));
  if (body.pins.length) await em.getRepository(PinEntity).insert(body.pins.map((p) => ({ doctorId, block: p.block, site: p.site ?? null, from: p.from ?? null })));
  if (body.wishes.length) {
    await em.getRepository(WishEntity).insert(body.wishes.map((w, position) => ({ doctorId, position, block: w.block, site: w.site ?? null, from: w.from ?? null, weight: String(w.weight) })));
  }
}

export async function insertDoctor(em: EntityManager, cohortId: string, body: DoctorBody): Promise<DoctorRow> {
  const row = await em.getRepository(DoctorEntity).save({ cohortId, ...doctorFields(body) });
  await writeChildren(em, row.id, body);
  return row;
}

export class DoctorService {
  constructor(private readonly ds: DataSource) {}

  async list(cohortId: string): Promise<DoctorResource[]> {
    await found(this.ds.manager, CohortEntity, cohortId, 'cohort');
    const rows = await this.ds.getRepository(DoctorEntity).find({ where: { cohortId }, order: { code: 'ASC' } });
    return doctorResources(this.ds.manager, rows);
  }

  async get(id: string): Promise<DoctorResource> {
    return (await doctorResources(this.ds.manager, [await found(this.ds.manager, DoctorEntity, id, 'doctor')]))[0]!;
  }

  async create(cohortId: string, body: DoctorBody, actor: string): Promise<DoctorResource> {
    return this.ds.transaction(async (em) => {
      const cohort = await found(em, CohortEntity, cohortId, 'cohort');
      const row = await insertDoctor(em, cohortId, body);
      await audit(em, { regionId: cohort.regionId, actor, action: 'create', entity: 'doctor', entityId: row.id, after: { id: body.id } });
      return (await doctorResources(em, [row]))[0]!;
    });
  }

  async update(id: string, body: DoctorUpdate, actor: string): Promise<DoctorResource> {
    return this.ds.transaction(async (em) => {
      const row = await found(em, DoctorEntity, id, 'doctor');
      const cohort = await found(em, CohortEntity, row.cohortId, 'cohort');
      const { version, ...doctor } = body;
      await updateVersioned(em, DoctorEntity, id, version, doctorFields(doctor), 'doctor');
      await writeChildren(em, id, doctor);
      // Personal data stays out of the log: the doctor's code and which fields changed.
      await audit(em, { regionId: cohort.regionId, actor, action: 'update', entity: 'doctor', entityId: id, before: { id: row.code }, after: { id: doctor.id } });
      return (await doctorResources(em, [await found(em, DoctorEntity, id, 'doctor')]))[0]!;
    });
  }

  async remove(id: string, version: number, actor: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const row = await found(em, DoctorEntity, id, 'doctor');
      const cohort = await found(em, CohortEntity, row.cohortId, 'cohort');
      await refuseDeletingPublished(em, 'doctor', id);
      await deleteVersioned(em, DoctorEntity, id, version, 'doctor');
      await audit(em, { regionId: cohort.regionId, actor, action: 'delete', entity: 'doctor', entityId: id, before: { id: row.code } });
    });
  }
}
