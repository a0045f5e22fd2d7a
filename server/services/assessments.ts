// Assessments recorded as done (Mini-CEX, DOPS, BT-kollegium …): listed, recorded and deleted,
// each write checked against the region's kinds, the cohort's template and the server's today,
// and audited. Who recorded one is shown by role only; the account stays in the audit log.
import type { DataSource, EntityManager } from 'typeorm';
import type { AssessmentBody, AssessmentResource } from '../../shared/api/assessments';
import { formatWeek, mondayOf } from '../../shared/domain/weeks';
import { todayBy, type Clock } from '../clock';
import { AssessmentEntity, type AssessmentRow } from '../entities/assessment';
import { CohortEntity, type CohortRow } from '../entities/cohort';
import { DoctorEntity } from '../entities/doctor';
import { TemplateBlockEntity } from '../entities/template-block';
import { forbidden } from '../auth/access';
import { ruleBroken } from '../http/errors';
import { audit } from './audit';
import { found } from './locking';
import { regionAssessmentKinds } from './regions';

/** The role of a recording account as people read it: its email is not for the checklist. */
const ROLE_WORDS: Record<string, string> = { admin: 'Admin', coordinator: 'Koordinator', supervisor: 'Handledare', doctor: 'BT-läkare', clinic: 'Klinik' };

/** "Koordinator" for `coordinator:anna@region.se`. */
export function recordedByWord(actor: string): string {
  const role = actor.slice(0, Math.max(0, actor.indexOf(':')));
  return Object.hasOwn(ROLE_WORDS, role) ? ROLE_WORDS[role]! : 'Okänd';
}

export function assessmentResource(row: AssessmentRow): AssessmentResource {
  return {
    uuid: row.id,
    kind: row.kind,
    date: row.doneOn,
    assessor: row.assessor,
    ...(row.block !== null ? { block: row.block } : {}),
    ...(row.note !== null ? { note: row.note } : {}),
    recordedBy: recordedByWord(row.recordedBy),
  };
}

/** The doctors' assessments by date done, then by when they were recorded. */
export async function assessmentsOf(em: EntityManager, doctorIds: string[]): Promise<AssessmentRow[]> {
  if (doctorIds.length === 0) return [];
  return em.getRepository(AssessmentEntity).createQueryBuilder('a').where('a.doctor_id IN (:...doctorIds)', { doctorIds }).orderBy('a.done_on', 'ASC').addOrderBy('a.created_at', 'ASC').getMany();
}

export class AssessmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(doctorId: string): Promise<AssessmentResource[]> {
    await found(this.ds.manager, DoctorEntity, doctorId, 'doctor');
    return (await assessmentsOf(this.ds.manager, [doctorId])).map(assessmentResource);
  }

  async record(doctorId: string, body: AssessmentBody, actor: string): Promise<AssessmentResource> {
    return this.ds.transaction(async (em) => {
      const doctor = await found(em, DoctorEntity, doctorId, 'doctor');
      const cohort = await found(em, CohortEntity, doctor.cohortId, 'cohort');
      await this.refuseBroken(em, cohort, body);
      const row = await em.getRepository(AssessmentEntity).save({
        doctorId,
        kind: body.kind,
        doneOn: body.date,
        assessor: body.assessor,
        block: body.block ?? null,
        note: body.note ?? null,
        recordedBy: actor,
      });
      await audit(em, { regionId: cohort.regionId, actor, action: 'create', entity: 'assessment', entityId: row.id, after: { doctor: doctorId, ...body } });
      return assessmentResource(await found(em, AssessmentEntity, row.id, 'assessment'));
    });
  }

  /** A supervisor deletes only what they recorded; coordinators anything of their region's doctors. */
  async remove(id: string, actor: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const row = await found(em, AssessmentEntity, id, 'assessment');
      if (actor.startsWith('supervisor:') && row.recordedBy !== actor) throw forbidden();
      const doctor = await found(em, DoctorEntity, row.doctorId, 'doctor');
      const cohort = await found(em, CohortEntity, doctor.cohortId, 'cohort');
      await em.getRepository(AssessmentEntity).delete({ id });
      await audit(em, { regionId: cohort.regionId, actor, action: 'delete', entity: 'assessment', entityId: id, before: { doctor: row.doctorId, ...assessmentResource(row) } });
    });
  }

  /** 422 naming the field: a kind the region lacks, a block the cohort's template lacks, a date after today. */
  private async refuseBroken(em: EntityManager, cohort: CohortRow, body: AssessmentBody): Promise<void> {
    const kinds = (await regionAssessmentKinds(em, cohort.regionId)).map((k) => k.id);
    if (!kinds.includes(body.kind)) throw ruleBroken(`kind: ${body.kind} is not an assessment kind of the region (${kinds.join(', ')})`);
    if (body.block !== undefined && !(await em.getRepository(TemplateBlockEntity).existsBy({ templateId: cohort.templateId, code: body.block }))) {
      throw ruleBroken(`block: ${body.block} is not a block of the cohort's template`);
    }
    const today = todayBy(this.clock);
    if (body.date > today) throw ruleBroken(`date: ${body.date} is after today (${today}, ${formatWeek(mondayOf(today), 'en')}); record an assessment once it is done`);
  }
}
