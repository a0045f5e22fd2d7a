// The solver queue's faults: a run whose worker went silent is failed with the reason; a
// stopping server puts its running run back in the queue for another process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { SolverRunEntity } from '../../../server/entities/solver-run';
import { SolverQueue } from '../../../server/jobs/solver-queue';
import { CohortEntity } from '../../../server/entities/cohort';
import { startApi, type TestApi } from '../../support/api';

let api: TestApi;
let cohortId: string;
beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  cohortId = (await api.dataSource.getRepository(CohortEntity).findOneByOrFail({ name: 'Kronoberg BT 2026' })).id;
});
afterAll(() => api.close());

const runs = () => api.dataSource.getRepository(SolverRunEntity);
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out waiting');
}

describe('solver queue', () => {
  it('fails a running run whose worker stopped sending heartbeats, naming the reason', async () => {
    const run = await runs().save({ cohortId, status: 'running', parameters: { timeLimit: 30, seed: 1 }, createdBy: 'test', startedAt: new Date(Date.now() - 120_000), heartbeatAt: new Date(Date.now() - 120_000) });
    const queue = new SolverQueue(api.dataSource, { pollMs: 50, staleAfterSeconds: 60 });
    queue.start();
    try {
      const failed = await until(() => runs().findOneByOrFail({ id: run.id }), (r) => r.status !== 'running');
      expect(failed).toMatchObject({ status: 'failed', error: 'the solver worker stopped answering (crash or restart)', planId: null });
      expect(failed.finishedAt).toBeInstanceOf(Date);
    } finally {
      await queue.stop();
    }
  });

  it('puts the run it is solving back in the queue when it stops, and another queue finishes it', async () => {
    const run = await runs().save({ cohortId, status: 'queued', parameters: { timeLimit: 60, seed: 1, variants: 6 }, createdBy: 'test' });
    const first = new SolverQueue(api.dataSource, { pollMs: 50 });
    first.start();
    await until(() => runs().findOneByOrFail({ id: run.id }), (r) => r.status === 'running');
    await first.stop();
    expect(await runs().findOneByOrFail({ id: run.id })).toMatchObject({ status: 'queued', startedAt: null });

    const second = new SolverQueue(api.dataSource, { pollMs: 50 });
    second.start();
    try {
      const done = await until(() => runs().findOneByOrFail({ id: run.id }), (r) => !['queued', 'running'].includes(r.status));
      expect(done.status).toBe('succeeded');
      expect((done.result as unknown[]).length).toBeGreaterThan(0);
      expect(done.planId).not.toBeNull();
    } finally {
      await second.stop();
    }
  }, 60_000);
});
