// Plans and solver runs over HTTP on a real PostgreSQL with the demo data: drafts, edits that
// answer with violations, optimistic locking under concurrency, diff, publish (422 while the
// plan has errors), archive, and a solver run from start to a published plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { vasternorrlandVt2026 } from '../../../shared/domain/presets';
import { ok, startApi, type TestApi } from '../../support/api';
import { aDoctor, aPlan, aProblem, aSite, week } from '../../support/builders';

let api: TestApi;
let cohort: string;
let published: any;

beforeAll(async () => {
  api = await startApi({ solverQueue: true });
  expect(await loadDemoData(api.dataSource)).toBe(true);
  expect(await loadDemoData(api.dataSource)).toBe(false);
  const regions = (await api.request('GET', '/api/regions')).body;
  expect(regions.map((r: { name: string }) => r.name)).toEqual(['Region Kronoberg', 'Region Västernorrland']);
  const vn = regions.find((r: { name: string }) => r.name === 'Region Västernorrland');
  cohort = (await api.request('GET', `/api/regions/${vn.uuid}/cohorts`)).body[0].uuid;
  const plans = (await api.request('GET', `/api/cohorts/${cohort}/plans`)).body;
  published = (await api.request('GET', `/api/plans/${plans[0].uuid}`)).body;
});
afterAll(() => api.close());

const MISSING = '00000000-0000-4000-8000-000000000000';
const strip = (list: { doctor: string; block: string; site: string | null; from: string; to: string }[]) =>
  list.map(({ doctor, block, site, from, to }) => ({ doctor, block, site, from, to }));

async function draftFromPublished() {
  const res = await api.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'published' });
  expect(res.status).toBe(201);
  return res.body;
}

describe('plans', () => {
  it('the demo cohort has its hand-made plan published, valid, with a placement id per assignment', () => {
    expect(published).toMatchObject({ number: 1, status: 'published', createdBy: 'demo' });
    expect(strip(published.assignments)).toEqual(
      strip([...vasternorrlandVt2026.plan.assignments].sort((a, b) => a.doctor.localeCompare(b.doctor) || a.from.localeCompare(b.from))),
    );
    expect(published.violations.filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
    expect(new Set(published.assignments.map((a: { placement: string }) => a.placement)).size).toBe(published.assignments.length);
  });

  it('a draft copied from the published plan keeps its placement ids; an edit answers with the violations', async () => {
    const draft = await draftFromPublished();
    expect(draft.status).toBe('draft');
    expect(draft.assignments.map((a: { placement: string }) => a.placement)).toEqual(published.assignments.map((a: { placement: string }) => a.placement));
    const moved = strip(draft.assignments).filter((a) => !(a.doctor === draft.assignments[0].doctor && a.site !== null));
    const edit = await api.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: moved });
    expect(edit.status).toBe(200);
    expect(edit.body.version).toBe(draft.version + 1);
    expect(edit.body.violations.some((v: { code: string; severity: string }) => v.severity === 'error' && v.code === 'missing-assignment')).toBe(true);
    const publish = await api.request('POST', `/api/plans/${draft.uuid}/publish`, { version: edit.body.version });
    expect(publish.status).toBe(422);
    expect(publish.body.detail).toMatch(/^the plan has \d+ errors: /);
  });

  it('of two edits with the same version one wins and the other gets 409; nothing is lost', async () => {
    const draft = await draftFromPublished();
    const [a, b] = [strip(draft.assignments), strip(draft.assignments).slice(1)];
    const answers = await Promise.all([
      api.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: a }),
      api.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: b }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = answers.find((r) => r.status === 200)!.body;
    const now = (await api.request('GET', `/api/plans/${draft.uuid}`)).body;
    expect(now.version).toBe(draft.version + 1);
    expect(strip(now.assignments)).toEqual(strip(winner.assignments));
  });

  it('diffs two versions, publishes a valid draft (archiving the old one, bumping changed sequences) and archives', async () => {
    const draft = await draftFromPublished();
    const vacation = draft.assignments.find((a: { block: string }) => a.block === 'vac');
    expect(vacation).toBeDefined();
    const diff0 = await api.request('GET', `/api/plans/${draft.uuid}/diff?against=${published.uuid}`);
    expect(diff0.body).toEqual([]);
    const republished = await api.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version });
    expect(republished).toMatchObject({ status: 200, body: { status: 'published' } });
    expect(republished.body.assignments.map((a: { sequence: number }) => a.sequence)).toEqual(published.assignments.map((a: { sequence: number }) => a.sequence));
    const old = (await api.request('GET', `/api/plans/${published.uuid}`)).body;
    expect(old.status).toBe('archived');
    expect((await api.request('PUT', `/api/plans/${published.uuid}/assignments`, { version: old.version, assignments: [] })).status).toBe(422);
    expect((await api.request('POST', `/api/plans/${draft.uuid}/publish`, { version: republished.body.version })).status).toBe(422);
    expect((await api.request('GET', `/api/plans/${draft.uuid}/diff?against=nope`)).status).toBe(400);
    expect((await api.request('GET', `/api/plans/${MISSING}`)).status).toBe(404);
    const archived = await api.request('POST', `/api/plans/${old.uuid}/archive`, { version: old.version });
    expect(archived.status).toBe(422);
    published = republished.body;
  });

  it('archives a draft nobody wants; an archived plan cannot be edited', async () => {
    const draft = await draftFromPublished();
    const archived = await api.request('POST', `/api/plans/${draft.uuid}/archive`, { version: draft.version });
    expect(archived).toMatchObject({ status: 200, body: { status: 'archived', version: draft.version + 1 } });
    expect((await api.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version + 1, assignments: [] })).status).toBe(422);
    expect((await api.request('POST', `/api/plans/${draft.uuid}/archive`, { version: draft.version })).status).toBe(422);
    const list = (await api.request('GET', `/api/cohorts/${cohort}/plans`)).body;
    expect(list.find((p: { uuid: string }) => p.uuid === draft.uuid).status).toBe('archived');
    expect(list.filter((p: { status: string }) => p.status === 'published')).toHaveLength(1);
  });

  it('refuses a draft from a cohort without a published plan, or from a run of another cohort', async () => {
    const regions = (await api.request('GET', '/api/regions')).body;
    const kr = (await api.request('GET', `/api/regions/${regions[0].uuid}/cohorts`)).body[0].uuid;
    const empty = await api.request('POST', `/api/cohorts/${kr}/plans`, { from: 'empty' });
    expect(empty).toMatchObject({ status: 201, body: { status: 'draft', assignments: [] } });
    expect((await api.request('POST', `/api/cohorts/${kr}/plans`, { from: 'run', run: MISSING })).status).toBe(404);
    expect((await api.request('POST', `/api/cohorts/${kr}/plans`, { from: 'somewhere' })).status).toBe(400);
    expect((await api.request('POST', `/api/cohorts/${MISSING}/plans`, { from: 'empty' })).status).toBe(404);
  });
});

