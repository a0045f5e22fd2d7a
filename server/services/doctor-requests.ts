// A doctor's wish and leave requests; a coordinator approves (the wish joins the doctor's
// wishes, the leave becomes an absence) or rejects them.
import type { DataSource, EntityManager } from 'typeorm';
import type { DoctorRequest, DoctorRequestBody } from '../../shared/api/requests';
import { AbsenceEntity } from '../entities/absence';
import { CohortEntity } from '../entities/cohort';
import { DoctorEntity } from '../entities/doctor';
import { DoctorRequestEntity, type DoctorRequestRow } from '../entities/doctor-request';
import { WishEntity } from '../entities/wish';
import { ruleBroken } from '../http/errors';
import { audit } from './audit';
import { absenceRow } from './doctors';
import { found, updateVersioned } from './locking';

function requestOf(row: DoctorRequestRow): DoctorRequest {
  return {
    uuid: row.id,
    version: row.version,
    doctor: row.doctorId,
    status: row.status,
    request: { kind: row.kind, ...row.payload } as DoctorRequestBody,
    createdAt: row.createdAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

async function regionOfDoctor(em: EntityManager, doctorId: string): Promise<string> {
  const doctor = await found(em, DoctorEntity, doctorId, 'doctor');
  return (await found(em, CohortEntity, doctor.cohortId, 'cohort')).regionId;
}

export class DoctorRequestService {
  constructor(private readonly ds: DataSource) {}

  async create(doctorId: string, body: DoctorRequestBody, actor: string): Promise<DoctorRequest> {
    return this.ds.transaction(async (em) => {
      const regionId = await regionOfDoctor(em, doctorId);
      const { kind, ...payload } = body;
      const row = await em.getRepository(DoctorRequestEntity).save({ doctorId, kind, payload, status: 'pending', decidedBy: null, decidedAt: null });
      await audit(em, { regionId, actor, action: 'create', entity: 'doctor-request', entityId: row.id, after: { kind } });
      return requestOf(row);
    });
  }

  /** `towns`: only doctors of those towns (a town-limited coordinator's). */
  async listForCohort(cohortId: string, status?: DoctorRequest['status'], towns?: ReadonlySet<string>): Promise<DoctorRequest[]> {
    await found(this.ds.manager, CohortEntity, cohortId, 'cohort');
    const rows = await this.ds
      .getRepository(DoctorRequestEntity)
      .createQueryBuilder('r')
      .innerJoin('doctors', 'd', 'd.id = r.doctor_id')
      .where('d.cohort_id = :cohortId', { cohortId })
      .andWhere(status ? 'r.status = :status' : 'TRUE', { status })
      .andWhere(towns ? 'd.town = ANY(:towns)' : 'TRUE', { towns: towns ? [...towns] : [] })
      .orderBy('r.created_at', 'ASC')
      .getMany();
    return rows.map(requestOf);
  }

  async listForDoctor(doctorId: string): Promise<DoctorRequest[]> {
    const rows = await this.ds.getRepository(DoctorRequestEntity).find({ where: { doctorId }, order: { createdAt: 'ASC' } });
    return rows.map(requestOf);
  }

  async decide(id: string, decision: 'approve' | 'reject', version: number, actor: string): Promise<DoctorRequest> {
    return this.ds.transaction(async (em) => {
      const row = await found(em, DoctorRequestEntity, id, 'request');
      if (row.status !== 'pending') throw ruleBroken(`the request is already ${row.status}`);
      const status = decision === 'approve' ? 'approved' : 'rejected';
      await updateVersioned(em, DoctorRequestEntity, id, version, { status, decidedBy: actor, decidedAt: new Date() }, 'request');
      if (status === 'approved') await this.apply(em, requestOf(row));
      await audit(em, { regionId: await regionOfDoctor(em, row.doctorId), actor, action: decision === 'approve' ? 'approve' : 'reject', entity: 'doctor-request', entityId: id });
      return requestOf(await found(em, DoctorRequestEntity, id, 'request'));
    });
  }

  private async apply(em: EntityManager, request: DoctorRequest): Promise<void> {
    const doctorId = request.doctor;
    if (request.request.kind === 'leave') {
      // The absence keeps the days asked for; its weeks come from the week rule.
      await em.getRepository(AbsenceEntity).insert(absenceRow(doctorId, request.request.leave));
    } else {
      const { block, site, from, weight } = request.request.wish;
      const position = await em.getRepository(WishEntity).countBy({ doctorId });
      await em.getRepository(WishEntity).insert({ doctorId, position, block, site: site ?? null, from: from ?? null, weight: String(weight) });
    }
    // The doctor changed: a client holding the old version must reload.
    await em.getRepository(DoctorEntity).update({ id: doctorId }, { version: () => '"version" + 1' } as never);
  }
}
