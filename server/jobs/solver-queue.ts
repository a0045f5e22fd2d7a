// The solver job queue on PostgreSQL: any server or worker process claims the oldest queued
// run (FOR UPDATE SKIP LOCKED), solves it in a worker thread, reports progress as a heartbeat
// and stores the result together with its draft in one transaction. A run whose worker went
// silent (crash, restart) is failed with the reason; a cancelled run stops its worker.
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import type { SolverRunStart } from '../../shared/api/solver-runs';
import type { Problem } from '../../shared/format/problem';
import { SolverRunEntity } from '../entities/solver-run';
import { cohortProblem } from '../repositories/cohort-problem';
import { PlanService } from '../services/plans';
import { runSolverInWorker, SolverCancelled } from '../solver/run-in-worker';

export interface SolverQueueOptions {
  /** How often an idle queue looks for work, ms. */
  pollMs?: number;
  /** A running run without a heartbeat for this long is failed, s. */
  staleAfterSeconds?: number;
  /** Extra time beyond the run's own time limit before it is stopped as timed out, s. */
  graceSeconds?: number;
  /** Only fail silent runs, never claim one (a web process that leaves solving to workers). */
  watchOnly?: boolean;
  /** This process's name on the runs it claims; "host:pid" by default. */
  worker?: string;
  log?: (message: string, level?: 'info' | 'warn' | 'error') => void;
}

interface Claimed {
  id: string;
  cohortId: string;
  parameters: SolverRunStart;
  createdBy: string;
}

export class SolverQueue {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private stopped = true;
  private current: { id: string; cancel(): void } | undefined;
  private readonly plans: PlanService;
  private readonly worker: string;

