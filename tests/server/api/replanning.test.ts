// Replanning a cohort that is under way, over HTTP on a real PostgreSQL with the demo data and
// the server's clock set inside the cohorts' year: "today" comes from the server, the past is a
// record (publishing a plan that rewrites it is refused), a replan keeps everything before the
// coming Monday, plan versions can be discarded or copied, and the audit log says what changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { solverRunSchema } from '../../../shared/api/solver-runs';
import { addWeeks, weeksOf } from '../../../shared/domain/weeks';
import type { Assignment } from '../../../shared/format/plan';
import { ok, startApi, type Client, type TestApi } from '../../support/api';
import { aProblem } from '../../support/builders';

// Wednesday 20 May 2026 (v. 21), 00:30 in Stockholm (22:30 UTC the day before): Västernorrland's
// doctors started on 16 February; acute care and primary care run across today until 13 July.
const NOW = new Date('2026-05-19T22:30:00Z');
const COMING_MONDAY = '2026-05-25';
let now = NOW;
let api: TestApi;
let coordinator: Client;
let cohort: string;
let region: string;
let published: { uuid: string; version: number; assignments: (Assignment & { placement: string })[] };

beforeAll(async () => {
  api = await startApi({ solverQueue: true, clock: () => now });
  expect(await loadDemoData(api.dataSource)).toBe(true);
  coordinator = await api.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
  region = (await ok(coordinator.request('GET', '/api/auth/me'))).regions[0];
  cohort = (await ok(coordinator.request('GET', `/api/regions/${region}/cohorts`)))[0].uuid;
  published = await publishedPlan();
}, 60_000);
afterAll(() => api?.close());

const strip = (list: Assignment[]): Assignment[] => list.map(({ doctor, block, site, from, to }) => ({ doctor, block, site, from, to }));

async function publishedPlan() {
  const list = await ok(coordinator.request('GET', `/api/cohorts/${cohort}/plans`));
  return ok(coordinator.request('GET', `/api/plans/${list.find((p: { status: string }) => p.status === 'published').uuid}`));
}

async function draftFromPublished() {
  return ok(coordinator.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'published' }), 201);
}

