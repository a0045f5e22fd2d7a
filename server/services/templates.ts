// Templates of a region with their blocks in order (replaced as a whole with the template). A
// template a published cohort uses keeps its blocks, and no edit drops what doctors refer to.
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { TemplateBlock, TemplateBody, TemplateResource, TemplateUpdate } from '../../shared/api/templates';
import type { Block } from '../../shared/format/problem';
import { CohortEntity, type CohortRow } from '../entities/cohort';
import { PlanEntity } from '../entities/plan';
import { RegionEntity } from '../entities/region';
import { TemplateEntity, type TemplateRow } from '../entities/template';
import { TemplateBlockEntity, type TemplateBlockRow } from '../entities/template-block';
import { inUse, ruleBroken } from '../http/errors';
import { audit } from './audit';
import { deleteVersioned, found, updateVersioned } from './locking';
import { regionAssessmentKinds } from './regions';
import { keepDoctorReferences } from './template-references';

export function blockOf(row: TemplateBlockRow): Block {
  return {
    id: row.code,
    kind: row.kind,
    category: row.category as Block['category'],
    ...(row.name !== null ? { name: row.name } : {}),
    weeks: row.weeks,
    ...(row.months !== null ? { months: Number(row.months) } : {}),
    ...(row.offset !== null ? { offset: row.offset } : {}),
    ...(row.windowFrom !== null && row.windowTo !== null ? { window: { from: row.windowFrom, to: row.windowTo } } : {}),
    ...(row.at !== null ? { at: row.at } : {}),
    ...(row.goals !== null ? { goals: row.goals as NonNullable<Block['goals']> } : {}),
  };
}

/** The template's blocks as the problem format has them: what the solver and the plan checks see, no assessments. */
export async function templateBlocks(em: EntityManager, templateId: string): Promise<Block[]> {
  return (await em.getRepository(TemplateBlockEntity).find({ where: { templateId }, order: { position: 'ASC' } })).map(blockOf);
}

/** A block as the template API has it: with the assessments its placements expect, when any. */
function templateBlockOf(row: TemplateBlockRow): TemplateBlock {
  return { ...blockOf(row), ...(Object.keys(row.assessments).length ? { assessments: row.assessments } : {}) };
}

/** The template's blocks with their expected assessments (the checklist's view). */
export async function templateBlocksWithAssessments(em: EntityManager, templateId: string): Promise<TemplateBlock[]> {
  return (await em.getRepository(TemplateBlockEntity).find({ where: { templateId }, order: { position: 'ASC' } })).map(templateBlockOf);
}

async function toResource(em: EntityManager, row: TemplateRow): Promise<TemplateResource> {
  return { uuid: row.id, version: row.version, name: row.name, unit: row.unit, blocks: await templateBlocksWithAssessments(em, row.id) };
}

/** 422 naming the field when a block expects an assessment kind the region does not have. */
async function refuseUnknownKinds(em: EntityManager, regionId: string, blocks: TemplateBody['blocks']): Promise<void> {
  const kinds = new Set((await regionAssessmentKinds(em, regionId)).map((k) => k.id));
  blocks.forEach((b, i) => {
    const unknown = Object.keys(b.assessments ?? {}).find((kind) => !kinds.has(kind));
    if (unknown !== undefined) throw ruleBroken(`blocks[${i}].assessments.${unknown}: ${unknown} is not an assessment kind of the region (${[...kinds].join(', ')})`);
  });
}

export async function writeBlocks(em: EntityManager, templateId: string, blocks: TemplateBody['blocks']): Promise<void> {
  const repo = em.getRepository(TemplateBlockEntity);
  await repo.delete({ templateId });
  await repo.insert(
    blocks.map((b, position) => ({
      templateId,
      position,
      code: b.id,
      kind: b.kind,
      category: b.category,
      name: b.name ?? null,
      weeks: b.weeks,
      months: b.months !== undefined ? String(b.months) : null,
      offset: b.offset ?? null,
      windowFrom: b.window?.from ?? null,
      windowTo: b.window?.to ?? null,
      at: b.at ?? null,
      goals: b.goals ?? null,
      assessments: b.assessments ?? {},
    })),
  );
}

export async function insertTemplate(em: EntityManager, regionId: string, body: TemplateBody): Promise<TemplateRow> {
  const row = await em.getRepository(TemplateEntity).save({ regionId, name: body.name, unit: body.unit });
  await writeBlocks(em, row.id, body.blocks);
  return row;
}

