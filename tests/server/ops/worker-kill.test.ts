// Solver faults across processes sharing one PostgreSQL queue: a web server with SOLVER_WORKERS=0
// leaves runs to `npm run worker` processes; a worker killed mid-run (SIGKILL) leaves a run that is
// failed, naming the lost worker, once its heartbeat is SOLVER_STALE_AFTER_SECONDS old, and another
// worker carries on with the queue. Nothing stays "running".
import { hostname } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../support/database';
import { freePort, kronobergCoordinator, solverRunRow, startWeb, startWorker, stopProcess, until, type RunningProcess } from '../../support/processes';

// Heartbeats come every second; 3 s of silence is a lost worker, with room for a busy machine.
const STALE = { SOLVER_STALE_AFTER_SECONDS: '3' };

let database: TestDatabase | undefined;
const started: RunningProcess[] = [];
afterAll(async () => {
  for (const p of started) p.child.kill('SIGKILL');
  await database?.drop();
});

describe('a solver worker process', () => {
  it('killed mid-run: the run fails naming the lost worker, and another worker solves the next run', async () => {
    database = await freshDatabase();
    const port = await freePort();
    // Started together: they take turns migrating the empty database.
    const [web, ...workers] = await Promise.all([startWeb(database.url, port, { SOLVER_WORKERS: '0', ...STALE }), startWorker(database.url, STALE), startWorker(database.url, STALE)]);
    started.push(web!, ...workers);
    expect([web!, ...workers].filter((p) => p.lines().some((l) => / migrations applied$/.test(l.msg)))).toHaveLength(1);
    const api = await kronobergCoordinator(port);

    // A worker claims the run, never the web server; the one that claims it is killed.
    const long = await api.startRun({ timeLimit: 120, variants: 6 });
    await until(() => api.run(long), (r) => r.status === 'running');
    const name = (await solverRunRow(database.url, long)).worker;
    const lost = workers.find((w) => name === `${hostname()}:${w.child.pid}`);
    expect(lost, `claimed by ${name}, not by a worker`).toBeDefined();
    lost!.child.kill('SIGKILL');
    expect(await lost!.exited).toBeNull();

    const failed = await until(() => api.run(long), (r) => r.status !== 'running', 10_000);
    expect(failed).toMatchObject({ status: 'failed', error: `the solver worker ${name} stopped answering (crash or restart)`, plan: null });

    // The other worker carries on with the next run.
    const other = workers.find((w) => w !== lost)!;
    const short = await api.startRun({ timeLimit: 2 });
    const done = await until(() => api.run(short), (r) => !['queued', 'running'].includes(r.status), 20_000);
    expect(done).toMatchObject({ status: 'succeeded', error: null, plan: expect.any(String) });
    expect((await solverRunRow(database.url, short)).worker).toBe(`${hostname()}:${other.child.pid}`);
    expect(await stopProcess(other)).toBe(0);
  }, 60_000);
});
