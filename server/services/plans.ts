// Plan versions of a cohort: drafts (empty, copied from the published one or any other version,
// or from a solver run), edits answered with the plan's violations, diffs, publishing (refused
// while the plan has errors or rewrites the past), archiving and discarding drafts. Placement
// ids live across versions; a placement's sequence grows when a publication changes it.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlanCreate, PlanEdit, PlanResource, PlanSummary, StoredAssignment } from '../../shared/api/plans';
import { pastChanges, type PastChange } from '../../shared/domain/past-record';
import { planDiff, type PlanChange } from '../../shared/domain/plan-diff';
import { planErrors, validatePlan } from '../../shared/domain/validate-plan';
import type { Violation } from '../../shared/domain/violations';
import type { Assignment, Plan } from '../../shared/format/plan';
import type { Problem } from '../../shared/format/problem';
import { CohortEntity } from '../entities/cohort';
import { PlanEntity, type PlanRow } from '../entities/plan';
import { PlanCheckEntity } from '../entities/plan-check';
import { SolverRunEntity } from '../entities/solver-run';
import { HttpError, notFound, pastChanged, publishedKept, regionOverloaded, ruleBroken, staleVersion } from '../http/errors';
import { systemClock, todayBy, type Clock } from '../clock';
import { cohortProblem } from '../repositories/cohort-problem';
import { ProblemCache } from '../repositories/problem-cache';
import { regionRevision } from '../repositories/revisions';
import { audit } from './audit';
import { deleteVersioned, found, lockRegionCapacity, updateVersioned } from './locking';

/** Doctor and site codes ↔ database ids for one cohort. */
interface Codes {
  regionId: string;
  doctorId: Map<string, string>;
  doctorCode: Map<string, string>;
  siteId: Map<string, string>;
  siteCode: Map<string, string>;
}

async function codesOf(em: EntityManager, cohortId: string): Promise<Codes> {
  // One round trip: every edit and view of a plan maps its ~1,200 assignments through these.
  const [row]: { regionId: string; doctors: [string, string][]; sites: [string, string][] }[] = await em.query(
    `SELECT c.region_id AS "regionId",
            COALESCE((SELECT json_agg(json_build_array(d.id, d.code)) FROM doctors d WHERE d.cohort_id = c.id), '[]') AS doctors,
            COALESCE((SELECT json_agg(json_build_array(s.id, s.code)) FROM sites s WHERE s.region_id = c.region_id), '[]') AS sites
       FROM cohorts c WHERE c.id = $1`,
    [cohortId],
  );
  if (!row) throw notFound('cohort');
  return {
    regionId: row.regionId,
    doctorId: new Map(row.doctors.map(([id, code]) => [code, id])),
    doctorCode: new Map(row.doctors),
    siteId: new Map(row.sites.map(([id, code]) => [code, id])),
    siteCode: new Map(row.sites),
  };
}

/** 403 naming the doctors (by code) of other towns whose assignments the changes touch. */
async function refuseOtherTownsChanges(em: EntityManager, cohortId: string, changes: PlanChange[], towns: ReadonlySet<string>): Promise<void> {
  const changed = [...new Set(changes.map((c) => c.doctor))];
  if (changed.length === 0) return;
  const rows: { code: string }[] = await em.query(
    `SELECT code FROM doctors WHERE cohort_id = $1 AND code = ANY($2::text[]) AND (town IS NULL OR NOT town = ANY($3::text[])) ORDER BY code`,
    [cohortId, changed, [...towns]],
  );
  if (rows.length) throw new HttpError(403, 'Forbidden', `your account is limited to ${[...towns].join(', ')}: the edit changes doctors of other towns (${rows.map((r) => r.code).join(', ')})`);
}

function summaryOf(row: PlanRow): PlanSummary {
  return {
    uuid: row.id,
    version: row.version,
    cohort: row.cohortId,
    number: row.number,
    status: row.status,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    objective: row.objective === null ? null : Number(row.objective),
    bound: row.bound === null ? null : Number(row.bound),
  };
}

/** An assignment as stored, by database ids. */
interface AssignmentIds {
  doctor_id: string;
  block: string;
  site_id: string | null;
  from: string;
  to: string;
  placement_id: string;
  sequence: number;
}

