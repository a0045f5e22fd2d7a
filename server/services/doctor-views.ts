// Reads for people other than coordinators: a clinic's incoming and present BT doctors, a
// doctor's published year; and GDPR: one doctor's data as JSON, and erasure (personal fields
// removed, placements kept for the capacity history).
import { In, IsNull, type DataSource } from 'typeorm';
import type { DoctorResource, Incoming, Schedule } from '../../shared/api/doctors';
import type { Category } from '../../shared/domain/block-kinds';
import { btSpan } from '../../shared/domain/bt-span';
import { ownValue } from '../../shared/domain/own';
import { plannedBtWeeks } from '../../shared/domain/rotation';
import { AbsenceEntity } from '../entities/absence';
import { AssessmentEntity } from '../entities/assessment';
import { AuditEntryEntity } from '../entities/audit-entry';
import { CohortEntity } from '../entities/cohort';
import { DoctorEntity } from '../entities/doctor';
import { DoctorRequestEntity } from '../entities/doctor-request';
import { FeedTokenEntity } from '../entities/feed-token';
import { LoginAttemptEntity } from '../entities/login-attempt';
import { PlacementSupervisorEntity } from '../entities/placement-supervisor';
import { UserEntity } from '../entities/user';
import { WishEntity } from '../entities/wish';
import { publishedPlacements } from '../repositories/published-placements';
import { calendarOf } from '../feeds/calendar-data';
import { calendarDays } from '../../shared/calendar/days';
import { audit } from './audit';
import { doctorResources } from './doctors';
import { found, updateVersioned } from './locking';
import { shownName } from './privacy';

export const ERASED_NAME = 'Raderad BT-läkare';
export const ERASED_REASON = 'Raderat';

export class DoctorViewService {
  constructor(private readonly ds: DataSource) {}

