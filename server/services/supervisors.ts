// The clinical supervisors (handledare) of a doctor's placements, one per template block, and a
// supervisor account's view of the doctors it supervises (by its email).
import type { DataSource, EntityManager } from 'typeorm';
import type { PlacementSupervisor, PlacementSupervisorsBody, Supervision } from '../../shared/api/assessments';
import { blockLabel } from '../../shared/domain/labels';
import { formatPath } from '../../shared/format/issues';
import { ruleIssue } from '../../shared/format/rules';
import { CohortEntity } from '../entities/cohort';
import { DoctorEntity } from '../entities/doctor';
import { PlacementSupervisorEntity } from '../entities/placement-supervisor';
import { fieldsBroken } from '../http/errors';
import { publishedPlacements, type PublishedPlacement } from '../repositories/published-placements';
import { audit } from './audit';
import { found } from './locking';

interface BlockRow {
  code: string;
  kind: string;
  name: string | null;
}

/** The blocks of the doctor's cohort's template, in template order. */
async function templateBlocks(em: EntityManager, doctorId: string): Promise<BlockRow[]> {
  return em.query(
    `SELECT tb.code, tb.kind, tb.name
       FROM doctors d JOIN cohorts c ON c.id = d.cohort_id JOIN template_blocks tb ON tb.template_id = c.template_id
      WHERE d.id = $1 ORDER BY tb.position`,
    [doctorId],
  );
}

async function supervisorsOf(em: EntityManager, doctorId: string): Promise<PlacementSupervisor[]> {
  const rows: { block: string; name: string; email: string | null }[] = await em.query(
    `SELECT ps.block, ps.name, ps.email
       FROM placement_supervisors ps
       JOIN doctors d ON d.id = ps.doctor_id
       JOIN cohorts c ON c.id = d.cohort_id
       LEFT JOIN template_blocks tb ON tb.template_id = c.template_id AND tb.code = ps.block
      WHERE ps.doctor_id = $1
      ORDER BY tb.position NULLS LAST, ps.block`,
    [doctorId],
  );
  return rows.map((r) => ({ block: r.block, name: r.name, ...(r.email !== null ? { email: r.email } : {}) }));
}

export class SupervisorService {
  constructor(private readonly ds: DataSource) {}

  /** The doctor's handledare, one per block, in template order. */
  async list(doctorId: string): Promise<PlacementSupervisor[]> {
    await found(this.ds.manager, DoctorEntity, doctorId, 'doctor');
    return supervisorsOf(this.ds.manager, doctorId);
  }

  /** Replaces the doctor's handledare with the body's; each names a block of the cohort's template (422 otherwise). */
  async replace(doctorId: string, body: PlacementSupervisorsBody, actor: string): Promise<PlacementSupervisor[]> {
    return this.ds.transaction(async (em) => {
      const doctor = await found(em, DoctorEntity, doctorId, 'doctor');
      const cohort = await found(em, CohortEntity, doctor.cohortId, 'cohort');
      const blocks = new Set((await templateBlocks(em, doctorId)).map((b) => b.code));
      const unknown = body.supervisors.flatMap((s, i) => (blocks.has(s.block) ? [] : [{ path: formatPath(['supervisors', i, 'block']), message: ruleIssue('not-in-template', { id: s.block }).message }]));
      if (unknown.length) throw fieldsBroken(unknown);
      const before = await supervisorsOf(em, doctorId);
      await em.getRepository(PlacementSupervisorEntity).delete({ doctorId });
      if (body.supervisors.length) {
        await em.getRepository(PlacementSupervisorEntity).insert(body.supervisors.map((s) => ({ doctorId, block: s.block, name: s.name, email: s.email ?? null })));
      }
      // The doctor's code and the blocks with a handledare; the supervisors' names and emails stay out of the log.
      const blocksOf = (list: { block: string }[]) => list.map((s) => s.block);
      await audit(em, { regionId: cohort.regionId, actor, action: 'update', entity: 'placement-supervisors', entityId: doctorId, before: { id: doctor.code, blocks: blocksOf(before) }, after: { id: doctor.code, blocks: blocksOf(body.supervisors) } });
      return supervisorsOf(em, doctorId);
    });
  }

  /**
   * The doctors a supervisor account supervises (placements whose handledare has its email), each
   * with the supervised blocks and their weeks and sites in the published plan (null when unplanned).
   * The real name even under protected identity: the coordinator named this supervisor for this
   * doctor, whom they meet in person and whose assessments they record.
   */
  async supervision(email: string): Promise<Supervision> {
    const em = this.ds.manager;
    const rows: { doctor_id: string; doctor_name: string; cohort_name: string; block: string; kind: string | null; block_name: string | null }[] = await em.query(
      `SELECT d.id AS doctor_id, d.name AS doctor_name, c.name AS cohort_name, ps.block, tb.kind, tb.name AS block_name
         FROM placement_supervisors ps
         JOIN doctors d ON d.id = ps.doctor_id
         JOIN cohorts c ON c.id = d.cohort_id
         LEFT JOIN template_blocks tb ON tb.template_id = c.template_id AND tb.code = ps.block
        WHERE ps.email = $1
        ORDER BY c.name, d.name, d.id, tb.position NULLS LAST, ps.block`,
      [email.toLowerCase()],
    );
    const out = new Map<string, Supervision[number]>();
    const placements = new Map<string, PublishedPlacement[]>();
    for (const r of rows) {
      let doctor = out.get(r.doctor_id);
      if (!doctor) {
        doctor = { doctor: r.doctor_id, name: r.doctor_name, cohort: r.cohort_name, placements: [] };
        out.set(r.doctor_id, doctor);
        placements.set(r.doctor_id, await publishedPlacements(em, { doctorId: r.doctor_id }));
      }
      const placed = placements.get(r.doctor_id)!.find((p) => p.block === r.block);
      doctor.placements.push({
        block: r.block,
        blockName: blockLabel({ id: r.block, kind: r.kind ?? r.block, ...(r.block_name !== null ? { name: r.block_name } : {}) }, 'sv'),
        siteName: placed?.siteName ?? null,
        from: placed?.from ?? null,
        to: placed?.to ?? null,
      });
    }
    return [...out.values()];
  }
}
