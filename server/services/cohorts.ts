// Cohorts: CRUD, export as bt-planning-problem/1, import of such a file (template, missing
// sites, doctors), and a copy for next year's intake with every date moved.
import type { DataSource, EntityManager } from 'typeorm';
import type { CohortBody, CohortCopy, CohortImport, CohortResource, CohortUpdate } from '../../shared/api/cohorts';
import { DEFAULT_TEACHING } from '../../shared/calendar/events';
import { shiftWindows } from '../../shared/domain/templates';
import { addWeeks } from '../../shared/domain/weeks';
import type { Problem } from '../../shared/format/problem';
import { CohortEntity, type CohortRow } from '../entities/cohort';
import { DoctorEntity } from '../entities/doctor';
import { RegionEntity } from '../entities/region';
import { SiteEntity } from '../entities/site';
import { TemplateEntity } from '../entities/template';
import { ruleBroken } from '../http/errors';
import { cohortProblem } from '../repositories/cohort-problem';
import { audit } from './audit';
import { doctorResources, insertDoctor } from './doctors';
import { deleteVersioned, found, updateVersioned } from './locking';
import { refuseDeletingPublished } from './published-plans';
import { insertSite } from './sites';
import { insertTemplate, templateBlocks } from './templates';

async function toResource(em: EntityManager, row: CohortRow): Promise<CohortResource> {
  const doctors = await em.getRepository(DoctorEntity).countBy({ cohortId: row.id });
  return { uuid: row.id, version: row.version, name: row.name, template: row.templateId, teaching: row.teaching, kollegiumMonths: row.kollegiumMonths, region: row.regionId, doctors };
}

export class CohortService {
  constructor(private readonly ds: DataSource) {}

  async list(regionId: string): Promise<CohortResource[]> {
    await found(this.ds.manager, RegionEntity, regionId, 'region');
    const rows = await this.ds.getRepository(CohortEntity).find({ where: { regionId }, order: { name: 'ASC' } });
    return Promise.all(rows.map((row) => toResource(this.ds.manager, row)));
  }

  async get(id: string): Promise<CohortResource> {
    return toResource(this.ds.manager, await found(this.ds.manager, CohortEntity, id, 'cohort'));
  }

  async problem(id: string): Promise<Problem> {
    return cohortProblem(this.ds.manager, id);
  }

  async create(regionId: string, body: CohortBody, actor: string): Promise<CohortResource> {
    return this.ds.transaction(async (em) => {
      await this.templateOfRegion(em, body.template, regionId);
      const row = await em.getRepository(CohortEntity).save({ regionId, templateId: body.template, name: body.name, teaching: body.teaching, kollegiumMonths: body.kollegiumMonths });
      await audit(em, { regionId, actor, action: 'create', entity: 'cohort', entityId: row.id, after: body });
      return toResource(em, row);
    });
  }

  async update(id: string, body: CohortUpdate, actor: string): Promise<CohortResource> {
    return this.ds.transaction(async (em) => {
      const row = await found(em, CohortEntity, id, 'cohort');
      await this.templateOfRegion(em, body.template, row.regionId);
      const same = JSON.stringify([body.teaching, body.kollegiumMonths]) === JSON.stringify([row.teaching, row.kollegiumMonths]);
      const calendar = same ? {} : { calendarChangedAt: new Date() };
      await updateVersioned(em, CohortEntity, id, body.version, { name: body.name, templateId: body.template, teaching: body.teaching, kollegiumMonths: body.kollegiumMonths, ...calendar }, 'cohort');
      await audit(em, { regionId: row.regionId, actor, action: 'update', entity: 'cohort', entityId: id, before: { name: row.name, template: row.templateId }, after: body });
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

  /** Next intake: the same template, the doctors' setup with every week moved by `weeks`. */
  async copy(id: string, body: CohortCopy, actor: string): Promise<CohortResource> {
    return this.ds.transaction(async (em) => {
      const source = await found(em, CohortEntity, id, 'cohort');
      const templateId = await this.templateForIntake(em, source, body);
      const row = await em.getRepository(CohortEntity).save({ regionId: source.regionId, templateId, name: body.name, teaching: source.teaching, kollegiumMonths: source.kollegiumMonths });
      const shift = (week: string) => addWeeks(week, body.weeks);
      const doctors = await doctorResources(em, await em.getRepository(DoctorEntity).find({ where: { cohortId: id }, order: { code: 'ASC' } }));
      for (const { uuid: _u, version: _v, ...d } of doctors) {
        await insertDoctor(em, row.id, {
          ...d,
          start: shift(d.start),
          absences: d.absences.map((a) => ({ ...a, from: shift(a.from), to: shift(a.to) })),
          pins: d.pins.map((p) => (p.from ? { ...p, from: shift(p.from) } : p)),
          wishes: d.wishes.map((w) => (w.from ? { ...w, from: shift(w.from) } : w)),
        });
      }
      await audit(em, { regionId: source.regionId, actor, action: 'create', entity: 'cohort', entityId: row.id, after: { copyOf: id, ...body } });
      return toResource(em, row);
    });
  }

  /** The source's template, or when it has date windows a copy named after the new cohort with the windows moved along. */
  private async templateForIntake(em: EntityManager, source: CohortRow, body: CohortCopy): Promise<string> {
    const blocks = await templateBlocks(em, source.templateId);
    const moved = shiftWindows(blocks, body.weeks);
    if (moved.every((b, i) => b === blocks[i])) return source.templateId;
    const template = await found(em, TemplateEntity, source.templateId, 'template');
    return (await insertTemplate(em, source.regionId, { name: body.name, unit: template.unit, blocks: moved.map(({ goals: _goals, ...b }) => b) })).id;
  }

  private async templateOfRegion(em: EntityManager, templateId: string, regionId: string): Promise<void> {
    const template = await found(em, TemplateEntity, templateId, 'template');
    if (template.regionId !== regionId) throw ruleBroken('the template belongs to another region');
  }
}

export async function importProblem(em: EntityManager, regionId: string, name: string, problem: Problem, actor: string): Promise<CohortResource> {
  await found(em, RegionEntity, regionId, 'region');
  const template = await insertTemplate(em, regionId, { name, unit: problem.blocks.some((b) => b.months !== undefined) ? 'months' : 'weeks', blocks: problem.blocks });
  const existing = new Set((await em.getRepository(SiteEntity).find({ where: { regionId } })).map((s) => s.code));
  for (const site of problem.sites) if (!existing.has(site.id)) await insertSite(em, regionId, site);
  const row = await em.getRepository(CohortEntity).save({ regionId, templateId: template.id, name, teaching: DEFAULT_TEACHING, kollegiumMonths: null });
  for (const doctor of problem.doctors) await insertDoctor(em, row.id, doctor);
  await audit(em, { regionId, actor, action: 'import', entity: 'cohort', entityId: row.id, after: { name, doctors: problem.doctors.length, sites: problem.sites.length } });
  return toResource(em, row);
}
