// A coordinator limited to towns of their region (the demo's koordinator.ovik: Örnsköldsvik and
// Sollefteå of Region Västernorrland): their towns' doctors and sites, other doctors only as
// codes and numbers, and no whole-region tasks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, loadDemoData } from '../../../server/db/demo-data';
import { ok, startApi, type Client, type TestApi } from '../../support/api';

const TOWNS = ['Örnsköldsvik', 'Sollefteå'];
const OVIK = DEMO_ACCOUNTS.find((a) => a.email === 'koordinator.ovik@bt-demo.se')!;

interface Doctor {
  uuid: string;
  id: string;
  name: string;
  town?: string;
  version: number;
}

let api: TestApi;
let ovik: Client;
let regionId: string;
let cohortId: string;
let doctors: Doctor[];
const theirs = (d: { town?: string | null }) => d.town != null && TOWNS.includes(d.town);

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  ovik = await api.signIn(OVIK.email, OVIK.password);
  regionId = (await ok(api.request('GET', '/api/regions'))).find((r: { name: string }) => r.name === 'Region Västernorrland').uuid;
  cohortId = (await ok(api.request('GET', `/api/regions/${regionId}/cohorts`)))[0].uuid;
  doctors = await ok(api.request('GET', `/api/cohorts/${cohortId}/doctors`));
  // The demo has doctors of their towns and of others.
  expect(doctors.filter(theirs).length).toBeGreaterThan(0);
  expect(doctors.filter((d) => !theirs(d)).length).toBeGreaterThan(0);
});
afterAll(() => api.close());

const ownDoctor = () => doctors.find(theirs)!;
const otherDoctor = () => doctors.find((d) => !theirs(d))!;

