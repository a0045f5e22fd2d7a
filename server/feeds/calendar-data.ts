// The calendar of one doctor, one site or one cohort, from the published plans only.
import { In, type EntityManager } from 'typeorm';
import { calendarEvents, type CalendarEvent, type CalendarInput } from '../../shared/calendar/events';
import { CohortEntity, type CohortRow } from '../entities/cohort';
import { DoctorEntity } from '../entities/doctor';
import { SiteEntity } from '../entities/site';
import type { FeedScope } from '../entities/feed-token';
import { doctorResources } from '../services/doctors';
import { found } from '../services/locking';
import { siteResources } from '../services/sites';
import { templateBlocks } from '../services/templates';

export interface Calendar {
  name: string;
  events: CalendarEvent[];
}

/** The published placements of a cohort, optionally of one doctor or at one site. */
async function publishedPlacements(em: EntityManager, cohortId: string, filter: { doctorId?: string; siteId?: string }) {
  const rows: { placement_id: string; sequence: number; changed_at: Date; doctor_id: string; block: string; site: string | null; from_week: string; to_week: string }[] = await em.query(
    `SELECT a.placement_id, a.sequence, a.changed_at, a.doctor_id, a.block, s.code AS site, a.from_week::text AS from_week, a.to_week::text AS to_week
       FROM assignments a
       JOIN plans p ON p.id = a.plan_id AND p.status = 'published' AND p.cohort_id = $1
       LEFT JOIN sites s ON s.id = a.site_id
      WHERE ($2::uuid IS NULL OR a.doctor_id = $2) AND ($3::uuid IS NULL OR a.site_id = $3)`,
    [cohortId, filter.doctorId ?? null, filter.siteId ?? null],
  );
  return rows.map((r) => ({ placement: r.placement_id, sequence: r.sequence, changedAt: r.changed_at.toISOString(), doctor: r.doctor_id, block: r.block, site: r.site, from: r.from_week, to: r.to_week }));
}

async function cohortEvents(em: EntityManager, cohort: CohortRow, audience: CalendarInput['audience'], filter: { doctorId?: string; siteId?: string }): Promise<CalendarEvent[]> {
  const placements = await publishedPlacements(em, cohort.id, filter);
  const doctorIds = [...new Set(placements.map((p) => p.doctor))];
  const doctorRows = doctorIds.length ? await em.getRepository(DoctorEntity).find({ where: { id: In(doctorIds) } }) : [];
  const doctors = await doctorResources(em, doctorRows);
  const sites = await siteResources(em, await em.getRepository(SiteEntity).find({ where: { regionId: cohort.regionId } }));
  return calendarEvents({
    audience,
    settingsChangedAt: cohort.calendarChangedAt.toISOString(),
    teaching: cohort.teaching,
    kollegiumMonths: cohort.kollegiumMonths,
    blocks: await templateBlocks(em, cohort.templateId),
    sites: sites.map((s) => ({ id: s.id, name: s.name, ...(s.address ? { address: s.address } : {}) })),
    // Only dates of absences: reasons never reach a calendar.
    doctors: doctors.map((d) => ({
      key: d.uuid,
      name: d.name,
      protectedIdentity: d.protectedIdentity,
      ...(d.supervisor ? { supervisor: d.supervisor } : {}),
      absences: d.absences.map(({ from, to }) => ({ from, to })),
    })),
    placements,
  });
}

export async function calendarOf(em: EntityManager, scope: FeedScope, targetId: string): Promise<Calendar | undefined> {
  if (scope === 'doctor') {
    const doctor = await em.getRepository(DoctorEntity).findOneBy({ id: targetId });
    if (!doctor) return undefined;
    const cohort = await found(em, CohortEntity, doctor.cohortId, 'cohort');
    return { name: `BT – ${doctor.name}`, events: await cohortEvents(em, cohort, 'doctor', { doctorId: doctor.id }) };
  }
  if (scope === 'site') {
    const site = await em.getRepository(SiteEntity).findOneBy({ id: targetId });
    if (!site) return undefined;
    const cohorts = await em.getRepository(CohortEntity).find({ where: { regionId: site.regionId }, order: { name: 'ASC' } });
    const events: CalendarEvent[] = [];
    for (const cohort of cohorts) events.push(...(await cohortEvents(em, cohort, 'site', { siteId: site.id })));
    const startOf = (e: CalendarEvent) => ('date' in e.start ? e.start.date : e.start.instant);
    return { name: `BT-läkare – ${site.name}`, events: events.sort((a, b) => startOf(a).localeCompare(startOf(b)) || a.uid.localeCompare(b.uid)) };
  }
  const cohort = await em.getRepository(CohortEntity).findOneBy({ id: targetId });
  if (!cohort) return undefined;
  return { name: `BT – ${cohort.name}`, events: await cohortEvents(em, cohort, 'cohort', {}) };
}
