// Cohorts: CRUD (another template keeps the doctors' references to blocks), export as
// bt-planning-problem/1, import of such a file (template, missing sites, doctors), and a new intake.
import type { DataSource, EntityManager } from 'typeorm';
import type { CohortBody, CohortImport, CohortIntake, CohortResource, CohortUpdate } from '../../shared/api/cohorts';
import { DEFAULT_TEACHING } from '../../shared/calendar/events';
import { leaveDaysOfWeeks } from '../../shared/domain/leave-days';
import type { Problem } from '../../shared/format/problem';
import { CohortEntity, type CohortRow } from '../entities/cohort';
import { DoctorEntity } from '../entities/doctor';
import { RegionEntity } from '../entities/region';
import { SiteEntity } from '../entities/site';
import { TemplateEntity } from '../entities/template';
import { ruleBroken } from '../http/errors';
import { ProblemCache } from '../repositories/problem-cache';
import { audit } from './audit';
import { insertDoctor } from './doctors';
import { newIntake } from './intake';
import { deleteVersioned, found, updateVersioned } from './locking';
import { refuseDeletingPublished } from './published-plans';
import { insertSite } from './sites';
import { keepDoctorReferences } from './template-references';
import { insertTemplate, templateBlocks } from './templates';

async function toResource(em: EntityManager, row: CohortRow): Promise<CohortResource> {
  const doctors = await em.getRepository(DoctorEntity).countBy({ cohortId: row.id });
  return {
    uuid: row.id,
    version: row.version,
    name: row.name,
    template: row.templateId,
    teaching: row.teaching,
    kollegiumMonths: row.kollegiumMonths,
    studyTime: row.studyTime,
    councils: row.councils,
    region: row.regionId,
    doctors,
  };
}

export class CohortService {
  constructor(
    private readonly ds: DataSource,
    private readonly problems = new ProblemCache(),
  ) {}

  async list(regionId: string): Promise<CohortResource[]> {
    await found(this.ds.manager, RegionEntity, regionId, 'region');
    const rows = await this.ds.getRepository(CohortEntity).find({ where: { regionId }, order: { name: 'ASC' } });
    return Promise.all(rows.map((row) => toResource(this.ds.manager, row)));
  }

  async get(id: string): Promise<CohortResource> {
    return toResource(this.ds.manager, await found(this.ds.manager, CohortEntity, id, 'cohort'));
  }

  async problem(id: string): Promise<Problem> {
    return this.problems.get(this.ds.manager, id);
  }

  async create(regionId: string, body: CohortBody, actor: string): Promise<CohortResource> {
    return this.ds.transaction(async (em) => {
      await this.templateOfRegion(em, body.template, regionId);
      const row = await em.getRepository(CohortEntity).save({ regionId, templateId: body.template, name: body.name, ...calendarSettings(body) });
      await audit(em, { regionId, actor, action: 'create', entity: 'cohort', entityId: row.id, after: body });
      return toResource(em, row);
    });
  }

  async update(id: string, body: CohortUpdate, actor: string): Promise<CohortResource> {
    return this.ds.transaction(async (em) => {
      const row = await found(em, CohortEntity, id, 'cohort');
      await this.templateOfRegion(em, body.template, row.regionId);
      // The stamp (and SEQUENCE) of the doctors' series and meetings: it moves only when they do.
      const same = JSON.stringify(calendarSettings(body)) === JSON.stringify(calendarSettings(row));
      const calendar = same ? {} : { calendarChangedAt: new Date() };
      const { mapByKind, ...fields } = body;
      await updateVersioned(em, CohortEntity, id, body.version, { name: body.name, templateId: body.template, ...calendarSettings(body), ...calendar }, 'cohort');
      // Another template: the doctors' credits, pins, wishes and allowed sites are kept or mapped, never dropped.
      const mapped =
        body.template === row.templateId
          ? []
          : await keepDoctorReferences(em, [id], await templateBlocks(em, row.templateId), await templateBlocks(em, body.template), mapByKind === true);
      await audit(em, { regionId: row.regionId, actor, action: 'update', entity: 'cohort', entityId: id, before: { name: row.name, template: row.templateId }, after: { ...fields, ...(mapped.length ? { mapped } : {}) } });
      return toResource(em, await found(em, CohortEntity, id, 'cohort'));
    });
  }

  async remove(id: string, version: number, actor: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const row = await found(em, CohortEntity, id, 'cohort');
      await refuseDeletingPublished(em, 'cohort', id);
      await deleteVersioned(em, CohortEntity, id, version, 'cohort');
      await audit(em, { regionId: row.regionId, actor, action: 'delete', entity: 'cohort', entityId: id, before: { name: row.name } });
    });
  }

  /** A problem file becomes a cohort with its own template; sites the region lacks are created. */
  async import(regionId: string, body: CohortImport, actor: string): Promise<CohortResource> {
    return this.ds.transaction(async (em) => importProblem(em, regionId, body.name, body.problem, actor));
  }

  /** A new intake from this cohort (see newIntake): any start Monday, doctors copied or not, checked before saving. */
  async intake(id: string, body: CohortIntake, actor: string): Promise<CohortResource> {
    return this.ds.transaction(async (em) => toResource(em, await newIntake(em, id, body, actor)));
  }

  private async templateOfRegion(em: EntityManager, templateId: string, regionId: string): Promise<void> {
    const template = await found(em, TemplateEntity, templateId, 'template');
    if (template.regionId !== regionId) throw ruleBroken('the template belongs to another region');
  }
}

/** What of a cohort shows in its doctors' calendars, in one order (compared as JSON). */
function calendarSettings(cohort: Pick<CohortRow, 'teaching' | 'kollegiumMonths' | 'studyTime' | 'councils'>): Pick<CohortRow, 'teaching' | 'kollegiumMonths' | 'studyTime' | 'councils'> {
  const { teaching, kollegiumMonths, studyTime, councils } = cohort;
  return { teaching, kollegiumMonths, studyTime, councils };
}

export async function importProblem(em: EntityManager, regionId: string, name: string, problem: Problem, actor: string): Promise<CohortResource> {
  await found(em, RegionEntity, regionId, 'region');
  const template = await insertTemplate(em, regionId, { name, unit: problem.blocks.some((b) => b.months !== undefined) ? 'months' : 'weeks', blocks: problem.blocks });
  const existing = new Set((await em.getRepository(SiteEntity).find({ where: { regionId } })).map((s) => s.code));
  for (const site of problem.sites) if (!existing.has(site.id)) await insertSite(em, regionId, site);
  const row = await em.getRepository(CohortEntity).save({ regionId, templateId: template.id, name, teaching: DEFAULT_TEACHING, kollegiumMonths: null, studyTime: null, councils: [] });
  // The file's absences are week ranges: each becomes leave from its first Monday to the Friday before `to`.
  for (const doctor of problem.doctors) await insertDoctor(em, row.id, { ...doctor, absences: doctor.absences.map(leaveDaysOfWeeks) });
  await audit(em, { regionId, actor, action: 'import', entity: 'cohort', entityId: row.id, after: { name, doctors: problem.doctors.length, sites: problem.sites.length } });
  return toResource(em, row);
}
