// Replanning a cohort that is under way, over HTTP on a real PostgreSQL with the demo data and
// the server's clock set inside the cohorts' year: "today" comes from the server, the past is a
// record (publishing a plan that rewrites it is refused), a replan keeps everything before the
// coming Monday, and plan versions can be discarded or copied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { startApi, type Answer, type TestApi } from '../../support/api';

// Wednesday 20 May 2026, 00:30 in Stockholm (22:30 UTC the day before): "today" is the Stockholm date.
let now = new Date('2026-05-19T22:30:00Z');
let api: TestApi;

beforeAll(async () => {
  api = await startApi({ solverQueue: true, clock: () => now });
  expect(await loadDemoData(api.dataSource)).toBe(true);
}, 60_000);
afterAll(() => api?.close());

async function ok(answer: Promise<Answer>, status = 200): Promise<any> {
  const res = await answer;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('the server clock', () => {
  it('says what "today" is in Stockholm, at sign-in and in /auth/me', async () => {
    const coordinator = await api.signIn('koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026');
    expect(coordinator.answer.body.today).toBe('2026-05-20');
    now = new Date('2026-05-20T21:59:00Z');
    expect((await ok(coordinator.request('GET', '/api/auth/me'))).today).toBe('2026-05-20');
    now = new Date('2026-05-20T22:00:00Z');
    expect((await ok(coordinator.request('GET', '/api/auth/me'))).today).toBe('2026-05-21');
    now = new Date('2026-05-19T22:30:00Z');
  });
});
