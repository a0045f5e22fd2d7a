// Solver runs of a cohort: start (queued in PostgreSQL for any worker), read, cancel. A cohort
// with a published plan is replanned against it, from the coming Monday at the earliest: the
// past is a record (shared/domain/past-record.ts).
import type { DataSource } from 'typeorm';
import type { SolverProgress, SolverRun, SolverRunStart } from '../../shared/api/solver-runs';
import { comingMonday } from '../../shared/domain/replanning';
import { formatWeek, type Week } from '../../shared/domain/weeks';
import { systemClock, todayBy, type Clock } from '../clock';
import { CohortEntity } from '../entities/cohort';
import { PlanEntity } from '../entities/plan';
import { SolverRunEntity, type SolverRunRow } from '../entities/solver-run';
import { ruleBroken } from '../http/errors';
import { audit } from './audit';
import { found } from './locking';

export function solverRunOf(row: SolverRunRow): SolverRun {
  return {
    uuid: row.id,
    cohort: row.cohortId,
    status: row.status,
    parameters: row.parameters as SolverRunStart,
    progress: row.progress as SolverProgress | null,
    plans: (row.result as SolverRun['plans']) ?? null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    plan: row.planId,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export class SolverRunService {
  constructor(
    private readonly ds: DataSource,
    /** Tells this process's queue that work is waiting (other processes poll). */
    private readonly wake: () => void = () => {},
    /** "Today": a replan keeps the published plan up to the coming Monday (server/clock.ts). */
    private readonly clock: Clock = systemClock,
  ) {}

  async start(cohortId: string, parameters: SolverRunStart, actor: string): Promise<SolverRun> {
    const run = await this.ds.transaction(async (em) => {
      const cohort = await found(em, CohortEntity, cohortId, 'cohort');
      const replan = (await em.getRepository(PlanEntity).existsBy({ cohortId, status: 'published' })) ? { frozenBefore: this.frozenBefore(parameters.frozenBefore) } : {};
      const stored = { ...parameters, ...replan };
      const row = await em.getRepository(SolverRunEntity).save({ cohortId, status: 'queued', parameters: stored, createdBy: actor });
      await audit(em, { regionId: cohort.regionId, actor, action: 'start', entity: 'solver-run', entityId: row.id, after: stored });
      return row;
    });
    this.wake();
    return solverRunOf(run);
  }

  /**
   * Replanning keeps everything that started up to this week: the coming Monday by the server's
   * clock unless a later one is asked for; an earlier one would let the solver rewrite the past.
   */
  private frozenBefore(asked: Week | undefined): Week {
    const coming = comingMonday(todayBy(this.clock));
    if (asked === undefined) return coming;
    if (asked < coming) {
      throw ruleBroken(`frozenBefore: ${asked} (${formatWeek(asked, 'en')}) lies before the coming Monday; the published plan is a record up to then, so replan from ${formatWeek(coming, 'sv')} (${coming}) or later`);
    }
    return asked;
  }

  async get(id: string): Promise<SolverRun> {
    return solverRunOf(await found(this.ds.manager, SolverRunEntity, id, 'solver run'));
  }

  async list(cohortId: string): Promise<SolverRun[]> {
    await found(this.ds.manager, CohortEntity, cohortId, 'cohort');
    const rows = await this.ds.getRepository(SolverRunEntity).find({ where: { cohortId }, order: { createdAt: 'DESC' }, take: 50 });
    return rows.map(solverRunOf);
  }

  /** A queued run never starts; a running one is stopped by its worker at its next check. */
  async cancel(id: string, actor: string): Promise<SolverRun> {
    return this.ds.transaction(async (em) => {
      const row = await found(em, SolverRunEntity, id, 'solver run');
      const result = await em
        .getRepository(SolverRunEntity)
        .createQueryBuilder()
        .update()
        .set({ status: 'cancelled', finishedAt: () => 'now()' })
        .where(`id = :id AND status IN ('queued', 'running')`, { id })
        .execute();
      if (result.affected !== 1) throw ruleBroken(`the solver run is ${row.status} and can no longer be cancelled`);
      const cohort = await found(em, CohortEntity, row.cohortId, 'cohort');
      await audit(em, { regionId: cohort.regionId, actor, action: 'cancel', entity: 'solver-run', entityId: id });
      return solverRunOf(await found(em, SolverRunEntity, id, 'solver run'));
    });
  }
}
