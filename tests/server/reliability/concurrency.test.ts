// Concurrent writes over HTTP on a real PostgreSQL with the demo data: of parallel edits with one
// version exactly one wins and nothing is lost, a plan is published once however often it is
// asked at the same moment, a solver result never overwrites a coordinator's edits, and two
// creates with the same key leave one row.
import type { QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { startApi, type Answer, type TestApi } from '../../support/api';

/** Requests sent at the same moment in each race. */
const N = 20;

let api: TestApi;
let region: string;
let cohort: string;

interface Placement {
  doctor: string;
  block: string;
  site: string | null;
  from: string;
  to: string;
}

const strip = (list: Placement[]): Placement[] => list.map(({ doctor, block, site, from, to }) => ({ doctor, block, site, from, to }));
const key = (a: Placement) => `${a.doctor}/${a.block}`;
const statuses = (answers: Answer[]) => answers.map((a) => a.status).sort((a, b) => a - b);

beforeAll(async () => {
  api = await startApi({ solverQueue: true });
  expect(await loadDemoData(api.dataSource)).toBe(true);
  const regions = (await api.request('GET', '/api/regions')).body;
  region = regions.find((r: { name: string }) => r.name === 'Region Västernorrland').uuid;
  cohort = (await api.request('GET', `/api/regions/${region}/cohorts`)).body[0].uuid;
}, 60_000);
afterAll(() => api?.close());

async function draftFromPublished() {
  const res = await api.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'published' });
  expect(res.status).toBe(201);
  return res.body;
}

async function plan(id: string) {
  const res = await api.request('GET', `/api/plans/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

async function plansOfCohort(): Promise<{ uuid: string; status: string; version: number }[]> {
  return (await api.request('GET', `/api/cohorts/${cohort}/plans`)).body;
}

async function publishedPlan() {
  const published = (await plansOfCohort()).filter((p) => p.status === 'published');
  expect(published).toHaveLength(1);
  return plan(published[0]!.uuid);
}

function expectConflict(answer: Answer) {
  expect(answer.status).toBe(409);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status: 409, title: 'Conflict' });
}

/**
 * Holds a row lock in a transaction of its own, so that requests writing that row are all inside
 * their transactions, having read what they read, before any of them commits: a real overlap in
 * the database rather than one the event loop may or may not produce.
 */
async function holdRow(table: 'plans' | 'solver_runs', id: string): Promise<{ waiting(count: number): Promise<void>; release(): Promise<void> }> {
  const runner: QueryRunner = api.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await runner.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  return {
    // The first waiter queues on the holder, the next ones on the row lock the first one holds.
    async waiting(count) {
      for (let i = 0; i < 200; i++) {
        const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (n >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`fewer than ${count} requests waited for the row`);
    },
    async release() {
      if (runner.isReleased) return;
      await runner.commitTransaction();
      await runner.release();
    },
  };
}

/** Sends `requests` while `id`'s row is held, lets go once they all wait on it, and gives their answers. */
async function raceOnRow(table: 'plans' | 'solver_runs', id: string, requests: () => Promise<Answer>[]): Promise<Answer[]> {
  const lock = await holdRow(table, id);
  const racing = Promise.all(requests());
  try {
    await lock.waiting(2);
  } finally {
    await lock.release();
  }
  return racing;
}

async function auditOf(entityId: string, action: string) {
  const entries = (await api.request('GET', `/api/regions/${region}/audit`)).body as { entityId: string; action: string }[];
  return entries.filter((e) => e.entityId === entityId && e.action === action);
}

describe('parallel edits of one draft', () => {
  it(`of ${N} edits with the same version exactly one wins, the others get 409, and the plan holds exactly the winner's assignments`, async () => {
    const draft = await draftFromPublished();
    const base = strip(draft.assignments);
    expect(base.length).toBeGreaterThanOrEqual(N);
    // Edit i leaves out assignment i: every edit is a different plan.
    const edits = Array.from({ length: N }, (_, i) => base.filter((_, j) => j !== i));
    const answers = await Promise.all(edits.map((assignments) => api.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments })));
    expect(statuses(answers)).toEqual([200, ...Array(N - 1).fill(409)]);
    answers.filter((a) => a.status !== 200).forEach(expectConflict);
    const winner = answers.findIndex((a) => a.status === 200);
    const stored = await plan(draft.uuid);
    expect(stored.version).toBe(draft.version + 1);
    expect(strip(stored.assignments)).toEqual(strip(answers[winner]!.body.assignments));
    expect(strip(stored.assignments)).toEqual(edits[winner]);
    expect(await auditOf(draft.uuid, 'update')).toHaveLength(1);
  });

  it(`${N} edits chained on the version each answer returns all succeed, the last one is stored`, async () => {
    const draft = await draftFromPublished();
    const base = strip(draft.assignments);
    let version: number = draft.version;
    let last: Placement[] = base;
    for (let i = 0; i < N; i++) {
      last = base.filter((_, j) => j !== i);
      const answer = await api.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version, assignments: last });
      expect(answer.status).toBe(200);
      expect(answer.body.version).toBe(version + 1);
      version = answer.body.version;
    }
    const stored = await plan(draft.uuid);
    expect(stored.version).toBe(draft.version + N);
    expect(strip(stored.assignments)).toEqual(last);
  });

  it(`${N} coordinators editing at once, each re-reading after a 409, lose no update`, async () => {
    const draft = await draftFromPublished();
    const base = strip(draft.assignments);
    // Coordinator i removes assignment i from whatever the plan holds when it reads it.
    const removed = base.slice(0, N).map(key);
    let conflicts = 0;
    const coordinator = async (i: number) => {
      for (let attempt = 0; attempt < 4 * N; attempt++) {
        const now = await plan(draft.uuid);
        const assignments = strip(now.assignments).filter((a) => key(a) !== removed[i]);
        const answer = await api.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: now.version, assignments });
        if (answer.status === 200) return;
        expectConflict(answer);
        conflicts++;
      }
      throw new Error(`coordinator ${i} never got its edit in`);
    };
    await Promise.all(Array.from({ length: N }, (_, i) => coordinator(i)));
    const stored = await plan(draft.uuid);
    expect(stored.version).toBe(draft.version + N);
    expect(strip(stored.assignments)).toEqual(base.filter((a) => !removed.includes(key(a))));
    expect(conflicts).toBeGreaterThan(0);
  }, 90_000);
});

