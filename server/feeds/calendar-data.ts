// The calendar of one doctor, one site or one cohort, from the published plans only.
import { In, type EntityManager } from 'typeorm';
import { calendarEvents, type CalendarEvent, type CalendarInput } from '../../shared/calendar/events';
import { BUILT_IN_ASSESSMENT_KINDS } from '../../shared/domain/readiness';
import { CohortEntity, type CohortRow } from '../entities/cohort';
import { DoctorEntity } from '../entities/doctor';
import { PlacementSupervisorEntity } from '../entities/placement-supervisor';
import { RegionEntity } from '../entities/region';
import { SiteEntity } from '../entities/site';
import { TemplateBlockEntity } from '../entities/template-block';
import type { FeedScope } from '../entities/feed-token';
import { doctorResources } from '../services/doctors';
import { found } from '../services/locking';
import { publishedPlacements, type PublishedPlacement } from '../repositories/published-placements';
import { siteResources } from '../services/sites';
import { templateBlocks } from '../services/templates';

export interface Calendar {
  name: string;
  events: CalendarEvent[];
}

/** Events of one cohort's published placements (all of them, or those given). */
async function cohortEvents(em: EntityManager, cohort: CohortRow, audience: CalendarInput['audience'], placed?: PublishedPlacement[]): Promise<CalendarEvent[]> {
  const placements = (placed ?? (await publishedPlacements(em, { cohortId: cohort.id }))).map((p) => ({
    placement: p.placement,
    sequence: p.sequence,
    changedAt: p.changedAt,
    doctor: p.doctorId,
    block: p.block,
    site: p.site,
    from: p.from,
    to: p.to,
  }));
  const doctorIds = [...new Set(placements.map((p) => p.doctor))];
  const doctorRows = doctorIds.length ? await em.getRepository(DoctorEntity).find({ where: { id: In(doctorIds) } }) : [];
  const doctors = await doctorResources(em, doctorRows);
  const sites = await siteResources(em, await em.getRepository(SiteEntity).find({ where: { regionId: cohort.regionId } }));
  // The handledare per placement is the doctor's own business: read for the doctor's calendar only.
  const supervisorRows = audience === 'doctor' && doctorIds.length ? await em.getRepository(PlacementSupervisorEntity).find({ where: { doctorId: In(doctorIds) } }) : [];
  const supervisors = new Map<string, Record<string, string>>();
  for (const row of supervisorRows) supervisors.set(row.doctorId, { ...supervisors.get(row.doctorId), [row.block]: row.name });
  // The assessments each block expects, and what the region calls their kinds.
  const expected = new Map(
    (await em.getRepository(TemplateBlockEntity).find({ where: { templateId: cohort.templateId }, select: { code: true, assessments: true } })).map((b) => [b.code, b.assessments]),
  );
  const region = audience === 'site' ? null : await em.getRepository(RegionEntity).findOne({ where: { id: cohort.regionId }, select: { id: true, assessmentKinds: true } });
  return calendarEvents({
    audience,
    settingsChangedAt: cohort.calendarChangedAt.toISOString(),
    teaching: cohort.teaching,
    studyTime: cohort.studyTime,
    councils: cohort.councils,
    assessmentKinds: region?.assessmentKinds ?? BUILT_IN_ASSESSMENT_KINDS,
    kollegiumMonths: cohort.kollegiumMonths,
    blocks: (await templateBlocks(em, cohort.templateId)).map((b) => {
      const assessments = expected.get(b.id);
      return assessments && Object.keys(assessments).length ? { ...b, assessments } : b;
    }),
    sites: sites.map((s) => ({ id: s.id, name: s.name, ...(s.address ? { address: s.address } : {}) })),
    // Only dates of absences: reasons never reach a calendar.
    doctors: doctors.map((d) => ({
      key: d.uuid,
      name: d.name,
      protectedIdentity: d.protectedIdentity,
      ...(d.supervisor ? { supervisor: d.supervisor } : {}),
      ...(supervisors.has(d.uuid) ? { supervisors: supervisors.get(d.uuid)! } : {}),
      absences: d.absences.map(({ first, last, from, to }) => ({ first, last, from, to })),
    })),
    placements,
  });
}

export async function calendarOf(em: EntityManager, scope: FeedScope, targetId: string): Promise<Calendar | undefined> {
  if (scope === 'doctor') {
    const doctor = await em.getRepository(DoctorEntity).findOneBy({ id: targetId });
    if (!doctor) return undefined;
    const cohort = await found(em, CohortEntity, doctor.cohortId, 'cohort');
    return { name: `BT – ${doctor.name}`, events: await cohortEvents(em, cohort, 'doctor', await publishedPlacements(em, { doctorId: doctor.id })) };
  }
  if (scope === 'site') {
    const site = await em.getRepository(SiteEntity).findOneBy({ id: targetId });
    if (!site) return undefined;
    // Every cohort's doctors at the site: its capacity is shared by all of them.
    const placed = await publishedPlacements(em, { siteId: site.id });
    const cohortIds = [...new Set(placed.map((p) => p.cohortId))];
    const cohorts = cohortIds.length ? await em.getRepository(CohortEntity).find({ where: { id: In(cohortIds) }, order: { name: 'ASC' } }) : [];
    const events: CalendarEvent[] = [];
    for (const cohort of cohorts) events.push(...(await cohortEvents(em, cohort, 'site', placed.filter((p) => p.cohortId === cohort.id))));
    const startOf = (e: CalendarEvent) => ('date' in e.start ? e.start.date : e.start.instant);
    return { name: `BT-läkare – ${site.name}`, events: events.sort((a, b) => startOf(a).localeCompare(startOf(b)) || a.uid.localeCompare(b.uid)) };
  }
  const cohort = await em.getRepository(CohortEntity).findOneBy({ id: targetId });
  if (!cohort) return undefined;
  return { name: `BT – ${cohort.name}`, events: await cohortEvents(em, cohort, 'cohort') };
}
