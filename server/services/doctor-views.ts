// Reads for people other than coordinators: a clinic's incoming and present BT doctors, a
// doctor's published year; and GDPR: one doctor's data as JSON, and erasure (personal fields
// removed, placements kept for the capacity history).
import type { DataSource } from 'typeorm';
import type { DoctorResource, Incoming, Schedule } from '../../shared/api/doctors';
import { AbsenceEntity } from '../entities/absence';
import { CohortEntity } from '../entities/cohort';
import { DoctorEntity } from '../entities/doctor';
import { DoctorRequestEntity } from '../entities/doctor-request';
import { UserEntity } from '../entities/user';
import { WishEntity } from '../entities/wish';
import { audit } from './audit';
import { doctorResources } from './doctors';
import { found, updateVersioned } from './locking';
import { shownName } from './privacy';

export const ERASED_NAME = 'Raderad BT-läkare';

export class DoctorViewService {
  constructor(private readonly ds: DataSource) {}

  /** Published placements at the site that have not ended, by start. */
  async incoming(siteId: string, today: string): Promise<Incoming[]> {
    const rows: { name: string; protected_identity: boolean; cohort: string; block: string; kind: string; from_week: string; to_week: string }[] = await this.ds.query(
      `SELECT d.name, d.protected_identity, c.name AS cohort, a.block, tb.kind, a.from_week::text AS from_week, a.to_week::text AS to_week
         FROM assignments a
         JOIN plans p ON p.id = a.plan_id AND p.status = 'published'
         JOIN doctors d ON d.id = a.doctor_id
         JOIN cohorts c ON c.id = p.cohort_id
         JOIN template_blocks tb ON tb.template_id = c.template_id AND tb.code = a.block
        WHERE a.site_id = $1 AND a.to_week > $2
        ORDER BY a.from_week, a.to_week`,
      [siteId, today],
    );
    return rows.map((r) => ({ name: shownName({ name: r.name, protectedIdentity: r.protected_identity }), cohort: r.cohort, block: r.block, kind: r.kind, from: r.from_week, to: r.to_week }));
  }

  /** The blocks of the doctor's template with the region's sites of each block's kind (narrowed by `allowedSites`). */
  async choices(doctorId: string, allowedSites: Record<string, string[]> = {}): Promise<Schedule['choices']> {
    const rows: { block: string; kind: string; name: string | null; site: string | null; site_name: string | null }[] = await this.ds.query(
      `SELECT tb.code AS block, tb.kind, tb.name, s.code AS site, s.name AS site_name
         FROM doctors d
         JOIN cohorts c ON c.id = d.cohort_id
         JOIN template_blocks tb ON tb.template_id = c.template_id
         LEFT JOIN sites s ON s.region_id = c.region_id AND tb.kind = ANY(s.kinds) AND tb.category <> 'vacation' AND tb.category <> 'cohort'
        WHERE d.id = $1
        ORDER BY tb.position, s.name`,
      [doctorId],
    );
    const choices = new Map<string, Schedule['choices'][number]>();
    for (const r of rows) {
      const choice = choices.get(r.block) ?? { block: r.block, kind: r.kind, name: r.name, sites: [] };
      choices.set(r.block, choice);
      const allowed = allowedSites[r.block];
      if (r.site && r.site_name && (!allowed || allowed.includes(r.site))) choice.sites.push({ id: r.site, name: r.site_name });
    }
    return [...choices.values()];
  }

  async schedule(doctorId: string): Promise<Pick<Schedule, 'assignments'>> {
    const rows: { block: string; kind: string; site: string | null; site_name: string | null; address: string | null; from_week: string; to_week: string; placement_id: string; sequence: number }[] = await this.ds.query(
      `SELECT a.block, tb.kind, s.code AS site, s.name AS site_name, s.address, a.from_week::text AS from_week, a.to_week::text AS to_week, a.placement_id, a.sequence
         FROM assignments a
         JOIN plans p ON p.id = a.plan_id AND p.status = 'published'
         JOIN cohorts c ON c.id = p.cohort_id
         JOIN template_blocks tb ON tb.template_id = c.template_id AND tb.code = a.block
         LEFT JOIN sites s ON s.id = a.site_id
        WHERE a.doctor_id = $1
        ORDER BY a.from_week`,
      [doctorId],
    );
    return {
      assignments: rows.map((r) => ({ block: r.block, kind: r.kind, site: r.site, siteName: r.site_name, address: r.address, from: r.from_week, to: r.to_week, placement: r.placement_id, sequence: r.sequence })),
    };
  }

  /** Everything stored about one doctor (GDPR access). */
  async export(doctorId: string): Promise<{ doctor: DoctorResource; placements: unknown[]; requests: unknown[]; account: { email: string; role: string } | null }> {
    const em = this.ds.manager;
    const [doctor] = await doctorResources(em, [await found(em, DoctorEntity, doctorId, 'doctor')]);
    const placements = await em.query(
      `SELECT p.number AS plan, p.status, a.block, s.code AS site, a.from_week::text AS "from", a.to_week::text AS "to"
         FROM assignments a JOIN plans p ON p.id = a.plan_id LEFT JOIN sites s ON s.id = a.site_id
        WHERE a.doctor_id = $1 ORDER BY p.number, a.from_week`,
      [doctorId],
    );
    const requests = (await em.getRepository(DoctorRequestEntity).find({ where: { doctorId }, order: { createdAt: 'ASC' } })).map((r) => ({
      kind: r.kind,
      ...r.payload,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    }));
    const user = await em.getRepository(UserEntity).findOneBy({ doctorId });
    return { doctor: doctor!, placements, requests, account: user ? { email: user.email, role: user.role } : null };
  }

  /** Removes the personal fields and the account; the placements stay, anonymised. */
  async erase(doctorId: string, version: number, actor: string): Promise<DoctorResource> {
    return this.ds.transaction(async (em) => {
      const row = await found(em, DoctorEntity, doctorId, 'doctor');
      const cohort = await found(em, CohortEntity, row.cohortId, 'cohort');
      await updateVersioned(em, DoctorEntity, doctorId, version, { name: ERASED_NAME, town: null, supervisor: null, protectedIdentity: false }, 'doctor');
      await em.getRepository(AbsenceEntity).update({ doctorId }, { reason: null });
      await em.getRepository(WishEntity).delete({ doctorId });
      await em.getRepository(DoctorRequestEntity).delete({ doctorId });
      await em.getRepository(UserEntity).delete({ doctorId });
      await audit(em, { regionId: cohort.regionId, actor, action: 'delete', entity: 'doctor-personal-data', entityId: doctorId });
      return (await doctorResources(em, [await found(em, DoctorEntity, doctorId, 'doctor')]))[0]!;
    });
  }
}