describe('publishing at the same moment', () => {
  it('the same draft published twice at once: one 200, one 409, the previous plan archived once', async () => {
    const previous = await publishedPlan();
    const draft = await draftFromPublished();
    const answers = await raceOnRow('plans', previous.uuid, () => [0, 1].map(() => api.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version })));
    expect(statuses(answers)).toEqual([200, 409]);
    expectConflict(answers.find((a) => a.status === 409)!);
    const now = await publishedPlan();
    expect(now.uuid).toBe(draft.uuid);
    expect(now.version).toBe(draft.version + 1);
    const archived = await plan(previous.uuid);
    expect(archived.status).toBe('archived');
    expect(archived.version).toBe(previous.version + 1);
    expect(await auditOf(draft.uuid, 'publish')).toHaveLength(1);
  });

  it('the same draft published twice without any help with the timing: one 200, one 409', async () => {
    const previous = await publishedPlan();
    const draft = await draftFromPublished();
    const answers = await Promise.all([0, 1].map(() => api.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version })));
    expect(statuses(answers)).toEqual([200, 409]);
    expectConflict(answers.find((a) => a.status === 409)!);
    expect((await publishedPlan()).uuid).toBe(draft.uuid);
    const archived = await plan(previous.uuid);
    expect(archived).toMatchObject({ status: 'archived', version: previous.version + 1 });
  });

  it('two drafts of the cohort published at once: one is published, the other gets 409 and stays a draft', async () => {
    const previous = await publishedPlan();
    const drafts = [await draftFromPublished(), await draftFromPublished()];
    const answers = await raceOnRow('plans', previous.uuid, () => drafts.map((d) => api.request('POST', `/api/plans/${d.uuid}/publish`, { version: d.version })));
    expect(statuses(answers)).toEqual([200, 409]);
    expectConflict(answers.find((a) => a.status === 409)!);
    const winner = drafts[answers.findIndex((a) => a.status === 200)];
    const loser = drafts[answers.findIndex((a) => a.status === 409)];
    expect((await publishedPlan()).uuid).toBe(winner.uuid);
    expect(await plan(loser.uuid)).toMatchObject({ status: 'draft', version: loser.version });
    expect(await plan(previous.uuid)).toMatchObject({ status: 'archived', version: previous.version + 1 });
    expect(await auditOf(loser.uuid, 'publish')).toHaveLength(0);
  });

  it('an edit and a publish of the same draft at once: one 200, one 409, never a deadlock', async () => {
    for (let round = 0; round < 5; round++) {
      const draft = await draftFromPublished();
      const answers = await Promise.all([
        api.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: strip(draft.assignments) }),
        api.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version }),
      ]);
      expect(statuses(answers)).toEqual([200, 409]);
      expectConflict(answers.find((a) => a.status === 409)!);
      expect((await plan(draft.uuid)).version).toBe(draft.version + 1);
    }
  });

  it('a discard and a publish of the same draft at once: either it is gone (publish 404) or published (discard 409)', async () => {
    const previous = await publishedPlan();
    const draft = await draftFromPublished();
    const [discard, publish] = await raceOnRow('plans', draft.uuid, () => [
      api.request('DELETE', `/api/plans/${draft.uuid}?version=${draft.version}`),
      api.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version }),
    ]);
    expect([`${discard!.status} ${publish!.status}`]).toContainEqual(expect.stringMatching(/^(204 404|409 200)$/));
    const now = await publishedPlan();
    if (discard!.status === 204) {
      expect((await api.request('GET', `/api/plans/${draft.uuid}`)).status).toBe(404);
      expect(now.uuid).toBe(previous.uuid);
    } else {
      expectConflict(discard!);
      expect(now.uuid).toBe(draft.uuid);
      expect((await plan(previous.uuid)).status).toBe('archived');
    }
  });

  it(`${N} drafts published at once never answer 500 and leave exactly one published plan`, async () => {
    const previous = await publishedPlan();
    const drafts = [];
    for (let i = 0; i < N; i++) drafts.push(await draftFromPublished());
    const answers = await Promise.all(drafts.map((d) => api.request('POST', `/api/plans/${d.uuid}/publish`, { version: d.version })));
    // Publishes that overlap in the database clash (409); one that starts after another has
    // committed simply archives it, like a publish a minute later would.
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    answers.filter((a) => a.status === 409).forEach(expectConflict);
    const ok = drafts.filter((_, i) => answers[i]!.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    const now = await publishedPlan();
    expect(ok.map((d) => d.uuid)).toContain(now.uuid);
    expect((await plan(previous.uuid)).status).toBe('archived');
    for (const d of ok) if (d.uuid !== now.uuid) expect((await plan(d.uuid)).status).toBe('archived');
    for (const d of drafts.filter((_, i) => answers[i]!.status === 409)) expect((await plan(d.uuid)).status).toBe('draft');
  });
});

