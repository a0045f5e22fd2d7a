// One region, many cohorts, over HTTP on a real PostgreSQL: a site's capacity is shared by every
// BT doctor there. A cohort's problem carries what the other cohorts' published plans take,
// the solver plans against it (or says which site and which cohort leave too little), a plan
// that overloads with the others is refused at publishing — also when two are published at the
// same moment — a lowered capacity shows as a violation that replanning mends, and clinics see
// every cohort at their site.
import ICAL from 'ical.js';
import type { QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { capacityAt } from '../../../shared/domain/capacity';
import { siteLoad } from '../../../shared/domain/load';
import { planErrors } from '../../../shared/domain/validate-plan';
import { weeksOf } from '../../../shared/domain/weeks';
import type { Assignment } from '../../../shared/format/plan';
import type { Problem, ProblemInput } from '../../../shared/format/problem';
import { ok, startApi, type TestApi } from '../../support/api';
import { aDoctor, aPlan, aProblem, week } from '../../support/builders';

let api: TestApi;

beforeAll(async () => {
  api = await startApi({ solverQueue: true });
  expect(await loadDemoData(api.dataSource)).toBe(true);
}, 60_000);
afterAll(() => api?.close());

const strip = (list: Assignment[]): Assignment[] => list.map(({ doctor, block, site, from, to }) => ({ doctor, block, site, from, to }));

async function newRegion(name: string): Promise<string> {
  return (await ok(api.request('POST', '/api/regions', { name }), 201)).uuid;
}

/** A cohort made from a problem file (its template, missing sites and doctors). */
async function importCohort(region: string, name: string, problem: ProblemInput): Promise<string> {
  return (await ok(api.request('POST', `/api/regions/${region}/cohorts/import`, { name, problem }), 201)).uuid;
}

async function draftWith(cohort: string, assignments: Assignment[]): Promise<{ uuid: string; version: number; violations: any[] }> {
  const draft = await ok(api.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'empty' }), 201);
  return ok(api.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments }));
}

const publish = (plan: { uuid: string; version: number }) => api.request('POST', `/api/plans/${plan.uuid}/publish`, { version: plan.version });

async function problemOf(cohort: string): Promise<Problem> {
  return ok(api.request('GET', `/api/cohorts/${cohort}/problem`));
}

async function plans(cohort: string): Promise<{ uuid: string; status: string; number: number }[]> {
  return ok(api.request('GET', `/api/cohorts/${cohort}/plans`));
}

