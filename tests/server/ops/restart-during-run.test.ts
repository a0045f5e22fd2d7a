// A web server that runs its own solver queue (the default) restarted in the middle of a run:
// SIGTERM puts the run back in the queue before the process exits 0, and the next start claims
// and finishes it — it never stays "running".
import { hostname } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../support/database';
import { freePort, kronobergCoordinator, solverRunRow, startWeb, stopProcess, until, type RunningProcess } from '../../support/processes';

let database: TestDatabase | undefined;
const started: RunningProcess[] = [];
afterAll(async () => {
  for (const p of started) p.child.kill('SIGKILL');
  await database?.drop();
});

describe('a web server with its own solver queue', () => {
  it('restarted mid-run (SIGTERM) puts the run back in the queue, and the next start finishes it', async () => {
    database = await freshDatabase();
    const port = await freePort();
    const first = await startWeb(database.url, port);
    started.push(first);
    const api = await kronobergCoordinator(port);

    const id = await api.startRun({ timeLimit: 3, variants: 2 });
    await until(() => api.run(id), (r) => r.status === 'running');
    expect((await solverRunRow(database.url, id)).worker).toBe(`${hostname()}:${first.child.pid}`);
    expect(await stopProcess(first)).toBe(0);
    expect(await solverRunRow(database.url, id)).toEqual({ status: 'queued', worker: null, started_at: null });
    expect(first.lines().map((l) => l.msg)).toContain(`solver run ${id} back in the queue (this worker stops)`);

    const second = await startWeb(database.url, port);
    started.push(second);
    const done = await until(() => api.run(id), (r) => !['queued', 'running'].includes(r.status), 20_000);
    expect(done).toMatchObject({ status: 'succeeded', error: null, plan: expect.any(String) });
    expect((await solverRunRow(database.url, id)).worker).toBe(`${hostname()}:${second.child.pid}`);
    expect(await stopProcess(second)).toBe(0);
  }, 60_000);
});