describe('a solver result for a cohort whose draft changed meanwhile', () => {
  async function finished(run: string) {
    for (let i = 0; i < 600; i++) {
      const res = await api.request('GET', `/api/solver-runs/${run}`);
      if (!['queued', 'running'].includes(res.body.status)) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the run did not finish');
  }

  it("goes into a new draft and leaves the coordinator's edited draft exactly as edited", async () => {
    const draft = await draftFromPublished();
    const start = await api.request('POST', `/api/cohorts/${cohort}/solver-runs`, { timeLimit: 30 });
    expect(start.status).toBe(202);
    for (let i = 0; i < 400 && (await api.request('GET', `/api/solver-runs/${start.body.uuid}`)).body.status === 'queued'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect((await api.request('GET', `/api/solver-runs/${start.body.uuid}`)).body.status).toBe('running');
    // However fast the solver is, its result cannot be stored while the run's row is held: the
    // coordinator's edit lands first, for certain.
    const hold = await holdRow('solver_runs', start.body.uuid);
    const edited = strip(draft.assignments).slice(1);
    try {
      const edit = await api.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: edited });
      expect(edit.status).toBe(200);
      expect((await api.request('GET', `/api/solver-runs/${start.body.uuid}`)).body.status).toBe('running');
    } finally {
      await hold.release();
    }
    const run = await finished(start.body.uuid);
    expect(run.status).toBe('succeeded');
    expect(run.plan).not.toBeNull();
    expect(run.plan).not.toBe(draft.uuid);
    const mine = await plan(draft.uuid);
    expect(mine).toMatchObject({ status: 'draft', version: draft.version + 1 });
    expect(strip(mine.assignments)).toEqual(edited);
    const fromRun = await plan(run.plan);
    expect(fromRun.status).toBe('draft');
    expect(fromRun.number).toBeGreaterThan(mine.number);
    const byKey = (list: Placement[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(byKey(strip(fromRun.assignments))).toEqual(byKey(strip(run.plans[0].assignments)));
  });
});

describe('parallel creates with the same key', () => {
  it('two sites with the same id at once: one 201, one 409, one row', async () => {
    const site = { id: 'race-site', name: 'Kapplöpningskliniken', town: 'Sundsvall', kinds: ['psychiatry'], capacity: 2, overrides: [] };
    const answers = await Promise.all([0, 1].map(() => api.request('POST', `/api/regions/${region}/sites`, site)));
    expect(statuses(answers)).toEqual([201, 409]);
    expectConflict(answers.find((a) => a.status === 409)!);
    const sites = (await api.request('GET', `/api/regions/${region}/sites`)).body as { id: string }[];
    expect(sites.filter((s) => s.id === 'race-site')).toHaveLength(1);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM sites WHERE region_id = $1 AND code = 'race-site'`, [region]);
    expect(n).toBe(1);
  });

  it(`${N} sites with the same id at once: one 201, the rest 409`, async () => {
    const site = { id: 'race-site-many', name: 'Kapplöpningskliniken 2', town: 'Sundsvall', kinds: ['psychiatry'], capacity: 2, overrides: [] };
    const answers = await Promise.all(Array.from({ length: N }, () => api.request('POST', `/api/regions/${region}/sites`, site)));
    expect(statuses(answers)).toEqual([201, ...Array(N - 1).fill(409)]);
    answers.filter((a) => a.status === 409).forEach(expectConflict);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM sites WHERE region_id = $1 AND code = 'race-site-many'`, [region]);
    expect(n).toBe(1);
  });

  it(`${N} drafts of one cohort created at once each get their own number`, async () => {
    const answers = await Promise.all(Array.from({ length: N }, () => api.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'published' })));
    expect(statuses(answers)).toEqual(Array(N).fill(201));
    const numbers = answers.map((a) => a.body.number as number);
    expect(new Set(numbers).size).toBe(N);
  });
});