describe('solver runs', () => {
  async function finished(run: string) {
    for (let i = 0; i < 300; i++) {
      const res = await api.request('GET', `/api/solver-runs/${run}`);
      if (!['queued', 'running'].includes(res.body.status)) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the run did not finish');
  }

  it('plan the Västernorrland cohort from start to a published plan', async () => {
    const start = await api.request('POST', `/api/cohorts/${cohort}/solver-runs`, { timeLimit: 20 });
    expect(start.status).toBe(202);
    expect(start.headers.get('location')).toBe(`/api/solver-runs/${start.body.uuid}`);
    expect(start.body).toMatchObject({ status: 'queued', parameters: { timeLimit: 20, seed: 1 } });
    const run = await finished(start.body.uuid);
    expect(run).toMatchObject({ status: 'succeeded', error: null, progress: { phase: 'done' } });
    expect(run.plans[0]).toMatchObject({ status: 'optimal', objective: 6 });
    const draft = (await api.request('GET', `/api/plans/${run.plan}`)).body;
    expect(draft).toMatchObject({ status: 'draft', objective: 6, bound: 6 });
    expect(draft.violations.filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
    // Placements the solver left where they were keep their id; the others are new or moved.
    const diff = (await api.request('GET', `/api/plans/${draft.uuid}/diff?against=${published.uuid}`)).body;
    const changed = new Set(diff.map((c: { doctor: string; block: string }) => `${c.doctor}/${c.block}`));
    for (const a of draft.assignments) {
      const before = published.assignments.find((p: { doctor: string; block: string }) => p.doctor === a.doctor && p.block === a.block);
      if (!changed.has(`${a.doctor}/${a.block}`)) expect(a.placement).toBe(before.placement);
    }
    const result = await api.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version });
    expect(result).toMatchObject({ status: 200, body: { status: 'published' } });
    for (const a of result.body.assignments) {
      const before = published.assignments.find((p: { placement: string }) => p.placement === a.placement);
      if (!before) expect(a.sequence).toBe(0);
      else expect(a.sequence).toBe(changed.has(`${a.doctor}/${a.block}`) ? before.sequence + 1 : before.sequence);
    }
  });

  it('replans with frozenBefore: the weeks before it keep their published placement, a later placement moves to a wish', async () => {
    // A cohort of its own in a region of its own: one doctor with the builders' year (intro
    // [0, 2), acute [2, 17) around vacation [14, 16), pc [17, 30), psy [30, 34)), two hospitals
    // and two vårdcentraler, and wishes (weight 5, so 50 if unmet) for the ones not published.
    const region = await ok(api.request('POST', '/api/regions', { name: 'Region Frysning' }), 201);
    const problem = aProblem({
      sites: [
        aSite({ id: 'hosp-a', kinds: ['acute'] }),
        aSite({ id: 'hosp-b', kinds: ['acute'] }),
        aSite({ id: 'vc-a', kinds: ['primary-care'] }),
        aSite({ id: 'vc-b', kinds: ['primary-care'] }),
        aSite({ id: 'psy', kinds: ['psychiatry'] }),
      ],
      doctors: [aDoctor({ wishes: [{ block: 'acute', site: 'hosp-b', weight: 5 }, { block: 'pc', site: 'vc-b', weight: 5 }] })],
    });
    const own = await ok(api.request('POST', `/api/regions/${region.uuid}/cohorts/import`, { name: 'Frysta veckor', problem }), 201);
    const publishedPlan = strip(aPlan(problem, { d1: { sites: { acute: 'hosp-a', pc: 'vc-a' } } }).assignments);
    const empty = await ok(api.request('POST', `/api/cohorts/${own.uuid}/plans`, { from: 'empty' }), 201);
    const edited = await ok(api.request('PUT', `/api/plans/${empty.uuid}/assignments`, { version: empty.version, assignments: publishedPlan }));
    const before = await ok(api.request('POST', `/api/plans/${empty.uuid}/publish`, { version: edited.version }));

    // Acute started in week 2, before frozenBefore (week 4): granting its wish would move the
    // past, which freezing forbids; pc (week 17) lies after it and moves to its wish.
    const frozenBefore = week(4);
    const start = await api.request('POST', `/api/cohorts/${own.uuid}/solver-runs`, { timeLimit: 10, frozenBefore });
    expect(start.status).toBe(202);
    const run = await finished(start.body.uuid);
    expect(run.status).toBe('succeeded');
    const after = strip((await ok(api.request('GET', `/api/plans/${run.plan}`))).assignments);

    const doing = (plan: typeof after, w: string) => plan.filter((a) => a.from <= w && w < a.to).map((a) => `${a.block}@${a.site ?? '-'}`).sort().join(' ');
    const frozenWeeks = Array.from({ length: 4 }, (_, i) => week(i));
    expect(frozenWeeks.map((w) => doing(after, w))).toEqual(frozenWeeks.map((w) => doing(strip(before.assignments), w)));
    expect(frozenWeeks.map((w) => doing(after, w))).toEqual(['intro@-', 'intro@-', 'acute@hosp-a', 'acute@hosp-a']);
    const { from, to } = publishedPlan.find((a) => a.block === 'pc')!;
    expect(await ok(api.request('GET', `/api/plans/${run.plan}/diff?against=${before.uuid}`))).toEqual([
      { doctor: 'd1', block: 'pc', before: { site: 'vc-a', from, to }, after: { site: 'vc-b', from, to } },
    ]);
  });

  it('can be cancelled while queued or running, and then makes no draft', async () => {
    const plansBefore = (await api.request('GET', `/api/cohorts/${cohort}/plans`)).body.length;
    const start = await api.request('POST', `/api/cohorts/${cohort}/solver-runs`, { timeLimit: 60, variants: 6 });
    const cancelled = await api.request('POST', `/api/solver-runs/${start.body.uuid}/cancel`);
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    expect((await api.request('POST', `/api/solver-runs/${start.body.uuid}/cancel`)).status).toBe(422);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await api.request('GET', `/api/solver-runs/${start.body.uuid}`)).body).toMatchObject({ status: 'cancelled', plan: null, plans: null });
    expect((await api.request('GET', `/api/cohorts/${cohort}/plans`)).body.length).toBe(plansBefore);
  });

  it('are listed per cohort, newest first', async () => {
    const list = (await api.request('GET', `/api/cohorts/${cohort}/solver-runs`)).body;
    expect(list.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'succeeded']);
    expect((await api.request('GET', `/api/cohorts/${MISSING}/solver-runs`)).status).toBe(404);
  });

  it('refuse bad parameters (400) and unknown cohorts or runs (404)', async () => {
    const bad = await api.request('POST', `/api/cohorts/${cohort}/solver-runs`, { timeLimit: 0, frozenBefore: '2026-03-03' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['timeLimit', 'frozenBefore']);
    expect((await api.request('POST', `/api/cohorts/${MISSING}/solver-runs`, {})).status).toBe(404);
    expect((await api.request('GET', `/api/solver-runs/${MISSING}`)).status).toBe(404);
    expect((await api.request('POST', `/api/solver-runs/${MISSING}/cancel`)).status).toBe(404);
  });
});