async function solverRun(cohort: string, body: object = { timeLimit: 20 }): Promise<any> {
  let run = await ok(api.request('POST', `/api/cohorts/${cohort}/solver-runs`, body), 202);
  for (let i = 0; i < 600 && (run.status === 'queued' || run.status === 'running'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    run = await ok(api.request('GET', `/api/solver-runs/${run.uuid}`));
  }
  expect(run.status).toBe('succeeded');
  return run;
}

/**
 * Site-weeks of the region over capacity in its published plans, counted from the region view's
 * raw load (every cohort's published runs added up) against each site's capacity.
 */
async function overloadedSiteWeeks(region: string): Promise<string[]> {
  const occupancy = await ok(api.request('GET', `/api/regions/${region}/occupancy`));
  const total = new Map<string, number>();
  for (const entry of occupancy.load.filter((e: { plan: string }) => e.plan === 'published')) {
    for (const run of entry.runs) for (const w of weeksOf(run)) total.set(`${entry.site}@${w}`, (total.get(`${entry.site}@${w}`) ?? 0) + run.doctors);
  }
  const sites = new Map<string, any>(occupancy.sites.map((s: { id: string }) => [s.id, s]));
  return [...total].filter(([key, n]) => n > capacityAt(sites.get(key.split('@')[0]!)!, key.split('@')[1]!)).map(([key]) => key);
}

// A small region: one site per kind, capacity 1 each (the builders' default problem).
// "Vår": one doctor in acute [2, 17) around vacation [14, 16), primary care [17, 30), psychiatry [30, 34).
const spring = aProblem({ name: 'Vår 2026' });
const springPlan = aPlan(spring).assignments;

describe('a cohort planned next to a published one', () => {
  let region: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    region = await newRegion('Region Delad');
    first = await importCohort(region, 'Vår 2026', spring);
    expect((await publish(await draftWith(first, springPlan))).status).toBe(200);
    second = await importCohort(region, 'Höst 2026', aProblem({ name: 'Höst 2026' }));
  });

  it("carries the first cohort's published service weeks as taken load on its sites, with the cohort's name", async () => {
    const problem = await problemOf(second);
    const taken = Object.fromEntries(problem.sites.map((s) => [s.id, s.taken]));
    expect(taken).toEqual({
      // Vacation weeks 14–15 are not service: they split the acute placement's load.
      hosp: [
        { from: week(2), to: week(14), doctors: 1, cohort: 'Vår 2026' },
        { from: week(16), to: week(17), doctors: 1, cohort: 'Vår 2026' },
      ],
      vc: [{ from: week(17), to: week(30), doctors: 1, cohort: 'Vår 2026' }],
      psy: [{ from: week(30), to: week(34), doctors: 1, cohort: 'Vår 2026' }],
    });
    // The first cohort's own problem carries nothing: a cohort never takes its own capacity.
    expect((await problemOf(first)).sites.map((s) => s.taken)).toEqual([undefined, undefined, undefined]);
  });

  it('the same rotation in the second cohort is a capacity violation naming both parts', async () => {
    const draft = await draftWith(second, springPlan);
    const capacity = draft.violations.filter((v) => v.code === 'capacity');
    expect(capacity.map((v) => [v.site, v.from, v.to, v.load])).toEqual([
      ['hosp', week(2), week(14), { cohort: 1, others: 1, capacity: 1 }],
      ['hosp', week(16), week(17), { cohort: 1, others: 1, capacity: 1 }],
      ['vc', week(17), week(30), { cohort: 1, others: 1, capacity: 1 }],
      ['psy', week(30), week(34), { cohort: 1, others: 1, capacity: 1 }],
    ]);
    expect(capacity[0].message_sv).toMatch(/^Sjukhuset: 2 BT-läkare i tjänst v\. \d+ 2026–v\. \d+ 2026 \(1 i denna kohort, 1 i andra kohorter\), kapacitet 1$/);
  });

  it('publishing it is refused with 422 region-capacity listing the site-weeks, and nothing is published', async () => {
    const draft = (await plans(second)).find((p) => p.status === 'draft')!;
    const plan = await ok(api.request('GET', `/api/plans/${draft.uuid}`));
    const res = await publish(plan);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('/problems/region-capacity');
    expect(res.body.siteWeeks).toEqual([
      { site: 'hosp', siteName: 'Sjukhuset', from: week(2), to: week(14), cohort: 1, others: 1, capacity: 1 },
      { site: 'hosp', siteName: 'Sjukhuset', from: week(16), to: week(17), cohort: 1, others: 1, capacity: 1 },
      { site: 'vc', siteName: 'Vårdcentralen', from: week(17), to: week(30), cohort: 1, others: 1, capacity: 1 },
      { site: 'psy', siteName: 'Psykiatrin', from: week(30), to: week(34), cohort: 1, others: 1, capacity: 1 },
    ]);
    expect(res.body.detail).toMatch(/other published plans: Sjukhuset: 2 BT doctors in service/);
    expect((await plans(second)).map((p) => p.status)).toEqual(['draft']);
    expect(await overloadedSiteWeeks(region)).toEqual([]);
  });

  it('the solver plans around the first cohort; its plan publishes and the region has no site-week over capacity', async () => {
    const run = await solverRun(second);
    const [result] = run.plans;
    expect(['optimal', 'feasible']).toContain(result.status);
    const problem = await problemOf(second);
    expect(planErrors(problem, result)).toEqual([]);
    const draft = await ok(api.request('GET', `/api/plans/${run.plan}`));
    expect((await publish(draft)).status).toBe(200);
    expect(await overloadedSiteWeeks(region)).toEqual([]);
  });

  it("an exported problem with taken load imports again; the new cohort's taken is the region's, not the file's", async () => {
    const exported = await problemOf(second);
    expect(exported.sites.find((s) => s.id === 'hosp')!.taken).toEqual([
      { from: week(2), to: week(14), doctors: 1, cohort: 'Vår 2026' },
      { from: week(16), to: week(17), doctors: 1, cohort: 'Vår 2026' },
    ]);
    const copy = await importCohort(region, 'Höst 2026 (import)', JSON.parse(JSON.stringify(exported)));
    const imported = await problemOf(copy);
    expect(imported.doctors).toEqual(exported.doctors);
    expect(imported.blocks).toEqual(exported.blocks);
    // Now both published cohorts take the hospital's capacity.
    expect(new Set(imported.sites.find((s) => s.id === 'hosp')!.taken!.map((t) => t.cohort))).toEqual(new Set(['Vår 2026', 'Höst 2026']));
    await ok(api.request('DELETE', `/api/cohorts/${copy}?version=1`), 204);
  });

  it('a third cohort that cannot fit is infeasible, naming the site and the cohorts that take it', async () => {
    // Spring and autumn together fill every site from week 2 to week 34: no 13 acute weeks are left.
    const third = await importCohort(region, 'Extra 2026', aProblem({ name: 'Extra 2026' }));
    const run = await solverRun(third);
    const [result] = run.plans;
    expect(result.status).toBe('infeasible');
    expect(result.assignments).toEqual([]);
    const hospital = result.explanation.find((e: { sites?: string[] }) => e.sites?.join() === 'hosp');
    expect(hospital).toMatchObject({
      code: 'site-capacity',
      message_sv: 'Sjukhuset: 1 läkare i denna kohort behöver 13 veckor var mellan v. 12 2026 och v. 43 2026; kapacitet 1 ger 32 läkarveckor, varav 26 tagna av Höst 2026 och Vår 2026: 6 kvar, 13 behövs',
      message_en: 'Sjukhuset: 1 doctor in this cohort needs 13 weeks each between w. 12 2026 and w. 43 2026; capacity 1 gives 32 doctor-weeks, of which 26 are taken by Höst 2026 and Vår 2026: 6 left, 13 needed',
    });
    expect(run.plan).toBeNull();
  });

  it('a lowered capacity puts a published plan over it: its board shows the violation, and replanning mends it', async () => {
    const hosp = (await ok(api.request('GET', `/api/regions/${region}/sites`))).find((s: { id: string }) => s.id === 'hosp');
    const firstPublished = (await plans(first)).find((p) => p.status === 'published')!;
    const before = await ok(api.request('GET', `/api/plans/${firstPublished.uuid}`));
    expect(before.violations.filter((v: { code: string }) => v.code === 'capacity')).toEqual([]);
    const { uuid, ...body } = hosp;
    // Capacity 0 in weeks 4–5, where the spring doctor is at the hospital.
    await ok(api.request('PATCH', `/api/sites/${uuid}`, { ...body, overrides: [{ from: week(4), to: week(6), capacity: 0 }] }));
    const after = await ok(api.request('GET', `/api/plans/${firstPublished.uuid}`));
    expect(after.violations.filter((v: { code: string }) => v.code === 'capacity').map((v: any) => [v.site, v.from, v.to, v.load])).toEqual([
      ['hosp', week(4), week(6), { cohort: 1, others: 0, capacity: 0 }],
    ]);
    expect(await overloadedSiteWeeks(region)).toEqual([`hosp@${week(4)}`, `hosp@${week(5)}`]);

    const run = await solverRun(first);
    expect(['optimal', 'feasible']).toContain(run.plans[0].status);
    const draft = await ok(api.request('GET', `/api/plans/${run.plan}`));
    expect(draft.violations.filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
    expect((await publish(draft)).status).toBe(200);
    expect(await overloadedSiteWeeks(region)).toEqual([]);
  });
});