async function finished(run: string) {
  for (let i = 0; i < 600; i++) {
    const body = await ok(coordinator.request('GET', `/api/solver-runs/${run}`));
    if (!['queued', 'running'].includes(body.status)) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the run did not finish');
}

/** Per doctor and week before `before`: the blocks (with their sites) covering it. */
function pastWeeks(assignments: Assignment[], before: string): Map<string, string> {
  const weeks = new Map<string, string[]>();
  for (const a of assignments) {
    for (const w of weeksOf({ from: a.from, to: a.to < before ? a.to : before })) (weeks.get(`${a.doctor} ${w}`) ?? weeks.set(`${a.doctor} ${w}`, []).get(`${a.doctor} ${w}`)!).push(`${a.block}@${a.site}`);
  }
  return new Map([...weeks].map(([k, v]) => [k, v.sort().join(',')]));
}

const btEnd = (assignments: Assignment[], doctor: string) => assignments.filter((a) => a.doctor === doctor).reduce((end, a) => (a.to > end ? a.to : end), '');

describe('the server clock', () => {
  it('says what "today" is in Stockholm, at sign-in and in /auth/me', async () => {
    const signedIn = await api.signIn('koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026');
    expect(signedIn.answer.body.today).toBe('2026-05-20');
    try {
      now = new Date('2026-05-20T21:59:00Z');
      expect((await ok(signedIn.request('GET', '/api/auth/me'))).today).toBe('2026-05-20');
      now = new Date('2026-05-20T22:00:00Z');
      expect((await ok(signedIn.request('GET', '/api/auth/me'))).today).toBe('2026-05-21');
    } finally {
      now = NOW;
    }
  });
});

describe('replanning after an approved leave', () => {
  it('keeps everything before the coming Monday, extends the doctor by the leave, changes few others, and publishes', async () => {
    const doctors = await ok(coordinator.request('GET', `/api/cohorts/${cohort}/doctors`));
    const doctor = doctors.find((d: { id: string }) => d.id === 'vn-d01');
    // Two weeks of leave inside vn-d01's acute care, which runs across today (16 March – 13 July).
    const request = await ok(coordinator.request('POST', `/api/doctors/${doctor.uuid}/requests`, { kind: 'leave', leave: { first: '2026-06-08', last: '2026-06-19' } }), 201);
    await ok(coordinator.request('POST', `/api/requests/${request.uuid}/decision`, { decision: 'approve', version: request.version }));

    const start = await ok(coordinator.request('POST', `/api/cohorts/${cohort}/solver-runs`, { timeLimit: 20 }), 202);
    expect(start.parameters).toEqual({ timeLimit: 20, seed: 1, frozenBefore: COMING_MONDAY });
    const run = solverRunSchema.parse(await finished(start.uuid));
    expect(run).toMatchObject({ status: 'succeeded', parameters: { frozenBefore: COMING_MONDAY }, progress: { phase: 'done' } });
    expect(run.progress!.elapsedSeconds).toBeGreaterThan(0);
    const draft = await ok(coordinator.request('GET', `/api/plans/${run.plan}`));
    expect(draft.violations.filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
    expect(draft.pastChanges).toEqual([]);

    // Nothing before the coming Monday differs; whatever started keeps its site and start.
    expect(pastWeeks(draft.assignments, COMING_MONDAY)).toEqual(pastWeeks(published.assignments, COMING_MONDAY));
    for (const before of published.assignments.filter((a) => a.from < COMING_MONDAY)) {
      expect(draft.assignments.find((a: Assignment) => a.doctor === before.doctor && a.block === before.block)).toMatchObject({ site: before.site, from: before.from });
    }
    // The leave lengthens vn-d01's year by its two weeks; few of the other doctors change.
    expect(btEnd(draft.assignments, 'vn-d01')).toBe(addWeeks(btEnd(published.assignments, 'vn-d01'), 2));
    const diff = await ok(coordinator.request('GET', `/api/plans/${draft.uuid}/diff?against=${published.uuid}`));
    expect(diff.filter((c: { doctor: string }) => c.doctor === 'vn-d01').map((c: { block: string }) => c.block)).toEqual(['acute', 'vac', 'psy', 'pc']);
    expect(new Set(diff.map((c: { doctor: string }) => c.doctor).filter((d: string) => d !== 'vn-d01')).size).toBeLessThanOrEqual(1);
    expect(run.plans![0]!.stats.diff).toEqual(diff);

    const publication = await ok(coordinator.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version }));
    expect(publication).toMatchObject({ status: 'published', pastChanges: [] });
    const audit = await ok(coordinator.request('GET', `/api/regions/${region}/audit`));
    expect(audit.find((e: { action: string; entityId: string }) => e.action === 'publish' && e.entityId === draft.uuid).after).toEqual({ number: draft.number, changes: diff.length });
    published = await publishedPlan();
  }, 60_000);
});