  constructor(
    private readonly ds: DataSource,
    private readonly options: SolverQueueOptions = {},
  ) {
    this.plans = new PlanService(ds);
    this.worker = options.worker ?? `${hostname()}:${process.pid}`;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Looks for work now (a run was just queued in this process). */
  wake(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** Stops taking work; a run in progress goes back to the queue for another process. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const current = this.current;
    if (current) {
      current.cancel();
      await this.ds.query(`UPDATE solver_runs SET status = 'queued', started_at = NULL, heartbeat_at = NULL, progress = NULL, worker = NULL WHERE id = $1 AND status = 'running'`, [current.id]);
      this.options.log?.(`solver run ${current.id} back in the queue (this worker stops)`, 'info');
    }
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    if (this.busy || this.stopped) return;
    this.busy = true;
    let worked = false;
    try {
      await this.failStale();
      const claimed = this.options.watchOnly ? undefined : await this.claim();
      if (claimed) {
        worked = true;
        await this.run(claimed);
      }
    } catch (err) {
      this.options.log?.(`solver queue: ${(err as Error).message}`);
    } finally {
      this.busy = false;
      if (!this.stopped) this.schedule(worked ? 0 : (this.options.pollMs ?? 1000));
    }
  }

  private async failStale(): Promise<void> {
    const failed = await this.ds.query(
      `UPDATE solver_runs SET status = 'failed', error = concat_ws(' ', 'the solver worker', worker, 'stopped answering (crash or restart)'), finished_at = now()
        WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)
        RETURNING id, worker`,
      [this.options.staleAfterSeconds ?? 60],
    ).then(returnedRows<{ id: string; worker: string | null }>);
    for (const run of failed) this.options.log?.(`solver run ${run.id} failed: its worker ${run.worker ?? '(unknown)'} stopped answering`, 'warn');
  }

  private async claim(): Promise<Claimed | undefined> {
    const rows = await this.ds.query(
      `UPDATE solver_runs SET status = 'running', started_at = now(), heartbeat_at = now(), worker = $1
        WHERE id = (SELECT id FROM solver_runs WHERE status = 'queued' ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id, cohort_id, parameters, created_by`,
      [this.worker],
    ).then(returnedRows<{ id: string; cohort_id: string; parameters: SolverRunStart; created_by: string }>);
    const row = rows[0];
    if (row) this.options.log?.(`solver run ${row.id} claimed by ${this.worker}`, 'info');
    return row && { id: row.id, cohortId: row.cohort_id, parameters: row.parameters, createdBy: row.created_by };
  }

  private async run(claimed: Claimed): Promise<void> {
    const { id, parameters } = claimed;
    let problem: Problem;
    try {
      problem = await this.problemFor(claimed);
    } catch (err) {
      await this.finish(id, 'failed', { error: (err as Error).message });
      return;
    }
    const started = performance.now();
    let reported: Record<string, unknown> | null = null;
    const run = runSolverInWorker(problem, { seed: parameters.seed, timeLimit: parameters.timeLimit, variants: parameters.variants }, (progress) => {
      // Elapsed over the whole run (variants solve one after another), for "3 s of 30".
      reported = { ...progress, elapsedSeconds: Math.round((performance.now() - started) / 100) / 10 };
      // A lost progress write is harmless; an unhandled rejection would end the process.
      this.ds.query(`UPDATE solver_runs SET progress = $2, heartbeat_at = now() WHERE id = $1 AND status = 'running'`, [id, reported]).catch(() => {});
    });
    this.current = { id, cancel: run.cancel };
    let timedOut = false;
    // Heartbeat, cancellation and the time limit, checked every second.
    const watch = setInterval(() => {
      void (async () => {
        const [row] = await this.ds.query(`UPDATE solver_runs SET heartbeat_at = now() WHERE id = $1 RETURNING status`, [id]).then(returnedRows<{ status: string }>);
        if (row?.status !== 'running') run.cancel();
      })().catch(() => {});
    }, 1000);
    const limit = setTimeout(() => {
      timedOut = true;
      run.cancel();
    }, (parameters.timeLimit + (this.options.graceSeconds ?? 60)) * 1000);
    try {
      const plans = await run.result;
      // The last progress goes with the result: its own write may land after the run is done.
      await this.succeed(claimed, plans, reported);
      this.options.log?.(`solver run ${id} finished`, 'info');
    } catch (err) {
      if (err instanceof SolverCancelled && !timedOut) return; // cancelled by a user or stop(): already recorded
      await this.finish(id, 'failed', { error: timedOut ? `timed out after ${parameters.timeLimit} s` : `the solver failed: ${(err as Error).message}` });
    } finally {
      clearInterval(watch);
      clearTimeout(limit);
      this.current = undefined;
    }
  }

  private async problemFor(claimed: Claimed): Promise<Problem> {
    const frozenBefore = claimed.parameters.frozenBefore;
    return cohortProblem(this.ds.manager, claimed.cohortId, frozenBefore ? { frozenBefore } : {});
  }

  /** The result and, when there is a plan, its draft: both or neither. */
  private async succeed(claimed: Claimed, plans: unknown[], progress: Record<string, unknown> | null): Promise<void> {
    await this.ds.transaction(async (em) => {
      const result = await em
        .getRepository(SolverRunEntity)
        .createQueryBuilder()
        .update()
        .set({ status: 'succeeded', result: plans as never, progress: progress as never, finishedAt: () => 'now()', heartbeatAt: () => 'now()' })
        .where(`id = :id AND status = 'running'`, { id: claimed.id })
        .execute();
      if (result.affected !== 1) return; // cancelled meanwhile
      const first = plans[0] as { assignments: unknown[] } | undefined;
      if (!first || first.assignments.length === 0) return;
      const draft = await this.plans.createIn(em, claimed.cohortId, { from: 'run', run: claimed.id, variant: 0 }, claimed.createdBy);
      await em.getRepository(SolverRunEntity).update({ id: claimed.id }, { planId: draft.uuid });
    });
  }

  private async finish(id: string, status: 'failed', fields: { error: string }): Promise<void> {
    await this.ds.query(`UPDATE solver_runs SET status = $2, error = $3, finished_at = now() WHERE id = $1 AND status = 'running'`, [id, status, fields.error]);
    // The reason stays in the database: a solver message may name a doctor.
    this.options.log?.(`solver run ${id} failed`, 'warn');
  }
}

/** The rows of an UPDATE … RETURNING: TypeORM's postgres driver answers [rows, count]. */
function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