describe('writes of one region at once', () => {
  // Each raises the region's revision and its calendars' (migrations/…-RevisionTriggers.ts): they
  // wait for each other there, and none may fail for it.
  it("every doctor of a cohort renamed at once, and a site of the region changed meanwhile: all 200, all stored, every doctor's calendar revised", async () => {
    const doctors: { uuid: string; version: number; name: string }[] = (await api.request('GET', `/api/cohorts/${cohort}/doctors`)).body;
    expect(doctors.length).toBeGreaterThanOrEqual(8);
    const revisionOf = async (id: string) => (await api.dataSource.query(`SELECT revision::text FROM calendar_revisions WHERE scope = 'doctor' AND target_id = $1`, [id]))[0]?.revision ?? '0';
    const before = await Promise.all(doctors.map((d) => revisionOf(d.uuid)));
    const site = (await api.request('GET', `/api/regions/${region}/sites`)).body[0];
    const renames = doctors.map(async (d) => {
      const { uuid, createdAt: _c, updatedAt: _u, ...body } = (await api.request('GET', `/api/doctors/${d.uuid}`)).body;
      return api.request('PATCH', `/api/doctors/${uuid}`, { ...body, name: `${body.name} (samtidigt)` });
    });
    const { uuid: siteId, createdAt: _c, updatedAt: _u, ...siteBody } = site;
    const answers = await Promise.all([...renames, api.request('PATCH', `/api/sites/${siteId}`, { ...siteBody, capacity: siteBody.capacity + 1 })]);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    for (const d of doctors) expect((await api.request('GET', `/api/doctors/${d.uuid}`)).body.name).toBe(`${d.name} (samtidigt)`);
    const after = await Promise.all(doctors.map((d) => revisionOf(d.uuid)));
    after.forEach((revision, i) => expect(revision).not.toBe(before[i]));
  });
});