describe('the past is a record', () => {
  it('refuses to publish a draft that moves a served placement (422 past-changed), and the draft says so first', async () => {
    const draft = await draftFromPublished();
    expect(draft.pastChanges).toEqual([]);
    // vn-d02's introduction (16 February – 2 March) was served; the edit moves it a week later.
    const moved = strip(draft.assignments).map((a) => (a.doctor === 'vn-d02' && a.block === 'intro' ? { ...a, from: '2026-02-23', to: '2026-03-09' } : a));
    const edited = await ok(coordinator.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: moved }));
    const expected = { doctor: 'vn-d02', block: 'intro', from: '2026-02-16', to: '2026-03-02' };
    expect(edited.pastChanges).toEqual([expect.objectContaining(expected)]);
    expect(edited.pastChanges[0].message_sv).toContain('v. 8 2026–v. 9 2026');
    expect((await ok(coordinator.request('GET', `/api/plans/${draft.uuid}`))).pastChanges).toEqual(edited.pastChanges);

    const refused = await coordinator.request('POST', `/api/plans/${draft.uuid}/publish`, { version: edited.version });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: '/problems/past-changed', status: 422, pastChanges: edited.pastChanges });
    // Named as the coordinator knows them; a site-less block names no site.
    expect(refused.body.detail).toContain('Mohammed Karimi [vn-d02]: Gemensam introduktion w. 8 2026–w. 9 2026 has started');
    expect(edited.pastChanges[0].message_sv).toBe(
      'Mohammed Karimi [vn-d02]: Gemensam introduktion v. 8 2026–v. 9 2026 har påbörjats, så block, arbetsplats och start ligger fast (i planen v. 9 2026–v. 10 2026)',
    );
    expect((await publishedPlan()).uuid).toBe(published.uuid);
  });

  it('lets a draft change the future freely', async () => {
    const draft = await draftFromPublished();
    // vn-d07's psychiatry (from 10 August) at Sundsvall instead of Örnsköldsvik.
    const moved = strip(draft.assignments).map((a) => (a.doctor === 'vn-d07' && a.block === 'psy' ? { ...a, site: 'sun-psy' } : a));
    const edited = await ok(coordinator.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: moved }));
    expect(edited.pastChanges).toEqual([]);
    await ok(coordinator.request('DELETE', `/api/plans/${draft.uuid}?version=${edited.version}`), 204);
  });

  it('replans from the coming Monday or later, never earlier', async () => {
    const early = await coordinator.request('POST', `/api/cohorts/${cohort}/solver-runs`, { timeLimit: 5, frozenBefore: '2026-05-18' });
    expect(early.status).toBe(422);
    expect(early.body.detail).toContain('v. 22 2026');
    const later = await ok(coordinator.request('POST', `/api/cohorts/${cohort}/solver-runs`, { timeLimit: 5, frozenBefore: '2026-06-01' }), 202);
    expect(later.parameters.frozenBefore).toBe('2026-06-01');
    await ok(coordinator.request('POST', `/api/solver-runs/${later.uuid}/cancel`));
    // A cohort with nothing published has no record to keep: no frozenBefore of its own.
    const elsewhere = await ok(api.request('POST', '/api/regions', { name: 'Region Utan Plan' }), 201);
    const fresh = await ok(api.request('POST', `/api/regions/${elsewhere.uuid}/cohorts/import`, { name: 'Nytt intag', problem: aProblem() }), 201);
    const scratch = await ok(api.request('POST', `/api/cohorts/${fresh.uuid}/solver-runs`, { timeLimit: 5 }), 202);
    expect(scratch.parameters).toEqual({ timeLimit: 5, seed: 1 });
    await ok(api.request('POST', `/api/solver-runs/${scratch.uuid}/cancel`));
  });
});

