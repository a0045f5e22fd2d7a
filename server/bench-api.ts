// npm run bench:api: reads of a 200-doctor cohort and its plan over real HTTP on the embedded
// PostgreSQL, signed in as an admin. Prints the median and the slowest of 30 requests per route
// (after a warm-up); exits 1 if any answer is not 200 (a figure of refusals would mean nothing).
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from './app';
import { createUserIn } from './auth/service';
import { openDatabase } from './db/database';
import { RegionEntity } from './entities/region';
import { importProblem } from './services/cohorts';
import { PlanService } from './services/plans';
import { generateInstance } from './solver/bench/generate';

const REQUESTS = 30;

const db = await openDatabase({ dataDir: await mkdtemp(join(tmpdir(), 'bt-bench-api-')) });
try {
  const { problem, planted } = generateInstance({ name: 'bench-200', region: 'mixed', doctors: 200, seed: 1 });
  const { cohortId, planId } = await db.dataSource.transaction(async (em) => {
    const region = await em.getRepository(RegionEntity).save({ name: 'Region Bench' });
    const cohort = await importProblem(em, region.id, 'Bench 200', problem, 'bench');
    const plans = new PlanService(db.dataSource);
    const draft = await plans.draftIn(em, cohort.uuid, planted.assignments, 'bench');
    await plans.publishIn(em, draft.uuid, draft.version, 'bench');
    await createUserIn(em, { email: 'bench@bt-demo.se', password: 'bench-password-1', role: 'admin', regions: [], sites: [] }, 'bench');
    return { cohortId: cohort.uuid, planId: draft.uuid };
  });
  const server = buildApp({ dataSource: db.dataSource }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@bt-demo.se', password: 'bench-password-1' }) });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (!login.ok || !cookie) throw new Error(`bench:api: sign-in failed (${login.status})`);
  const routes = [`/api/cohorts/${cohortId}`, `/api/cohorts/${cohortId}/doctors`, `/api/cohorts/${cohortId}/problem`, `/api/cohorts/${cohortId}/plans`, `/api/plans/${planId}`];
  console.log(['route', 'status', 'bytes', 'median ms', 'max ms'].join('\t'));
  for (const route of routes) {
    const times: number[] = [];
    let status = 0;
    let bytes = 0;
    for (let i = 0; i < REQUESTS + 3; i++) {
      const started = performance.now();
      const res = await fetch(`${base}${route}`, { headers: { cookie } });
      const body = await res.arrayBuffer();
      if (i >= 3) times.push(performance.now() - started);
      [status, bytes] = [res.status, body.byteLength];
    }
    times.sort((a, b) => a - b);
    if (status !== 200) process.exitCode = 1;
    console.log([route.replace(/[0-9a-f-]{36}/g, ':id'), status, bytes, times[Math.floor(times.length / 2)]!.toFixed(1), times.at(-1)!.toFixed(1)].join('\t'));
  }
  await new Promise((resolve) => server.close(resolve));
} finally {
  await db.close();
}
