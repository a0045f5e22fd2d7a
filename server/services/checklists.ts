// BT checklists: one doctor's (placements of the published plan with their assessments expected
// and done, goals, minimum weeks, milestones, what is open) and a cohort's as a matrix. Reads
// only; the counting is shared/domain/checklist.ts, the open items' words readiness.ts's.
import type { DataSource, EntityManager } from 'typeorm';
import type { Checklist, CohortChecklist } from '../../shared/api/assessments';
import type { TemplateBlock } from '../../shared/api/templates';
import { checklistSummary, doctorChecklist, type DoctorChecklist } from '../../shared/domain/checklist';
import { blockLabel, PROTECTED_NAME_EN, PROTECTED_NAME_SV, type Lang } from '../../shared/domain/labels';
import { openItemMessage, type AssessmentKind } from '../../shared/domain/readiness';
import type { DoctorResource } from '../../shared/api/doctors';
import { todayBy, type Clock } from '../clock';
import type { AssessmentRow } from '../entities/assessment';
import { CohortEntity, type CohortRow } from '../entities/cohort';
import { DoctorEntity } from '../entities/doctor';
import { PlacementSupervisorEntity } from '../entities/placement-supervisor';
import { publishedPlacements, type PublishedPlacement } from '../repositories/published-placements';
import { assessmentResource, assessmentsOf } from './assessments';
import { doctorResources } from './doctors';
import { found } from './locking';
import { regionAssessmentKinds } from './regions';
import { templateBlocksWithAssessments } from './templates';

/** What a cohort's checklists are counted from, read once for all its doctors. */
interface CohortData {
  cohort: CohortRow;
  blocks: TemplateBlock[];
  kinds: AssessmentKind[];
  today: string;
}

export class ChecklistService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** `showName`: false shows a doctor with protected identity as such (a viewer outside coordination). */
  async ofDoctor(doctorId: string, lang: Lang, showName = true): Promise<Checklist> {
    const em = this.ds.manager;
    const row = await found(em, DoctorEntity, doctorId, 'doctor');
    const doctor = (await doctorResources(em, [row]))[0]!;
    const data = await this.cohortData(em, row.cohortId);
    const placed = await publishedPlacements(em, { doctorId });
    const assessments = await assessmentsOf(em, [doctorId]);
    const supervisors = await em.getRepository(PlacementSupervisorEntity).findBy({ doctorId });
    const counted = count(data, doctor, placed, assessments, lang);
    const blockName = (id: string) => nameOf(data.blocks, id, lang);
    return {
      doctor: { uuid: doctorId, name: showName || !doctor.protectedIdentity ? doctor.name : lang === 'sv' ? PROTECTED_NAME_SV : PROTECTED_NAME_EN },
      kinds: data.kinds,
      placements: counted.placements.map((p) => ({
        placement: p.placement,
        block: p.block,
        blockName: blockName(p.block),
        siteName: placed.find((x) => x.placement === p.placement)?.siteName ?? null,
        supervisor: supervisors.find((s) => s.block === p.block)?.name ?? null,
        from: p.from,
        to: p.to,
        expected: p.expected,
        done: p.done,
      })),
      goals: counted.goals,
      kollegium: counted.kollegium,
      external: counted.external,
      assessments: assessments.map(assessmentResource),
      ready: counted.readiness.ready,
      open: counted.readiness.open.map((item) => ({
        item: item.item,
        behind: item.behind,
        message: openItemMessage(item, lang, data.kinds),
        ...(item.item === 'assessment' ? { placement: item.placement, kind: item.kind } : {}),
      })),
    };
  }

  /** One row per doctor of the cohort, by name (coordinators see every name); `towns`: only the doctors of those towns (a town-limited coordinator). */
  async ofCohort(cohortId: string, lang: Lang, towns?: ReadonlySet<string>): Promise<CohortChecklist> {
    const em = this.ds.manager;
    const data = await this.cohortData(em, cohortId);
    const rows = await em.getRepository(DoctorEntity).find({ where: { cohortId }, order: { name: 'ASC', code: 'ASC' } });
    const doctors = await doctorResources(em, towns ? rows.filter((r) => r.town !== null && towns.has(r.town)) : rows);
    const placed = await publishedPlacements(em, { cohortId });
    const assessments = await assessmentsOf(em, doctors.map((d) => d.uuid));
    const kindIds = data.kinds.map((k) => k.id);
    return {
      kinds: data.kinds,
      doctors: doctors.map((doctor) => {
        const own = assessments.filter((a) => a.doctorId === doctor.uuid);
        const counted = count(data, doctor, placed.filter((p) => p.doctorId === doctor.uuid), own, lang);
        return { uuid: doctor.uuid, name: doctor.name, ready: counted.readiness.ready, ...checklistSummary(counted, own, kindIds) };
      }),
    };
  }

  private async cohortData(em: EntityManager, cohortId: string): Promise<CohortData> {
    const cohort = await found(em, CohortEntity, cohortId, 'cohort');
    return { cohort, blocks: await templateBlocksWithAssessments(em, cohort.templateId), kinds: await regionAssessmentKinds(em, cohort.regionId), today: todayBy(this.clock) };
  }
}

function nameOf(blocks: readonly TemplateBlock[], id: string, lang: Lang): string {
  const block = blocks.find((b) => b.id === id);
  return block ? blockLabel(block, lang) : id;
}

function count(data: CohortData, doctor: DoctorResource, placed: readonly PublishedPlacement[], assessments: readonly AssessmentRow[], lang: Lang): DoctorChecklist {
  return doctorChecklist({
    today: data.today,
    doctor: { partTime: doctor.partTime, absences: doctor.absences, credits: doctor.credits },
    blocks: data.blocks.map((b) => ({ ...b, assessments: b.assessments ?? {} })),
    placements: placed.map((p) => ({ placement: p.placement, block: p.block, site: p.site, from: p.from, to: p.to })),
    assessments: assessments.map((a) => ({ kind: a.kind, block: a.block })),
    kollegiumMonths: data.cohort.kollegiumMonths,
    blockName: (id) => nameOf(data.blocks, id, lang),
  });
}