describe('plan versions', () => {
  it('discards a draft (204, stale version 409); published and archived plans stay (409)', async () => {
    const fresh = await draftFromPublished();
    expect((await coordinator.request('DELETE', `/api/plans/${fresh.uuid}?version=${fresh.version + 1}`)).body).toMatchObject({ status: 409, type: '/problems/stale-version' });
    await ok(coordinator.request('DELETE', `/api/plans/${fresh.uuid}?version=${fresh.version}`), 204);
    expect((await coordinator.request('GET', `/api/plans/${fresh.uuid}`)).status).toBe(404);
    expect((await coordinator.request('DELETE', `/api/plans/${fresh.uuid}?version=${fresh.version}`)).status).toBe(404);

    const list = await ok(coordinator.request('GET', `/api/cohorts/${cohort}/plans`));
    for (const kept of list.filter((p: { status: string }) => p.status !== 'draft')) {
      const refused = await coordinator.request('DELETE', `/api/plans/${kept.uuid}?version=${kept.version}`);
      expect(refused.body).toMatchObject({ status: 409, type: '/problems/published-plan' });
    }
    expect(list.map((p: { status: string }) => p.status)).toContain('archived');
  });

  it('discards a solver run\'s draft and keeps the run with its result', async () => {
    const start = await ok(coordinator.request('POST', `/api/cohorts/${cohort}/solver-runs`, { timeLimit: 5 }), 202);
    const run = await finished(start.uuid);
    const draft = await ok(coordinator.request('GET', `/api/plans/${run.plan}`));
    await ok(coordinator.request('DELETE', `/api/plans/${draft.uuid}?version=${draft.version}`), 204);
    const kept = await ok(coordinator.request('GET', `/api/solver-runs/${start.uuid}`));
    expect(kept).toMatchObject({ status: 'succeeded', plan: null });
    expect(kept.plans).toEqual(run.plans);
    // Its result can still become a draft.
    await ok(coordinator.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'run', run: start.uuid }), 201);
  }, 60_000);

  it('starts a draft from an archived version with its assignments and the published placement ids', async () => {
    const list = await ok(coordinator.request('GET', `/api/cohorts/${cohort}/plans`));
    const archivedRow = list.find((p: { status: string; number: number }) => p.status === 'archived' && p.number === 1);
    const archived = await ok(coordinator.request('GET', `/api/plans/${archivedRow.uuid}`));
    const copy = await ok(coordinator.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'version', plan: archived.uuid }), 201);
    expect(copy).toMatchObject({ status: 'draft', number: Math.max(...list.map((p: { number: number }) => p.number)) + 1 });
    expect(strip(copy.assignments)).toEqual(strip(archived.assignments));
    const audit = await ok(coordinator.request('GET', `/api/regions/${region}/audit`));
    expect(audit.find((e: { action: string; entityId: string }) => e.action === 'create' && e.entityId === copy.uuid).after).toEqual({ number: copy.number, from: 'version', source: 1 });
    for (const a of copy.assignments) {
      const now = published.assignments.find((p) => p.doctor === a.doctor && p.block === a.block)!;
      expect(a.placement).toBe(now.placement);
    }
    // The archived plan knew nothing of vn-d01's leave: the copy rewrites nothing served, but its acute care is too short now.
    expect(copy.violations.some((v: { code: string; doctor?: string }) => v.code === 'service-weeks' && v.doctor === 'vn-d01')).toBe(true);

    const kronoberg = (await ok(api.request('GET', '/api/regions'))).find((r: { name: string }) => r.name === 'Region Kronoberg');
    const other = (await ok(api.request('GET', `/api/regions/${kronoberg.uuid}/cohorts`)))[0];
    const otherPlan = (await ok(api.request('GET', `/api/cohorts/${other.uuid}/plans`)))[0];
    expect((await api.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'version', plan: otherPlan.uuid })).status).toBe(422);
    expect((await api.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'version', plan: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await api.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'version' })).status).toBe(400);
  });
});

describe('the audit log', () => {
  it('says what a plan edit changed, doctor by doctor and block by block', async () => {
    const draft = await draftFromPublished();
    const psy = draft.assignments.find((a: Assignment) => a.doctor === 'vn-d07' && a.block === 'psy');
    const moved = strip(draft.assignments).map((a) => (a.doctor === 'vn-d07' && a.block === 'psy' ? { ...a, site: 'sun-psy' } : a));
    await ok(coordinator.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: moved }));
    const audit = await ok(coordinator.request('GET', `/api/regions/${region}/audit`));
    const entry = audit.find((e: { action: string; entityId: string }) => e.action === 'update' && e.entityId === draft.uuid);
    expect(entry.after).toEqual({
      changes: [{ doctor: 'vn-d07', block: 'psy', before: { site: psy.site, from: psy.from, to: psy.to }, after: { site: 'sun-psy', from: psy.from, to: psy.to } }],
    });
  });
});