  /** Published placements at the site, of every cohort of the region, that end after `today`, by start. */
  async incoming(siteId: string, today: string): Promise<Incoming[]> {
    const placed = await publishedPlacements(this.ds.manager, { siteId, endingAfter: today });
    // The handledare's name is theirs to show the clinic; their email is not needed there.
    const supervisors = placed.length
      ? await this.ds.getRepository(PlacementSupervisorEntity).find({ where: { doctorId: In([...new Set(placed.map((p) => p.doctorId))]) } })
      : [];
    const supervisorOf = (doctorId: string, block: string) => supervisors.find((s) => s.doctorId === doctorId && s.block === block)?.name ?? null;
    return placed.map((p) => ({
      name: shownName({ name: p.doctorName, protectedIdentity: p.protectedIdentity }),
      cohort: p.cohortName,
      block: p.block,
      kind: p.kind ?? p.block,
      from: p.from,
      to: p.to,
      supervisor: supervisorOf(p.doctorId, p.block),
    }));
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
      const allowed = ownValue(allowedSites, r.block);
      if (r.site && r.site_name && (!allowed || allowed.includes(r.site))) choice.sites.push({ id: r.site, name: r.site_name });
    }
    return [...choices.values()];
  }

  /** The doctor's own calendar as days for the year view: what their feed has besides placements and absences. */
  async calendarDays(doctorId: string): Promise<NonNullable<Schedule['calendar']>> {
    const calendar = await calendarOf(this.ds.manager, 'doctor', doctorId);
    return calendar ? calendarDays(calendar.events) : [];
  }

  /** The published placements and the BT's span: its planned length from the cohort's template, its end from the plan. */
  async schedule(doctorId: string, doctor: Pick<DoctorResource, 'start' | 'partTime' | 'credits'>): Promise<Pick<Schedule, 'assignments' | 'bt'>> {
    const placed = await publishedPlacements(this.ds.manager, { doctorId });
    const blocks: { id: string; category: Category; weeks: number }[] = await this.ds.query(
      `SELECT tb.code AS id, tb.category, tb.weeks
         FROM doctors d JOIN cohorts c ON c.id = d.cohort_id JOIN template_blocks tb ON tb.template_id = c.template_id
        WHERE d.id = $1`,
      [doctorId],
    );
    return {
      assignments: placed.map((p) => ({ block: p.block, kind: p.kind ?? p.block, site: p.site, siteName: p.siteName, address: p.address, from: p.from, to: p.to, placement: p.placement, sequence: p.sequence })),
      bt: btSpan(doctor.start, plannedBtWeeks(blocks, doctor), placed) ?? null,
    };
  }

  /** Everything stored about one doctor (GDPR access). */
  async export(
    doctorId: string,
  ): Promise<{ doctor: DoctorResource; placements: unknown[]; requests: unknown[]; assessments: unknown[]; supervisors: unknown[]; account: { email: string; role: string } | null }> {
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
    const assessments = (await em.getRepository(AssessmentEntity).find({ where: { doctorId }, order: { doneOn: 'ASC', createdAt: 'ASC' } })).map((a) => ({
      kind: a.kind,
      block: a.block,
      date: a.doneOn,
      assessor: a.assessor,
      note: a.note,
    }));
    const supervisors = (await em.getRepository(PlacementSupervisorEntity).find({ where: { doctorId }, order: { block: 'ASC' } })).map(({ block, name, email }) => ({ block, name, email }));
    const user = await em.getRepository(UserEntity).findOneBy({ doctorId });
    return { doctor: doctor!, placements, requests, assessments, supervisors, account: user ? { email: user.email, role: user.role } : null };
  }

  /** Removes the personal fields and the account; the placements stay, anonymised. */
  async erase(doctorId: string, version: number, actor: string): Promise<DoctorResource> {
    return this.ds.transaction(async (em) => {
      const row = await found(em, DoctorEntity, doctorId, 'doctor');
      const cohort = await found(em, CohortEntity, row.cohortId, 'cohort');
      // A credit exception stays decided (the credits stand), its personal reason goes.
      const creditException = row.creditException ? { ...row.creditException, reason: ERASED_REASON } : null;
      await updateVersioned(em, DoctorEntity, doctorId, version, { name: ERASED_NAME, town: null, supervisor: null, protectedIdentity: false, creditException }, 'doctor');
      await em.getRepository(AbsenceEntity).update({ doctorId }, { reason: null });
      await em.getRepository(WishEntity).delete({ doctorId });
      await em.getRepository(DoctorRequestEntity).delete({ doctorId });
      // Assessments stay as a record that they were done, without their notes; no supervisor
      // account reaches the erased record any more.
      await em.getRepository(AssessmentEntity).update({ doctorId }, { note: null });
      await em.getRepository(PlacementSupervisorEntity).delete({ doctorId });
      // The doctor's calendar links stop, and the account's email leaves every record that
      // names it: the audit log keeps what was done, under a name for the erased record.
      await em.getRepository(FeedTokenEntity).update({ scope: 'doctor', targetId: doctorId, revokedAt: IsNull() }, { revokedAt: new Date() });
      for (const { email } of await em.getRepository(UserEntity).findBy({ doctorId })) {
        const pseudonym = `doctor:raderad:${doctorId}`;
        await em.getRepository(AuditEntryEntity).update({ actor: `doctor:${email}` }, { actor: pseudonym });
        // The account's own entries (created, changed) name its email in before/after.
        for (const side of ['before', 'after']) {
          await em.query(`UPDATE audit_log SET ${side} = jsonb_set(${side}, '{email}', to_jsonb($2::text)) WHERE ${side}->>'email' = $1`, [email, pseudonym]);
        }
        await em.getRepository(FeedTokenEntity).update({ createdBy: `doctor:${email}` }, { createdBy: pseudonym });
        await em.getRepository(LoginAttemptEntity).delete({ email });
      }
      await em.getRepository(UserEntity).delete({ doctorId });
      await audit(em, { regionId: cohort.regionId, actor, action: 'delete', entity: 'doctor-personal-data', entityId: doctorId });
      return (await doctorResources(em, [await found(em, DoctorEntity, doctorId, 'doctor')]))[0]!;
    });
  }
}