describe('two publications at the same moment', () => {
  /**
   * Holds the audit log's table lock: both publications then do everything up to their last
   * write while the other is in flight too, so a check that is not serialised would pass both.
   */
  async function holdAuditLog(): Promise<QueryRunner> {
    const runner = api.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query('LOCK TABLE audit_log IN SHARE MODE');
    return runner;
  }

  async function waiting(count: number): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`fewer than ${count} requests waited`);
  }

  it('of two plans that each fit alone but not together, exactly one is published; the other gets 422 region-capacity', async () => {
    const region = await newRegion('Region Samtidig');
    const a = await importCohort(region, 'A 2026', aProblem({ name: 'A 2026' }));
    const b = await importCohort(region, 'B 2026', aProblem({ name: 'B 2026' }));
    const [draftA, draftB] = [await draftWith(a, springPlan), await draftWith(b, springPlan)];
    expect([draftA, draftB].map((d) => d.violations.filter((v) => v.severity === 'error'))).toEqual([[], []]);

    const lock = await holdAuditLog();
    const racing = Promise.all([publish(draftA), publish(draftB)]);
    try {
      await waiting(2);
    } finally {
      await lock.commitTransaction();
      await lock.release();
    }
    const answers = await racing;
    expect(answers.map((r) => r.status).sort()).toEqual([200, 422]);
    expect(answers.find((r) => r.status === 422)!.body.type).toBe('/problems/region-capacity');
    const published = [...(await plans(a)), ...(await plans(b))].filter((p) => p.status === 'published');
    expect(published).toHaveLength(1);
    expect(await overloadedSiteWeeks(region)).toEqual([]);
  });
});