/** Same blocks in the same order, whatever the order of their fields; the expected assessments are not compared (no plan depends on them). */
function sameBlocks(a: readonly TemplateBlock[], b: readonly TemplateBlock[]): boolean {
  const canonical = (blocks: readonly TemplateBlock[]) =>
    JSON.stringify(blocks.map(({ assessments: _a, ...block }) => Object.fromEntries(Object.entries(block).sort(([x], [y]) => x.localeCompare(y)))));
  return canonical(a) === canonical(b);
}

/** Each block's expected assessments, set in place: a template a published cohort uses may change them. */
async function writeExpectedAssessments(em: EntityManager, templateId: string, blocks: TemplateBody['blocks']): Promise<void> {
  for (const b of blocks) await em.getRepository(TemplateBlockEntity).update({ templateId, code: b.id }, { assessments: b.assessments ?? {} });
}

/**
 * A template whose cohort has a published plan keeps its blocks: changing them in place would change
 * that cohort's rules under the plan it sent out (and every other cohort on the template). Saved as a
 * new template, the change reaches only the cohorts switched to it.
 */
async function refuseChangingPublished(em: EntityManager, cohorts: CohortRow[]): Promise<void> {
  if (cohorts.length === 0) return;
  const published = await em.getRepository(PlanEntity).find({ where: { cohortId: In(cohorts.map((c) => c.id)), status: 'published' } });
  const names = cohorts.filter((c) => published.some((p) => p.cohortId === c.id)).map((c) => c.name);
  if (names.length) throw inUse(`the template is used by ${names.join(', ')}, which ${names.length === 1 ? 'has a published plan' : 'have published plans'}; save the change as a new template and switch the cohorts it is meant for`);
}

export class TemplateService {
  constructor(private readonly ds: DataSource) {}

  async list(regionId: string): Promise<TemplateResource[]> {
    await found(this.ds.manager, RegionEntity, regionId, 'region');
    const rows = await this.ds.getRepository(TemplateEntity).find({ where: { regionId }, order: { name: 'ASC' } });
    return Promise.all(rows.map((row) => toResource(this.ds.manager, row)));
  }

  async get(id: string): Promise<TemplateResource> {
    return toResource(this.ds.manager, await found(this.ds.manager, TemplateEntity, id, 'template'));
  }

  async create(regionId: string, body: TemplateBody, actor: string): Promise<TemplateResource> {
    return this.ds.transaction(async (em) => {
      await found(em, RegionEntity, regionId, 'region');
      await refuseUnknownKinds(em, regionId, body.blocks);
      const row = await insertTemplate(em, regionId, body);
      await audit(em, { regionId, actor, action: 'create', entity: 'template', entityId: row.id, after: body });
      return toResource(em, row);
    });
  }

  async update(id: string, body: TemplateUpdate, actor: string): Promise<TemplateResource> {
    return this.ds.transaction(async (em) => {
      const row = await found(em, TemplateEntity, id, 'template');
      const before = await toResource(em, row);
      const { version, ...template } = body;
      await refuseUnknownKinds(em, row.regionId, template.blocks);
      await updateVersioned(em, TemplateEntity, id, version, { name: template.name, unit: template.unit }, 'template');
      if (sameBlocks(before.blocks, template.blocks)) await writeExpectedAssessments(em, id, template.blocks);
      else {
        const cohorts = await em.getRepository(CohortEntity).find({ where: { templateId: id }, order: { name: 'ASC' } });
        await refuseChangingPublished(em, cohorts);
        // Blocks the cohorts' doctors name are kept: a template edit maps nothing, it is refused with the list.
        await keepDoctorReferences(em, cohorts.map((c) => c.id), before.blocks, template.blocks, false);
        await writeBlocks(em, id, template.blocks);
      }
      await audit(em, { regionId: row.regionId, actor, action: 'update', entity: 'template', entityId: id, before, after: template });
      return toResource(em, await found(em, TemplateEntity, id, 'template'));
    });
  }

  async remove(id: string, version: number, actor: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const row = await found(em, TemplateEntity, id, 'template');
      const before = await toResource(em, row);
      await deleteVersioned(em, TemplateEntity, id, version, 'template');
      await audit(em, { regionId: row.regionId, actor, action: 'delete', entity: 'template', entityId: id, before });
    });
  }
}
