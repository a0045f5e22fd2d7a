// The setup API over HTTP on a real PostgreSQL: regions, sites, templates, cohorts, doctors —
// each one's happy path and its 400 / 404 / 409 / 422 answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kronoberg2026 } from '../../../shared/domain/presets';
import { BUILT_IN_ASSESSMENT_KINDS } from '../../../shared/domain/readiness';
import { startApi, type TestApi } from '../../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const MISSING = '00000000-0000-4000-8000-000000000000';
const post = (path: string, body: unknown) => api.request('POST', path, body);
const patch = (path: string, body: unknown) => api.request('PATCH', path, body);

async function aRegion(name: string) {
  const res = await post('/api/regions', { name });
  expect(res.status).toBe(201);
  return res.body as { uuid: string; version: number; name: string };
}

describe('regions', () => {
  it('are created, listed, read, renamed and deleted', async () => {
    const region = await aRegion('Region Halland');
    expect(region).toEqual({ uuid: expect.any(String), version: 1, name: 'Region Halland', assessmentKinds: BUILT_IN_ASSESSMENT_KINDS });
    expect((await api.request('GET', '/api/regions')).body).toContainEqual(region);
    expect((await api.request('GET', `/api/regions/${region.uuid}`)).body).toEqual(region);
    const renamed = await patch(`/api/regions/${region.uuid}`, { name: 'Region Halland (test)', version: 1 });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'Region Halland (test)', version: 2 } });
    expect((await api.request('DELETE', `/api/regions/${region.uuid}?version=2`)).status).toBe(204);
    expect((await api.request('GET', `/api/regions/${region.uuid}`)).status).toBe(404);
  });

  it('answer 400 naming the field, 404 for an unknown id, 409 for a clash or a stale version', async () => {
    const bad = await post('/api/regions', { name: '', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['(root)', 'name']);
    expect(bad.body.detail).toContain('name: ');

    expect((await api.request('GET', '/api/regions/not-a-uuid')).body.errors).toEqual([{ path: 'id', message: 'is not an id (uuid)' }]);
    expect((await api.request('GET', `/api/regions/${MISSING}`)).status).toBe(404);

    const region = await aRegion('Region Dalarna');
    expect((await post('/api/regions', { name: 'Region Dalarna' })).status).toBe(409);
    await patch(`/api/regions/${region.uuid}`, { name: 'Region Dalarna 2', version: 1 });
    const stale = await patch(`/api/regions/${region.uuid}`, { name: 'Region Dalarna 3', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain('changed by someone else');
    expect((await api.request('DELETE', `/api/regions/${region.uuid}?version=1`)).status).toBe(409);
    expect((await api.request('DELETE', `/api/regions/${region.uuid}`)).status).toBe(400);
    expect((await api.request('GET', `/api/regions/${region.uuid}`)).body.name).toBe('Region Dalarna 2');
  });
});

describe('sites', () => {
  it('keep their capacity overrides and are updated as a whole', async () => {
    const region = await aRegion('Region Sites');
    const body = { id: 'vxo-kir', name: 'Kirurgen Växjö', town: 'Växjö', kinds: ['surgery'], capacity: 2, overrides: [{ from: '2026-06-22', to: '2026-08-17', capacity: 1 }] };
    const created = await post(`/api/regions/${region.uuid}/sites`, body);
    expect(created).toMatchObject({ status: 201, body: { ...body, version: 1 } });
    const site = created.body;
    const updated = await patch(`/api/sites/${site.uuid}`, { ...body, capacity: 3, overrides: [], version: 1 });
    expect(updated.body).toEqual({ ...body, uuid: site.uuid, capacity: 3, overrides: [], version: 2 });
    expect((await api.request('GET', `/api/regions/${region.uuid}/sites`)).body).toEqual([updated.body]);
    expect((await api.request('DELETE', `/api/sites/${site.uuid}?version=2`)).status).toBe(204);
  });

  it('refuse a negative capacity, a non-Monday override and an override ending first (400), a duplicate id (409), an unknown region (404)', async () => {
    const region = await aRegion('Region Sites 2');
    const base = { id: 'a', name: 'A', town: 'T', kinds: ['surgery'], capacity: 1, overrides: [] };
    const bad = await post(`/api/regions/${region.uuid}/sites`, { ...base, capacity: -1, overrides: [{ from: '2026-06-23', to: '2026-06-22', capacity: 1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['capacity', 'overrides[0].from', 'overrides[0].to']);
    expect((await post(`/api/regions/${region.uuid}/sites`, { ...base, overrides: [{ from: '2026-06-29', to: '2026-06-22', capacity: 1 }] })).body.errors).toEqual([
      { path: 'overrides[0].to', message: '2026-06-22 is not after from (2026-06-29)' },
    ]);
    expect((await post(`/api/regions/${region.uuid}/sites`, base)).status).toBe(201);
    expect((await post(`/api/regions/${region.uuid}/sites`, base)).status).toBe(409);
    expect((await post(`/api/regions/${MISSING}/sites`, base)).status).toBe(404);
    expect((await api.request('GET', `/api/sites/${MISSING}`)).status).toBe(404);
  });
});

describe('templates, cohorts and doctors', () => {
  it("refuse to rename (422) or delete (409) a site id that doctors name, and allow both when none do", async () => {
    const region = await aRegion('Region Rename');
    await post(`/api/regions/${region.uuid}/cohorts/import`, { name: 'K', problem: kronoberg2026.problem });
    const sites = (await api.request('GET', `/api/regions/${region.uuid}/sites`)).body;
    const named = kronoberg2026.problem.doctors.flatMap((d) => Object.values(d.allowedSites ?? {}).flat());
    const used = sites.find((s: { id: string }) => named.includes(s.id));
    const { uuid, ...body } = used;
    const refused = await patch(`/api/sites/${uuid}`, { ...body, id: 'new-code' });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain(`the site's id ${used.id} is named by doctors`);
    const free = (await post(`/api/regions/${region.uuid}/sites`, { id: 'lonely', name: 'Ensam', town: 'T', kinds: ['surgery'], capacity: 1 })).body;
    const { uuid: freeId, ...freeBody } = free;
    expect((await patch(`/api/sites/${freeId}`, { ...freeBody, id: 'lonely-2' })).body.id).toBe('lonely-2');
    // Nor can a site doctors name be deleted (no plan uses this region's sites yet).
    const gone = await api.request('DELETE', `/api/sites/${uuid}?version=${used.version}`);
    expect(gone).toMatchObject({ status: 409, body: { type: '/problems/in-use' } });
    expect(gone.body.detail).toContain(`the site ${used.id} is named by doctors`);
    expect((await api.request('GET', `/api/sites/${uuid}`)).status).toBe(200);
    expect((await api.request('DELETE', `/api/sites/${freeId}?version=2`)).status).toBe(204);
  });

  it('import a problem file as a cohort and export the same problem again', async () => {
    const region = await aRegion('Region Kronoberg (import)');
    const imported = await post(`/api/regions/${region.uuid}/cohorts/import`, { name: 'Kronoberg BT 2026', problem: kronoberg2026.problem });
    expect(imported).toMatchObject({ status: 201, body: { name: 'Kronoberg BT 2026', doctors: 8, region: region.uuid } });
    const exported = await api.request('GET', `/api/cohorts/${imported.body.uuid}/problem`);
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(exported.body.blocks).toEqual(kronoberg2026.problem.blocks);
    expect(byId(exported.body.sites)).toEqual(byId(kronoberg2026.problem.sites));
    expect(byId(exported.body.doctors)).toEqual(byId(kronoberg2026.problem.doctors));
  });

  it('refuse an import whose doctors name unknown sites, pointing at the field (400)', async () => {
    const region = await aRegion('Region Import 2');
    const problem = structuredClone(kronoberg2026.problem);
    problem.doctors[0]!.allowedSites = { pc: ['nowhere'] };
    const res = await post(`/api/regions/${region.uuid}/cohorts/import`, { name: 'X', problem });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('problem.doctors[0].allowedSites.pc[0]');
    expect((await api.request('GET', `/api/regions/${region.uuid}/cohorts`)).body).toEqual([]);
  });

  it('create a template and a cohort on it; a template of another region is refused (422)', async () => {
    const region = await aRegion('Region T');
    const other = await aRegion('Region T2');
    const blocks = [
      { id: 'intro', kind: 'intro', category: 'cohort', weeks: 2, offset: 0 },
      { id: 'acute', kind: 'acute', category: 'acute', weeks: 13 },
    ];
    const template = await post(`/api/regions/${region.uuid}/templates`, { name: 'Kort', unit: 'weeks', blocks });
    expect(template).toMatchObject({ status: 201, body: { name: 'Kort', unit: 'weeks', blocks, version: 1 } });
    expect((await post(`/api/regions/${region.uuid}/templates`, { name: 'Dubbel', unit: 'weeks', blocks: [blocks[1], blocks[1]] })).body.errors).toEqual([
      { path: 'blocks', message: 'block ids must be unique ("acute" twice)' },
    ]);
    const cohort = await post(`/api/regions/${region.uuid}/cohorts`, { name: 'HT 2026', template: template.body.uuid });
    expect(cohort).toMatchObject({ status: 201, body: { name: 'HT 2026', template: template.body.uuid, doctors: 0 } });
    const foreign = await post(`/api/regions/${other.uuid}/cohorts`, { name: 'HT 2026', template: template.body.uuid });
    expect(foreign.status).toBe(422);
    // A template in use cannot go.
    expect((await api.request('DELETE', `/api/templates/${template.body.uuid}?version=1`)).status).toBe(409);

    // Read and change both; the cohort may move to another template of its region, not to one elsewhere.
    expect((await api.request('GET', `/api/regions/${region.uuid}/templates`)).body).toEqual([template.body]);
    const longer = await patch(`/api/templates/${template.body.uuid}`, { name: 'Längre', unit: 'weeks', blocks: [blocks[0], { ...blocks[1], weeks: 17 }], version: 1 });
    expect(longer).toMatchObject({ status: 200, body: { name: 'Längre', version: 2, blocks: [blocks[0], { ...blocks[1], weeks: 17 }] } });
    expect((await api.request('GET', `/api/templates/${template.body.uuid}`)).body).toEqual(longer.body);
    expect((await patch(`/api/templates/${template.body.uuid}`, { name: 'X', unit: 'days', blocks, version: 2 })).body.errors[0].path).toBe('unit');
    const second = (await post(`/api/regions/${region.uuid}/templates`, { name: 'Andra', unit: 'weeks', blocks })).body;
    const foreignTemplate = (await post(`/api/regions/${other.uuid}/templates`, { name: 'Annan', unit: 'weeks', blocks })).body;
    const renamed = await patch(`/api/cohorts/${cohort.body.uuid}`, { name: 'HT 2026 B', template: second.uuid, version: 1 });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'HT 2026 B', template: second.uuid, version: 2 } });
    expect((await patch(`/api/cohorts/${cohort.body.uuid}`, { name: 'HT 2026 C', template: foreignTemplate.uuid, version: 2 })).status).toBe(422);
    expect((await patch(`/api/cohorts/${cohort.body.uuid}`, { name: 'HT 2026 C', template: second.uuid, version: 1 })).status).toBe(409);
    expect((await api.request('DELETE', `/api/cohorts/${cohort.body.uuid}?version=2`)).status).toBe(204);
    expect((await api.request('DELETE', `/api/templates/${template.body.uuid}?version=2`)).status).toBe(204);
    expect((await api.request('GET', `/api/cohorts/${cohort.body.uuid}`)).status).toBe(404);
  });

  it('write an import whole or not at all: a clash halfway leaves nothing behind (409)', async () => {
    const region = await aRegion('Region Twice');
    const first = await post(`/api/regions/${region.uuid}/cohorts/import`, { name: 'K', problem: kronoberg2026.problem });
    expect(first.status).toBe(201);
    // Free the template name, so the second import gets as far as the cohort's name.
    const template = (await api.request('GET', `/api/templates/${first.body.template}`)).body;
    await patch(`/api/templates/${template.uuid}`, { name: 'K (mall)', unit: template.unit, blocks: template.blocks, version: template.version });
    const sites = (await api.request('GET', `/api/regions/${region.uuid}/sites`)).body.length;
    const problem = { ...kronoberg2026.problem, sites: [...kronoberg2026.problem.sites, { id: 'new-site', name: 'Ny', town: 'Växjö', kinds: ['surgery'], capacity: 1, overrides: [] }] };
    // Template and the new site are written, then the cohort's name clashes: all rolled back.
    const again = await post(`/api/regions/${region.uuid}/cohorts/import`, { name: 'K', problem });
    expect(again).toMatchObject({ status: 409, body: { detail: expect.stringContaining('uq_cohorts_region_name') } });
    expect((await api.request('GET', `/api/regions/${region.uuid}/sites`)).body.length).toBe(sites);
    expect((await api.request('GET', `/api/regions/${region.uuid}/templates`)).body.map((t: { name: string }) => t.name)).toEqual(['K (mall)']);
    expect((await api.request('GET', `/api/regions/${region.uuid}/cohorts`)).body.length).toBe(1);
  });

  it('keep a doctor with absences, credit, pins and wishes; edits need the current version', async () => {
    const region = await aRegion('Region D');
    const cohort = await post(`/api/regions/${region.uuid}/cohorts/import`, { name: 'K', problem: kronoberg2026.problem });
    const doctor = {
      id: 'new-1',
      name: 'Ny Doktor',
      town: 'Växjö',
      start: '2026-01-12',
      partTime: 0.75,
      protectedIdentity: true,
      absences: [{ first: '2026-09-07', last: '2026-10-02', reason: 'Föräldraledighet' }],
      credits: [{ block: 'psy', weeks: 13, decidedBy: 'Studierektor Eva Ek', decidedOn: '2025-12-01' }],
      pins: [{ block: 'surg', site: kronoberg2026.problem.sites.find((s) => s.kinds.includes('surgery'))!.id }],
      wishes: [{ block: 'pc', from: '2026-08-31', weight: 2 }],
    };
    const created = await post(`/api/cohorts/${cohort.body.uuid}/doctors`, doctor);
    // The absence keeps its days and gets the weeks they take.
    expect(created).toMatchObject({ status: 201, body: { ...doctor, absences: [{ ...doctor.absences[0], from: '2026-09-07', to: '2026-10-05' }], version: 1 } });
    const again = await api.request('GET', `/api/doctors/${created.body.uuid}`);
    expect(again.body).toEqual(created.body);
    const moved = await patch(`/api/doctors/${created.body.uuid}`, { ...doctor, absences: [], version: 1 });
    expect(moved.body).toMatchObject({ absences: [], version: 2 });
    expect((await patch(`/api/doctors/${created.body.uuid}`, { ...doctor, version: 1 })).status).toBe(409);
    const twoCredits = await post(`/api/cohorts/${cohort.body.uuid}/doctors`, { ...doctor, id: 'new-2', credits: [doctor.credits[0], doctor.credits[0]] });
    expect(twoCredits.body.errors).toEqual([
      { path: 'creditException', message: 'a second credit (tillgodoräknande) needs a recorded exception: reason, decided by the studierektor, date' },
      { path: 'credits[1].block', message: `${doctor.credits[0]!.block} is credited twice` },
    ]);
    expect((await post(`/api/cohorts/${cohort.body.uuid}/doctors`, { ...doctor, partTime: 0.3 })).body.errors[0].path).toBe('partTime');
    expect((await post(`/api/cohorts/${cohort.body.uuid}/doctors`, doctor)).status).toBe(409);
    expect((await api.request('DELETE', `/api/doctors/${created.body.uuid}?version=2`)).status).toBe(204);
    expect((await api.request('GET', `/api/doctors/${created.body.uuid}`)).status).toBe(404);
  });

  it('make a new intake a year later with every week moved', async () => {
    const region = await aRegion('Region Copy');
    const source = await post(`/api/regions/${region.uuid}/cohorts/import`, { name: 'K 2026', problem: kronoberg2026.problem });
    const copy = await post(`/api/cohorts/${source.body.uuid}/intake`, { name: 'K 2027', start: '2027-01-11', copyDoctors: true });
    expect(copy).toMatchObject({ status: 201, body: { name: 'K 2027', doctors: 8 } });
    // The vacation window (June–August 2026) moves to 2027 in a template of the copy's own.
    expect(copy.body.template).not.toBe(source.body.template);
    const [old, next] = await Promise.all([source.body.template, copy.body.template].map(async (id: string) => (await api.request('GET', `/api/templates/${id}`)).body));
    expect(next.name).toBe('K 2027');
    expect(old.blocks.find((b: { id: string }) => b.id === 'vac').window).toEqual({ from: '2026-06-01', to: '2026-08-31' });
    expect(next.blocks.find((b: { id: string }) => b.id === 'vac').window).toEqual({ from: '2027-06-01', to: '2027-08-31' });
    expect(next.blocks.map((b: { window?: unknown }) => ({ ...b, window: undefined }))).toEqual(old.blocks.map((b: { window?: unknown }) => ({ ...b, window: undefined })));
    const before = (await api.request('GET', `/api/cohorts/${source.body.uuid}/doctors`)).body;
    const after = (await api.request('GET', `/api/cohorts/${copy.body.uuid}/doctors`)).body;
    expect(after.map((d: { start: string }) => d.start)).toEqual(before.map((d: { start: string }) => addDays(d.start, 364)));
  });
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