describe('the Västernorrland demo cohort copied to a second cohort of the same intake', () => {
  it("is infeasible next to the published original: each explanation names a site and the cohort that takes it; nothing is over capacity", async () => {
    const regions = await ok(api.request('GET', '/api/regions'));
    const region = regions.find((r: { name: string }) => r.name === 'Region Västernorrland').uuid;
    const [source] = await ok(api.request('GET', `/api/regions/${region}/cohorts`));
    expect(source.name).toBe('Västernorrland VT 2026');
    const copy = await ok(api.request('POST', `/api/cohorts/${source.uuid}/intake`, { name: 'Västernorrland VT 2026 B', start: '2026-02-16', copyDoctors: true }), 201);
    // Each town's vårdcentral and hospital have room for the original's doctors only: the copy's
    // home-town doctors need twice that.
    const run = await solverRun(copy.uuid);
    const [result] = run.plans;
    expect(result.status).toBe('infeasible');
    expect(run.plan).toBeNull();
    const sites = result.explanation.flatMap((e: { sites?: string[] }) => e.sites ?? []);
    expect(sites).toContain('hc-bergsaker');
    for (const e of result.explanation) {
      expect(e.code).toBe('site-capacity');
      expect(e.message_sv).toMatch(/: \d+ läkare i denna kohort behöver \d+ veckor var mellan v\. \d+ 2026 och v\. \d+ 2027; kapacitet \d+ ger \d+ läkarveckor, varav \d+ tagna av Västernorrland VT 2026: \d+ kvar, \d+ behövs$/);
    }
    expect(await overloadedSiteWeeks(region)).toEqual([]);
  });
});