describe('a town-limited coordinator', () => {
  it('has the towns on their account', async () => {
    const me = await ok(ovik.request('GET', '/api/auth/me'));
    expect(me.towns).toEqual(TOWNS);
    expect(me.regions).toEqual([regionId]);
  });

  it("lists only their towns' doctors and sites", async () => {
    const listed: Doctor[] = await ok(ovik.request('GET', `/api/cohorts/${cohortId}/doctors`));
    expect(listed.map((d) => d.uuid).sort()).toEqual(doctors.filter(theirs).map((d) => d.uuid).sort());
    const allSites: { uuid: string; town: string }[] = await ok(api.request('GET', `/api/regions/${regionId}/sites`));
    const sites: { uuid: string; town: string }[] = await ok(ovik.request('GET', `/api/regions/${regionId}/sites`));
    expect(sites.map((s) => s.uuid).sort()).toEqual(allSites.filter(theirs).map((s) => s.uuid).sort());
    expect(sites.length).toBeLessThan(allSites.length);
  });

  it("lists only their towns' doctors' requests", async () => {
    const wish = { kind: 'wish', wish: { block: 'pc', weight: 1 } };
    const own = await ok(api.request('POST', `/api/doctors/${ownDoctor().uuid}/requests`, wish), 201);
    await ok(api.request('POST', `/api/doctors/${otherDoctor().uuid}/requests`, wish), 201);
    const listed: { uuid: string }[] = await ok(ovik.request('GET', `/api/cohorts/${cohortId}/requests`));
    expect(listed.map((r) => r.uuid)).toEqual([own.uuid]);
  });

  it("reads and changes their doctor; another town's doctor and site do not exist for them (404)", async () => {
    expect((await ovik.request('GET', `/api/doctors/${ownDoctor().uuid}`)).status).toBe(200);
    expect((await ovik.request('GET', `/api/doctors/${otherDoctor().uuid}`)).status).toBe(404);
    expect((await ovik.request('GET', `/api/doctors/${otherDoctor().uuid}/schedule`)).status).toBe(404);
    const { uuid: _u, version, ...body } = await ok(api.request('GET', `/api/doctors/${otherDoctor().uuid}`));
    expect((await ovik.request('PATCH', `/api/doctors/${otherDoctor().uuid}`, { ...body, version })).status).toBe(404);
    const otherSite = (await ok(api.request('GET', `/api/regions/${regionId}/sites`))).find((s: { town: string }) => !theirs(s));
    expect((await ovik.request('GET', `/api/sites/${otherSite.uuid}`)).status).toBe(404);
  });

  it("may not move their doctor to another town, nor add a doctor of another town (422 at town)", async () => {
    const { uuid: _u, ...body } = await ok(api.request('GET', `/api/doctors/${ownDoctor().uuid}`));
    const moved = await ovik.request('PATCH', `/api/doctors/${ownDoctor().uuid}`, { ...body, town: 'Sundsvall' });
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toEqual([expect.objectContaining({ path: 'town' })]);
    const { version: _v, ...fresh } = body;
    const added = await ovik.request('POST', `/api/cohorts/${cohortId}/doctors`, { ...fresh, id: 'sundsvall-new', town: 'Sundsvall' });
    expect(added.status).toBe(422);
    expect((await ovik.request('POST', `/api/cohorts/${cohortId}/doctors`, { ...fresh, id: 'ovik-new', town: 'Örnsköldsvik' })).status).toBe(201);
  });

  it('may not publish, solve or change the region (403)', async () => {
    const draft = await ok(api.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'published' }), 201);
    const publish = await ovik.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version });
    expect(publish.status).toBe(403);
    expect(publish.body.detail).toMatch(/limited to towns/);
    expect((await ovik.request('POST', `/api/cohorts/${cohortId}/solver-runs`, { timeLimit: 5 })).status).toBe(403);
    expect((await ovik.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'published' })).status).toBe(403);
    expect((await ovik.request('GET', `/api/regions/${regionId}/audit`)).status).toBe(403);
    expect((await ovik.request('GET', `/api/cohorts/${cohortId}/feed`)).status).toBe(403);
    // Reading the region's plans is theirs.
    expect((await ovik.request('GET', `/api/plans/${draft.uuid}`)).status).toBe(200);
  });

  it("edits a draft's assignments of their doctors only: another town's doctor's are refused (403 naming the code)", async () => {
    const draft = await ok(api.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'published' }), 201);
    const plain = (draft.assignments as Record<string, unknown>[]).map(({ doctor, block, site, from, to }) => ({ doctor, block, site, from, to }));
    const without = (code: string) => {
      const i = plain.findIndex((a) => a.doctor === code);
      expect(i).toBeGreaterThanOrEqual(0);
      return plain.filter((_, j) => j !== i);
    };
    const other = await ovik.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: without(otherDoctor().id) });
    expect(other.status).toBe(403);
    expect(other.body.detail).toContain(otherDoctor().id);
    // Nothing was written: the version is the same.
    expect((await ok(api.request('GET', `/api/plans/${draft.uuid}`))).version).toBe(draft.version);
    const own = await ovik.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: without(ownDoctor().id) });
    expect(own.status).toBe(200);
  });

  it("sees other towns' doctors on the board and in the load only as codes and numbers", async () => {
    const occupancy = JSON.stringify(await ok(ovik.request('GET', `/api/regions/${regionId}/occupancy`)));
    for (const d of doctors) expect(occupancy).not.toContain(d.name);
    const problem = await ok(ovik.request('GET', `/api/cohorts/${cohortId}/problem`));
    const text = JSON.stringify(problem);
    for (const d of doctors.filter((x) => !theirs(x))) expect(text).not.toContain(d.name);
    expect(problem.doctors.find((d: { id: string }) => d.id === ownDoctor().id).name).toBe(ownDoctor().name);
    expect(problem.doctors.find((d: { id: string }) => d.id === otherDoctor().id).name).toBe(otherDoctor().id);
    // A plan's violations name doctors: another town's by code only.
    const draft = await ok(api.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'published' }), 201);
    const plain = (draft.assignments as Record<string, unknown>[]).map(({ doctor, block, site, from, to }) => ({ doctor, block, site, from, to }));
    const edited = await ok(api.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: plain.filter((a) => a.doctor !== otherDoctor().id) }));
    expect(JSON.stringify(edited.violations)).toContain(otherDoctor().name);
    const seen = await ok(ovik.request('GET', `/api/plans/${draft.uuid}`));
    expect(JSON.stringify(seen.violations)).not.toContain(otherDoctor().name);
    expect(JSON.stringify(seen.violations)).toContain(otherDoctor().id);
    // A coordinator of the whole region reads the names.
    const whole = await ok(api.request('GET', `/api/cohorts/${cohortId}/problem`));
    expect(problem.doctors.map((d: { id: string }) => d.id)).toEqual(whole.doctors.map((d: { id: string }) => d.id));
    expect(whole.doctors.find((d: { id: string }) => d.id === otherDoctor().id).name).toBe(otherDoctor().name);
  });
});

describe('an account limited to towns', () => {
  const body = (towns: string[], role = 'coordinator') => ({ email: `towns-${towns.length}-${role}@test.example`, password: 'towns-password-123', role, regions: [regionId], towns });

  it('names only towns of its region: a site or a doctor must be there (422 at towns)', async () => {
    const unknown = await api.request('POST', '/api/users', body(['Örnsköldsvik', 'Växjö']));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'towns', message: expect.stringContaining('Växjö') })]);
    const created = await ok(api.request('POST', '/api/users', body(['Sollefteå'])), 201);
    expect(created.towns).toEqual(['Sollefteå']);
    const listed = (await ok(api.request('GET', '/api/users'))).find((u: { email: string }) => u.email === created.email);
    expect(listed.towns).toEqual(['Sollefteå']);
  });

  it('is a coordinator (400 for another role)', async () => {
    expect((await api.request('POST', '/api/users', { ...body(['Sollefteå'], 'clinic'), regions: [], sites: [] })).status).toBe(400);
  });
});