function readAssignments(em: EntityManager, planId: string): Promise<AssignmentIds[]> {
  // Plain rows: a plan has ~1,200 and is read on every edit and view (entities cost more than the query).
  return em.query(`SELECT doctor_id, block, site_id, from_week::text AS "from", to_week::text AS "to", placement_id, sequence FROM assignments WHERE plan_id = $1`, [planId]);
}

const byCode = new Intl.Collator().compare;

/** By doctor code, then start: the order every answer lists a plan's assignments in. */
function sortAssignments<T extends Assignment>(assignments: T[]): T[] {
  return assignments.sort((a, b) => byCode(a.doctor, b.doctor) || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

function storedOf(rows: AssignmentIds[], codes: Codes): StoredAssignment[] {
  return sortAssignments(
    rows.map((r) => ({
      doctor: codes.doctorCode.get(r.doctor_id)!,
      block: r.block,
      site: r.site_id === null ? null : codes.siteCode.get(r.site_id)!,
      from: r.from,
      to: r.to,
      placement: r.placement_id,
      sequence: r.sequence,
    })),
  );
}

async function storedAssignments(em: EntityManager, planId: string, codes: Codes): Promise<StoredAssignment[]> {
  return storedOf(await readAssignments(em, planId), codes);
}

/**
 * Writes a plan's assignments, keeping the placement id of the same doctor and block in `keep`.
 * Over a plan's own assignments (`current`), only what differs is written: an edit moves a few.
 */
async function writeAssignments(em: EntityManager, planId: string, assignments: Assignment[], codes: Codes, keep: StoredAssignment[], current: StoredAssignment[] = []): Promise<StoredAssignment[]> {
  const kept = new Map(keep.map((a) => [`${a.doctor}/${a.block}`, a]));
  const rows = assignments.map((a, i) => {
    const doctorId = codes.doctorId.get(a.doctor);
    if (!doctorId) throw ruleBroken(`assignments[${i}].doctor: ${a.doctor} is not a doctor of this cohort`);
    const siteId = a.site === null ? null : codes.siteId.get(a.site);
    if (siteId === undefined) throw ruleBroken(`assignments[${i}].site: ${a.site} is not a site of this region`);
    const previous = kept.get(`${a.doctor}/${a.block}`);
    return { key: `${a.doctor}/${a.block}`, doctor: a.doctor, doctorId, block: a.block, site: a.site, siteId, from: a.from, to: a.to, placementId: previous?.placement ?? randomUUID(), sequence: previous?.sequence ?? 0 };
  });
  const stored = new Map(current.map((a) => [`${a.doctor}/${a.block}`, a]));
  const unique = new Set(rows.map((r) => r.key)).size === rows.length;
  // The same doctor and block twice is left to the database's unique constraint, as a whole rewrite.
  const unchanged = (r: (typeof rows)[number]) => {
    const was = stored.get(r.key);
    return unique && was !== undefined && was.site === r.site && was.from === r.from && was.to === r.to && was.placement === r.placementId && was.sequence === r.sequence;
  };
  const staying = new Set(rows.filter(unchanged).map((r) => r.key));
  const gone = [...stored.keys()].filter((key) => !staying.has(key));
  if (gone.length === stored.size) await em.query(`DELETE FROM assignments WHERE plan_id = $1`, [planId]);
  else if (gone.length) {
    const [doctors, blocks] = [gone.map((key) => codes.doctorId.get(stored.get(key)!.doctor)!), gone.map((key) => stored.get(key)!.block)];
    await em.query(`DELETE FROM assignments a USING unnest($2::uuid[], $3::text[]) AS g(doctor_id, block) WHERE a.plan_id = $1 AND a.doctor_id = g.doctor_id AND a.block = g.block`, [planId, doctors, blocks]);
  }
  const added = rows.filter((r) => !staying.has(r.key));
  const written = sortAssignments(rows.map((r) => ({ doctor: r.doctor, block: r.block, site: r.site, from: r.from, to: r.to, placement: r.placementId, sequence: r.sequence })));
  if (added.length === 0) return written;
  await em.query(
    `INSERT INTO assignments (plan_id, placement_id, sequence, doctor_id, block, site_id, from_week, to_week, changed_at)
     SELECT $1, * , NULL FROM unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::uuid[], $7::date[], $8::date[])`,
    [planId, added.map((r) => r.placementId), added.map((r) => r.sequence), added.map((r) => r.doctorId), added.map((r) => r.block), added.map((r) => r.siteId), added.map((r) => r.from), added.map((r) => r.to)],
  );
  return written;
}

/** 422 `/problems/region-capacity` when the plan overloads sites together with the region's other published plans. */
function refuseRegionOverload(problem: Problem, errors: Violation[]): void {
  const overloads = errors.filter((v) => v.code === 'capacity' && v.load !== undefined && v.load.others > 0);
  if (overloads.length === 0) return;
  const names = new Map(problem.sites.map((s) => [s.id, s.name]));
  // Capacity violations always name their site and weeks.
  const siteWeeks = overloads.map((v) => ({ site: v.site!, siteName: names.get(v.site!) ?? v.site!, from: v.from!, to: v.to!, ...v.load! }));
  const detail = overloads.map((v) => v.message_en).join('; ');
  throw regionOverloaded(`published, the plan would put sites over capacity together with the region's other published plans: ${detail}`, siteWeeks);
}

/** 422 `/problems/past-changed` when the plan rewrites what has already happened. */
function refusePastChanges(changes: PastChange[]): void {
  if (changes.length === 0) return;
  const detail = changes.slice(0, 5).map((c) => c.message_en).join('; ');
  throw pastChanged(`the plan changes ${changes.length} placements or weeks that have already started: ${detail}${changes.length > 5 ? '; …' : ''}`, changes);
}

export class PlanService {
  /** Assignments of published and archived plans by plan id, least recently used first (assignmentsOf). */
  private readonly sentOut = new Map<string, AssignmentIds[]>();

  constructor(
    private readonly ds: DataSource,
    /** "Today" for the past record (server/clock.ts). */
    private readonly clock: Clock = systemClock,
    private readonly problems = new ProblemCache(),
  ) {}

  async list(cohortId: string): Promise<PlanSummary[]> {
    await found(this.ds.manager, CohortEntity, cohortId, 'cohort');
    return (await this.ds.getRepository(PlanEntity).find({ where: { cohortId }, order: { number: 'DESC' } })).map(summaryOf);
  }

  async get(id: string): Promise<PlanResource> {
    return this.resource(this.ds.manager, await found(this.ds.manager, PlanEntity, id, 'plan'));
  }

  async create(cohortId: string, body: PlanCreate, actor: string): Promise<PlanResource> {
    return this.ds.transaction((em) => this.createIn(em, cohortId, body, actor));
  }

  /** Inside the caller's transaction (the solver queue makes its draft with the run's result). */
  async createIn(em: EntityManager, cohortId: string, body: PlanCreate, actor: string, given?: Assignment[]): Promise<PlanResource> {
    const codes = await codesOf(em, cohortId);
    const published = await em.getRepository(PlanEntity).findOneBy({ cohortId, status: 'published' });
    // Given assignments (draftIn) get placement ids of their own, as an import's do.
    let keep = published && !given ? await this.assignmentsOf(em, published, codes) : [];
    let assignments: Assignment[] = given ?? [];
    let figures: Pick<PlanRow, 'objective' | 'bound'> = { objective: null, bound: null };
    let source: number | undefined;
    if (body.from === 'published') {
      if (!published) throw ruleBroken('the cohort has no published plan to copy');
      assignments = keep;
    } else if (body.from === 'version') {
      const version = await found(em, PlanEntity, body.plan, 'plan');
      if (version.cohortId !== cohortId) throw ruleBroken(`plan ${body.plan} belongs to another cohort`);
      source = version.number;
      const copied = await this.assignmentsOf(em, version, codes);
      assignments = copied;
      // The published plan's placement ids win, as in a copy of it; the version's own fill in.
      keep = [...copied, ...keep];
    } else if (body.from === 'run') {
      const plan = await this.runPlan(em, cohortId, body.run, body.variant);
      assignments = plan.assignments;
      figures = { objective: plan.objective?.toString() ?? null, bound: plan.bound?.toString() ?? null };
    }
    const row = await this.insertDraft(em, cohortId, actor, figures);
    await writeAssignments(em, row.id, assignments.map(({ doctor, block, site, from, to }) => ({ doctor, block, site, from, to })), codes, keep);
    await audit(em, { regionId: (await found(em, CohortEntity, cohortId, 'cohort')).regionId, actor, action: 'create', entity: 'plan', entityId: row.id, after: { number: row.number, from: body.from, ...(source !== undefined ? { source } : {}) } });
    return this.resource(em, row);
  }

  /** `towns`: the editor is a coordinator limited to those towns and may change only their doctors' assignments. */
  async edit(id: string, body: PlanEdit, actor: string, towns?: ReadonlySet<string>): Promise<PlanResource> {
    return this.ds.transaction(async (em) => {
      const row = await found(em, PlanEntity, id, 'plan');
      // A stale version first: an edit that lost to a publish of the same draft is a conflict.
      if (row.version !== body.version) throw staleVersion('plan');
      if (row.status !== 'draft') throw ruleBroken(`plan ${row.number} is ${row.status}: edit a new draft instead`);
      await updateVersioned(em, PlanEntity, id, body.version, {}, 'plan');
      const codes = await codesOf(em, row.cohortId);
      const before = await storedAssignments(em, id, codes);
      if (towns) await refuseOtherTownsChanges(em, row.cohortId, planDiff(before, body.assignments), towns);
      const after = await writeAssignments(em, id, body.assignments, codes, before, before);
      // The entry says what the edit changed, doctor by doctor and block by block.
      await audit(em, { regionId: codes.regionId, actor, action: 'update', entity: 'plan', entityId: id, after: { changes: planDiff(before, body.assignments) } });
      return this.resource(em, await found(em, PlanEntity, id, 'plan'), { codes, assignments: after });
    });
  }

  async diff(id: string, againstId: string): Promise<PlanChange[]> {
    const em = this.ds.manager;
    const plan = await found(em, PlanEntity, id, 'plan');
    const against = await found(em, PlanEntity, againstId, 'plan');
    if (plan.cohortId !== against.cohortId) throw ruleBroken('the two plans belong to different cohorts');
    const codes = await codesOf(em, plan.cohortId);
    return planDiff(await storedAssignments(em, againstId, codes), await storedAssignments(em, id, codes));
  }

  /** Publishes a draft without errors; the published one before it is archived. */
  async publish(id: string, version: number, actor: string): Promise<PlanResource> {
    return this.ds.transaction((em) => this.publishIn(em, id, version, actor));
  }

  async publishIn(em: EntityManager, id: string, version: number, actor: string): Promise<PlanResource> {
    const { cohortId } = await found(em, PlanEntity, id, 'plan');
    const cohort = await found(em, CohortEntity, cohortId, 'cohort');
    const publishedNow = async () => (await em.getRepository(PlanEntity).findOneBy({ cohortId, status: 'published' })) ?? undefined;
    // The plan this publication replaces, as the request found it.
    const replacing = await publishedNow();
    // One publication in the region at a time: each checks the capacity against the others'
    // published plans, so two that fit alone but not together cannot both pass.
    await lockRegionCapacity(em, cohort.regionId);
    const row = await found(em, PlanEntity, id, 'plan');
    // A stale version first: the loser of two publishes at once reads the winner's "published".
    if (row.version !== version) throw staleVersion('plan');
    if (row.status !== 'draft') throw ruleBroken(`plan ${row.number} is ${row.status}; only a draft can be published`);
    // Another draft of the cohort was published while this one waited: the two clash, as they
    // would have without the wait (one published later, after a look, replaces it as usual).
    const previous = await publishedNow();
    if (previous?.id !== replacing?.id) throw staleVersion("the cohort's published plan");
    const codes = await codesOf(em, cohortId);
    const problem = await cohortProblem(em, cohortId);
    const assignments = await storedAssignments(em, id, codes);
    const record = previous ? await this.assignmentsOf(em, previous, codes) : [];
    refusePastChanges(pastChanges(record, assignments, todayBy(this.clock), problem));
    const errors = planErrors(problem, { assignments });
    refuseRegionOverload(problem, errors);
    if (errors.length) throw ruleBroken(`the plan has ${errors.length} errors: ${errors.slice(0, 5).map((e) => e.message_en).join('; ')}`);
    // Only while still published: a publish that raced this one may have archived it already.
    if (previous) await em.getRepository(PlanEntity).update({ id: previous.id, status: 'published' }, { status: 'archived' });
    // The draft is locked (as an edit locks it) and checked before its assignments are stamped:
    // the assignments' trigger locks the plan too, so taking it later could deadlock with an edit.
    const [locked] = await em.query(`SELECT version FROM plans WHERE id = $1 FOR NO KEY UPDATE`, [id]);
    if (!locked) throw notFound('plan');
    if (locked.version !== version) throw staleVersion('plan');
    // Stamped while still a draft: once published, its assignments cannot change (trigger).
    await this.stampChanges(em, id, previous?.id);
    await updateVersioned(em, PlanEntity, id, version, { status: 'published', publishedAt: new Date() }, 'plan');
    // How many placements the publication changes for the calendars (a first one: all of them).
    await audit(em, { regionId: cohort.regionId, actor, action: 'publish', entity: 'plan', entityId: id, after: { number: row.number, changes: planDiff(record, assignments).length } });
    return this.resource(em, await found(em, PlanEntity, id, 'plan'));
  }

  /** A draft holding `assignments`, inside the caller's transaction (demo data, imports). */
  async draftIn(em: EntityManager, cohortId: string, assignments: Assignment[], actor: string): Promise<PlanResource> {
    // Written before the draft is first answered: its stored check is of these assignments.
    return this.createIn(em, cohortId, { from: 'empty' }, actor, assignments);
  }

  async archive(id: string, version: number, actor: string): Promise<PlanResource> {
    return this.ds.transaction(async (em) => {
      const row = await found(em, PlanEntity, id, 'plan');
      if (row.status === 'archived') throw ruleBroken(`plan ${row.number} is already archived`);
      await updateVersioned(em, PlanEntity, id, version, { status: 'archived', publishedAt: row.publishedAt ?? new Date() }, 'plan');
      const cohort = await found(em, CohortEntity, row.cohortId, 'cohort');
      await audit(em, { regionId: cohort.regionId, actor, action: 'archive', entity: 'plan', entityId: id, after: { number: row.number } });
      return this.resource(em, await found(em, PlanEntity, id, 'plan'));
    });
  }

  /** Throws a draft away (a solver run that made it keeps its result); published and archived plans are kept (409). */
  async discard(id: string, version: number, actor: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      // Locked first: a publish or an edit of the same draft at the same time is waited for.
      const row = await em.getRepository(PlanEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('plan');
      if (row.version !== version) throw staleVersion('plan');
      if (row.status !== 'draft') throw publishedKept(`plan ${row.number} is ${row.status} and is kept as it was sent out; only a draft can be discarded`);
      // Its assignments go with it (ON DELETE CASCADE); solver_runs.plan_id becomes null.
      await deleteVersioned(em, PlanEntity, id, version, 'plan');
      const cohort = await found(em, CohortEntity, row.cohortId, 'cohort');
      await audit(em, { regionId: cohort.regionId, actor, action: 'delete', entity: 'plan', entityId: id, before: { number: row.number } });
    });
  }

  /**
   * Against the version published before: a placement that differs gets the next sequence
   * number and now as its change time, one that does not keeps both, a new one starts at 0 now.
   */
  private async stampChanges(em: EntityManager, planId: string, publishedId: string | undefined): Promise<void> {
    const differs = `(a.site_id IS DISTINCT FROM p.site_id OR a.from_week <> p.from_week OR a.to_week <> p.to_week)`;
    if (publishedId) {
      await em.query(
        `UPDATE assignments a SET sequence = CASE WHEN ${differs} THEN p.sequence + 1 ELSE p.sequence END,
                                  changed_at = CASE WHEN ${differs} THEN now() ELSE p.changed_at END
           FROM assignments p
          WHERE a.plan_id = $1 AND p.plan_id = $2 AND p.placement_id = a.placement_id`,
        [planId, publishedId],
      );
    }
    await em.query(`UPDATE assignments SET changed_at = now() WHERE plan_id = $1 AND changed_at IS NULL`, [planId]);
  }

  private async insertDraft(em: EntityManager, cohortId: string, actor: string, figures: Pick<PlanRow, 'objective' | 'bound'>): Promise<PlanRow> {
    // Drafts of a cohort are numbered one at a time (the cohort row is the lock), so two made at
    // once, or a solver run finishing while a coordinator makes one, never clash on a number.
    await em.query(`SELECT 1 FROM cohorts WHERE id = $1 FOR NO KEY UPDATE`, [cohortId]);
    const [{ next }] = await em.query(`SELECT COALESCE(MAX(number), 0) + 1 AS next FROM plans WHERE cohort_id = $1`, [cohortId]);
    return em.getRepository(PlanEntity).save({ cohortId, number: Number(next), status: 'draft', createdBy: actor, publishedAt: null, ...figures });
  }

  private async runPlan(em: EntityManager, cohortId: string, runId: string, variant: number): Promise<Plan> {
    const run = await found(em, SolverRunEntity, runId, 'solver run');
    if (run.cohortId !== cohortId) throw ruleBroken('the solver run belongs to another cohort');
    if (run.status !== 'succeeded') throw ruleBroken(`the solver run is ${run.status}, not succeeded`);
    const plans = run.result as Plan[];
    const plan = plans[variant];
    if (!plan) throw ruleBroken(`the solver run has no variant ${variant}`);
    if (plan.assignments.length === 0) throw ruleBroken(`the solver found no plan (${plan.status})`);
    return plan;
  }

  /** The plan as answered; `known`: its codes and assignments when the caller has just read or written them. */
  private async resource(em: EntityManager, row: PlanRow, known?: { codes: Codes; assignments: StoredAssignment[] }): Promise<PlanResource> {
    const codes = known?.codes ?? (await codesOf(em, row.cohortId));
    const assignments = known?.assignments ?? (await this.assignmentsOf(em, row, codes));
    let problem: Problem | undefined;
    const problemOf = async () => (problem ??= await this.problems.get(em, row.cohortId));
    const violations = await this.violationsOf(em, row, codes.regionId, assignments, problemOf);
    return { ...summaryOf(row), assignments, violations, pastChanges: row.status === 'draft' ? await this.pastChangesOf(em, await problemOf(), row.cohortId, assignments, codes) : [] };
  }

  /**
   * The plan version's violations as stored when it was last checked, while the region's planning
   * inputs are as they were then; else checked now and stored (an edit stores them as it writes).
   */
  private async violationsOf(em: EntityManager, row: PlanRow, regionId: string, assignments: Assignment[], problemOf: () => Promise<Problem>): Promise<Violation[]> {
    // Read before the inputs: a change committed in between leaves the check stored under the older revision, so the next read checks again.
    const revision = await regionRevision(em, regionId);
    const stored = await em.getRepository(PlanCheckEntity).findOneBy({ planId: row.id });
    if (stored && stored.planVersion === row.version && stored.inputsRevision === revision) return stored.violations;
    const violations = validatePlan(await problemOf(), { assignments });
    await em.query(
      `INSERT INTO plan_checks (plan_id, plan_version, inputs_revision, violations) VALUES ($1, $2, $3, $4)
       ON CONFLICT (plan_id) DO UPDATE SET plan_version = EXCLUDED.plan_version, inputs_revision = EXCLUDED.inputs_revision, violations = EXCLUDED.violations`,
      [row.id, row.version, revision, JSON.stringify(violations)],
    );
    return violations;
  }

  /** What a draft would rewrite of the published plan's record, by the server's today. */
  private async pastChangesOf(em: EntityManager, problem: Problem, cohortId: string, assignments: Assignment[], codes: Codes): Promise<PastChange[]> {
    const published = await em.getRepository(PlanEntity).findOneBy({ cohortId, status: 'published' });
    if (!published) return [];
    return pastChanges(await this.assignmentsOf(em, published, codes), assignments, todayBy(this.clock), problem);
  }

  /**
   * A plan's assignments. A published or archived plan's never change (the database refuses it),
   * so they are read once per process; a draft's every time.
   */
  private async assignmentsOf(em: EntityManager, plan: Pick<PlanRow, 'id' | 'status'>, codes: Codes): Promise<StoredAssignment[]> {
    if (plan.status === 'draft') return storedAssignments(em, plan.id, codes);
    let rows = this.sentOut.get(plan.id);
    if (rows) this.sentOut.delete(plan.id);
    else rows = await readAssignments(em, plan.id);
    this.sentOut.set(plan.id, rows);
    if (this.sentOut.size > 32) this.sentOut.delete(this.sentOut.keys().next().value!);
    return storedOf(rows, codes);
  }
}
