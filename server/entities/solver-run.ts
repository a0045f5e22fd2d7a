// A solver job for a cohort: queued, running, then succeeded (with its draft), failed (with
// the reason) or cancelled. Progress is what the worker last reported.
import { EntitySchema } from 'typeorm';
import type { CohortRow } from './cohort';
import type { PlanRow } from './plan';

export type SolverRunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface SolverRunRow {
  id: string;
  cohortId: string;
  cohort?: CohortRow;
  status: SolverRunStatus;
  parameters: Record<string, unknown>;
  progress: Record<string, unknown> | null;
  /** The bt-plan/1 result (or results, for variants). */
  result: unknown;
  error: string | null;
  planId: string | null;
  plan?: PlanRow | null;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  /** Last sign of life from the worker running it; a silent running run is failed. */
  heartbeatAt: Date | null;
  /** The process running it ("host:pid"), named when it goes silent. */
  worker: string | null;
  finishedAt: Date | null;
}

export const SolverRunEntity = new EntitySchema<SolverRunRow>({
  name: 'SolverRun',
  tableName: 'solver_runs',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    cohortId: { type: 'uuid', name: 'cohort_id' },
    status: { type: 'text' },
    parameters: { type: 'jsonb', default: {} },
    progress: { type: 'jsonb', nullable: true },
    result: { type: 'jsonb', nullable: true },
    error: { type: 'text', nullable: true },
    planId: { type: 'uuid', name: 'plan_id', nullable: true },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    startedAt: { type: 'timestamptz', name: 'started_at', nullable: true },
    heartbeatAt: { type: 'timestamptz', name: 'heartbeat_at', nullable: true },
    worker: { type: 'text', nullable: true },
    finishedAt: { type: 'timestamptz', name: 'finished_at', nullable: true },
  },
  relations: {
    cohort: { type: 'many-to-one', target: 'Cohort', joinColumn: { name: 'cohort_id' }, onDelete: 'CASCADE' },
    plan: { type: 'many-to-one', target: 'Plan', joinColumn: { name: 'plan_id' }, onDelete: 'SET NULL', nullable: true },
  },
  indices: [{ name: 'ix_solver_runs_queued', columns: ['createdAt'], where: `status = 'queued'` }],
  checks: [{ name: 'ck_solver_runs_status', expression: `status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')` }],
});