describe('the region view (Beläggning)', () => {
  it("gives every site's load per cohort from the published plans and from the newest drafts, and refuses other regions' coordinators", async () => {
    const region = await newRegion('Region Vy');
    const a = await importCohort(region, 'A', aProblem({ name: 'A' }));
    const b = await importCohort(region, 'B', aProblem({ name: 'B', doctors: [aDoctor({ start: week(1) })] }));
    expect((await publish(await draftWith(a, springPlan))).status).toBe(200);
    const bPlan = aPlan(aProblem({ doctors: [aDoctor({ start: week(1) })] }), { d1: { order: ['pc', 'psy', 'acute'] } }).assignments;
    await draftWith(b, bPlan);
    const occupancy = await ok(api.request('GET', `/api/regions/${region}/occupancy`));
    expect(occupancy.cohorts.map((c: any) => [c.name, c.published, c.draft])).toEqual([
      ['A', 1, null],
      ['B', null, 1],
    ]);
    // By name: Psykiatrin, Sjukhuset, Vårdcentralen.
    expect(occupancy.sites.map((s: any) => [s.id, s.capacity])).toEqual([
      ['psy', 1],
      ['hosp', 1],
      ['vc', 1],
    ]);
    const byKey = new Map(occupancy.load.map((e: any) => [`${e.site}/${e.cohort === a ? 'A' : 'B'}/${e.plan}`, e.runs]));
    expect([...byKey.keys()].sort()).toEqual(['hosp/A/published', 'hosp/B/draft', 'psy/A/published', 'psy/B/draft', 'vc/A/published', 'vc/B/draft']);
    expect(byKey.get('hosp/A/published')).toEqual([
      { from: week(2), to: week(14), doctors: 1 },
      { from: week(16), to: week(17), doctors: 1 },
    ]);
    // The draft's runs are its service weeks: vacation and absences left out, as for capacity.
    const bLoad = siteLoad(bPlan, new Map());
    for (const site of ['hosp', 'vc', 'psy']) {
      const weeks = (byKey.get(`${site}/B/draft`) as { from: string; to: string; doctors: number }[]).flatMap((r) => weeksOf(r));
      expect(weeks).toEqual([...bLoad.get(site)!.keys()].sort());
    }
    const other = await api.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
    expect((await other.request('GET', `/api/regions/${region}/occupancy`)).status).toBe(404);
  });
});

describe('clinics see every cohort at their site', () => {
  it("the incoming list and the site's feed hold both cohorts' doctors", async () => {
    const region = await newRegion('Region Klinik');
    const a = await importCohort(region, 'Kull A', aProblem({ name: 'Kull A', doctors: [aDoctor({ name: 'Alva A' })] }));
    const b = await importCohort(region, 'Kull B', aProblem({ name: 'Kull B', doctors: [aDoctor({ name: 'Bert B', start: week(20) })] }));
    expect((await publish(await draftWith(a, springPlan))).status).toBe(200);
    // Bert starts in week 20 (July): vacation right after the introduction, then acute from week 24.
    const bPlan = aPlan(aProblem({ doctors: [aDoctor({ start: week(20) })] }), { d1: { at: { vac: week(22) } } }).assignments;
    expect((await publish(await draftWith(b, bPlan))).status).toBe(200);
    const hosp = (await ok(api.request('GET', `/api/regions/${region}/sites`))).find((s: { id: string }) => s.id === 'hosp');
    const incoming = await ok(api.request('GET', `/api/sites/${hosp.uuid}/incoming?from=2026-01-01`));
    expect(incoming.map((i: { name: string; cohort: string }) => `${i.name} (${i.cohort})`)).toEqual(['Alva A (Kull A)', 'Bert B (Kull B)']);
    const feed = await ok(api.request('POST', `/api/sites/${hosp.uuid}/feed`), 201);
    const ics = await api.anonymous.request('GET', new URL(feed.url).pathname);
    expect(ics.status).toBe(200);
    const summaries = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')));
    expect(summaries.some((s) => s.includes('Alva A'))).toBe(true);
    expect(summaries.some((s) => s.includes('Bert B'))).toBe(true);
  });
});
