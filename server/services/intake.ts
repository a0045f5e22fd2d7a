// A new intake (nytt intag) from a cohort, checked before anything is saved: no cohort is made
// whose doctors' year cannot be laid out.
import type { EntityManager } from 'typeorm';
import type { CohortIntake } from '../../shared/api/cohorts';
import type { DoctorBody } from '../../shared/api/doctors';
import { intakeBlocks, intakeDoctor } from '../../shared/domain/intake';
import { absenceWeeksOf } from '../../shared/domain/leave-days';
import { weeksBetween } from '../../shared/domain/weeks';
import { PROBLEM_FORMAT, type Block, type Doctor, type Problem } from '../../shared/format/problem';
import { CohortEntity, type CohortRow } from '../entities/cohort';
import { DoctorEntity } from '../entities/doctor';
import { TemplateEntity } from '../entities/template';
import { noLayout } from '../http/errors';
import { layoutFailure } from '../solver/layout-failure';
import { doctorModel } from '../solver/model';
import { audit } from './audit';
import { doctorResources, insertDoctor } from './doctors';
import { found } from './locking';
import { insertTemplate, templateBlocksWithAssessments } from './templates';

/**
 * The new cohort: the source's template, or a copy of it (named after the cohort) when windows or
 * cohort weeks move to the new year; the doctors' setup anew from `start` when asked. Refused
 * (422 /problems/no-layout) when a doctor's year — or, without doctors, a full-time year from
 * `start` — has no layout, naming the first rule that cannot hold.
 */
export async function newIntake(em: EntityManager, sourceId: string, body: CohortIntake, actor: string): Promise<CohortRow> {
  const source = await found(em, CohortEntity, sourceId, 'cohort');
  // With the assessments each block expects: a copied template keeps them.
  const blocks = await templateBlocksWithAssessments(em, source.templateId);
  const doctors = await doctorResources(em, await em.getRepository(DoctorEntity).find({ where: { cohortId: sourceId }, order: { code: 'ASC' } }));
  // The source's intake is its first doctor's start; cohort weeks move as far as the intake does.
  const sourceStart = doctors.reduce<string | undefined>((first, d) => (first === undefined || d.start < first ? d.start : first), undefined);
  const moved = intakeBlocks(blocks, body.start, sourceStart === undefined ? undefined : weeksBetween(sourceStart, body.start));
  const copied: DoctorBody[] = body.copyDoctors ? doctors.map(({ uuid: _u, version: _v, ...d }) => intakeDoctor(d, body.start)) : [];
  refuseWithoutLayout(moved.map(({ assessments: _a, ...block }) => block), copied, body.start);

  let templateId = source.templateId;
  if (moved.some((b, i) => b !== blocks[i])) {
    const template = await found(em, TemplateEntity, source.templateId, 'template');
    templateId = (await insertTemplate(em, source.regionId, { name: await freeTemplateName(em, source.regionId, body.name), unit: template.unit, blocks: moved })).id;
  }
  // Study time recurs from each doctor's start; BT-råd meetings are dated, so they stay with the source.
  const row = await em.getRepository(CohortEntity).save({ regionId: source.regionId, templateId, name: body.name, teaching: source.teaching, kollegiumMonths: source.kollegiumMonths, studyTime: source.studyTime, councils: [] });
  for (const doctor of copied) await insertDoctor(em, row.id, doctor);
  await audit(em, { regionId: source.regionId, actor, action: 'create', entity: 'cohort', entityId: row.id, after: { intakeOf: sourceId, ...body, template: templateId, doctors: copied.length } });
  return row;
}

/** The cohort's name for its own template, or with " (2)", " (3)"… when the region has a template of that name. */
async function freeTemplateName(em: EntityManager, regionId: string, name: string): Promise<string> {
  const taken = new Set((await em.getRepository(TemplateEntity).find({ where: { regionId }, select: { name: true } })).map((t) => t.name));
  let free = name;
  for (let n = 2; taken.has(free); n++) free = `${name} (${n})`;
  return free;
}

function refuseWithoutLayout(blocks: Block[], doctors: DoctorBody[], start: string): void {
  // Layouts depend on the template, the start, absences and pins, not on sites.
  const years: Doctor[] = doctors.length
    ? doctors.map(({ absences, ...d }) => ({ ...d, absences: absenceWeeksOf(absences) }))
    : [{ id: 'intake', name: 'BT-läkare', start, partTime: 1, absences: [], credits: [], pins: [], wishes: [], protectedIdentity: false }];
  const problem: Problem = { format: PROBLEM_FORMAT, name: 'intake', blocks, sites: [], doctors: years };
  for (const doctor of years) {
    if (doctorModel(problem, doctor).layouts.length > 0) continue;
    const why = layoutFailure(problem, doctor, doctors.length > 0);
    throw noLayout(`the year cannot be laid out: ${why.message_en}`, { ...(doctors.length > 0 ? { doctor: doctor.id } : {}), ...why });
  }
}
