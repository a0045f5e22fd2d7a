// The handledare of a doctor's placements over HTTP: the coordinator names one per block (a block
// of the cohort's template, once), the clinic sees them on its incoming doctors, and a supervisor
// account sees exactly the doctors whose handledare has its email.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUPERVISORS, loadDemoData } from '../../../server/db/demo-data';
import { kronoberg2026 } from '../../../shared/domain/presets';
import { ok, startApi, type Client, type TestApi } from '../../support/api';

let api: TestApi;
let coordinator: Client;
let demoDoctor: string;
let other: { uuid: string; id: string };

/** The Kronoberg demo doctor's site placements in the published plan, by start. */
const demoPlacements = () => {
  const first = kronoberg2026.plan.assignments.find((a) => a.site !== null)!;
  return kronoberg2026.plan.assignments.filter((a) => a.doctor === first.doctor && a.site !== null).sort((a, b) => a.from.localeCompare(b.from));
};
const siteName = (id: string) => kronoberg2026.problem.sites.find((s) => s.id === id)!.name;

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  coordinator = await api.signIn('koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026');
  const doctorClient = await api.signIn('lakare.kronoberg@bt-demo.se', 'demo-lakare-2026');
  demoDoctor = (await ok(doctorClient.request('GET', '/api/auth/me'))).doctor;
  const regions = await ok(coordinator.request('GET', '/api/regions'));
  const cohorts = await ok(coordinator.request('GET', `/api/regions/${regions[0].uuid}/cohorts`));
  const doctors = await ok(coordinator.request('GET', `/api/cohorts/${cohorts[0].uuid}/doctors`));
  other = doctors.find((d: { uuid: string }) => d.uuid !== demoDoctor);
});
afterAll(() => api.close());

describe('placement supervisors', () => {
  it('PUT replaces the list, GET reads it back in template order; the doctor reads their own', async () => {
    const body = { supervisors: [{ block: 'surg', name: 'Olle Kirurg', email: 'Olle.Kirurg@Region.SE' }, { block: 'im', name: 'Ina Medicin' }] };
    const saved = await ok(coordinator.request('PUT', `/api/doctors/${other.uuid}/supervisors`, body));
    const expected = [{ block: 'im', name: 'Ina Medicin' }, { block: 'surg', name: 'Olle Kirurg', email: 'olle.kirurg@region.se' }];
    expect(saved).toEqual(expected);
    expect(await ok(coordinator.request('GET', `/api/doctors/${other.uuid}/supervisors`))).toEqual(expected);
    // Replaced, not merged.
    expect(await ok(coordinator.request('PUT', `/api/doctors/${other.uuid}/supervisors`, { supervisors: [{ block: 'psy', name: 'Pia Psyk' }] }))).toEqual([{ block: 'psy', name: 'Pia Psyk' }]);
    const audit = await ok(coordinator.request('GET', `/api/regions/${(await ok(coordinator.request('GET', '/api/regions')))[0].uuid}/audit`));
    const entry = audit.find((e: { entity: string }) => e.entity === 'placement-supervisors');
    expect(entry).toMatchObject({ action: 'update', entityId: other.uuid, before: { id: other.id, blocks: ['im', 'surg'] }, after: { id: other.id, blocks: ['psy'] } });
    const doctorClient = await api.signIn('lakare.kronoberg@bt-demo.se', 'demo-lakare-2026');
    // The demo's handledare are named in the plan's order (pc first, with the account's email) and read in the template's.
    expect(await ok(doctorClient.request('GET', `/api/doctors/${demoDoctor}/supervisors`))).toEqual([
      { block: 'im', name: DEMO_SUPERVISORS.names[1] },
      { block: 'surg', name: DEMO_SUPERVISORS.names[2] },
      { block: 'psy', name: DEMO_SUPERVISORS.names[3] },
      { block: 'pc', name: DEMO_SUPERVISORS.names[0], email: DEMO_SUPERVISORS.email },
    ]);
  });

  it('refuses a block outside the template (422, naming the field) and a block twice (400), keeping the list', async () => {
    const before = await ok(coordinator.request('GET', `/api/doctors/${other.uuid}/supervisors`));
    const unknown = await coordinator.request('PUT', `/api/doctors/${other.uuid}/supervisors`, { supervisors: [{ block: 'im', name: 'A' }, { block: 'cardio', name: 'B' }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: 'supervisors[1].block', message: "cardio is not a block of the cohort's template" }]);
    const twice = await coordinator.request('PUT', `/api/doctors/${other.uuid}/supervisors`, { supervisors: [{ block: 'im', name: 'A' }, { block: 'im', name: 'B' }] });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ path: 'supervisors[1].block', message: 'im has a supervisor already' }]);
    expect(await ok(coordinator.request('GET', `/api/doctors/${other.uuid}/supervisors`))).toEqual(before);
  });

  it('a supervisor account sees exactly its doctors, with the supervised blocks from the published plan', async () => {
    const supervisor = await api.signIn(DEMO_SUPERVISORS.email, 'demo-handledare-2026');
    expect(supervisor.answer.status).toBe(200);
    expect(supervisor.answer.body).toMatchObject({ role: 'supervisor', regions: [], sites: [], doctor: null });
    const [first] = demoPlacements();
    const demo = await ok(coordinator.request('GET', `/api/doctors/${demoDoctor}`));
    const cohort = kronoberg2026.problem.name;
    expect(await ok(supervisor.request('GET', '/api/supervision'))).toEqual([
      { doctor: demoDoctor, name: demo.name, cohort, placements: [{ block: first!.block, blockName: 'Allmänmedicin', siteName: siteName(first!.site!), from: first!.from, to: first!.to }] },
    ]);
    // A second doctor under the same email, in a block the plan places; and one without a plan
    // (a block of the template the doctor is credited for) reads null weeks.
    await ok(coordinator.request('PUT', `/api/doctors/${other.uuid}/supervisors`, { supervisors: [{ block: 'psy', name: 'Karin Ek', email: DEMO_SUPERVISORS.email }, { block: 'intro', name: 'Karin Ek', email: DEMO_SUPERVISORS.email }] }));
    const again = await api.signIn(DEMO_SUPERVISORS.email, 'demo-handledare-2026');
    const list = await ok(again.request('GET', '/api/supervision'));
    expect(list.map((d: { doctor: string }) => d.doctor).sort()).toEqual([demoDoctor, other.uuid].sort());
    const psy = kronoberg2026.plan.assignments.find((a) => a.doctor === other.id && a.block === 'psy')!;
    const intro = kronoberg2026.plan.assignments.find((a) => a.doctor === other.id && a.block === 'intro')!;
    expect(list.find((d: { doctor: string }) => d.doctor === other.uuid).placements).toEqual([
      { block: 'intro', blockName: 'Introduktion (introduktionskurs)', siteName: null, from: intro.from, to: intro.to },
      { block: 'psy', blockName: 'Psykiatri', siteName: siteName(psy.site!), from: psy.from, to: psy.to },
    ]);
  });

  it('the admin creates a supervisor account (no regions, sites or doctor); it signs in and supervises no one until named', async () => {
    const created = await api.request('POST', '/api/users', { email: 'Ny.Handledare@Region.se', password: 'handledare-password-1', role: 'supervisor' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'ny.handledare@region.se', role: 'supervisor', regions: [], sites: [], doctor: null });
    const withRegion = await api.request('POST', '/api/users', { email: 'annan@region.se', password: 'handledare-password-1', role: 'supervisor', regions: [created.body.uuid] });
    expect(withRegion.status).toBe(400);
    const fresh = await api.signIn('ny.handledare@region.se', 'handledare-password-1');
    expect(fresh.answer.status).toBe(200);
    expect(await ok(fresh.request('GET', '/api/supervision'))).toEqual([]);
  });

  it("a supervisor reads their doctor's checklist and gets 404 for any other doctor", async () => {
    const supervisor = await api.signIn(DEMO_SUPERVISORS.email, 'demo-handledare-2026');
    const third = await thirdDoctor();
    expect((await supervisor.request('GET', `/api/doctors/${third}/checklist`)).status).toBe(404);
    const own = await supervisor.request('GET', `/api/doctors/${demoDoctor}/checklist`);
    expect(own.status).toBe(200);
    const doctor = await ok(coordinator.request('GET', `/api/doctors/${demoDoctor}`));
    expect(own.body.doctor).toEqual({ uuid: demoDoctor, name: doctor.name });
    // Under protected identity too: their checklist names the doctor as their list of supervisees does.
    const { uuid: _uuid, ...body } = doctor;
    const hidden = await ok(coordinator.request('PATCH', `/api/doctors/${demoDoctor}`, { ...body, protectedIdentity: true }));
    try {
      expect((await ok(supervisor.request('GET', `/api/doctors/${demoDoctor}/checklist`))).doctor.name).toBe(doctor.name);
      expect((await ok(supervisor.request('GET', '/api/supervision'))).map((d: { name: string }) => d.name)).toContain(doctor.name);
    } finally {
      await ok(coordinator.request('PATCH', `/api/doctors/${demoDoctor}`, { ...body, version: hidden.version, protectedIdentity: false }));
    }
  });

  it('the clinic sees the handledare of each incoming placement, by name only', async () => {
    const clinic = await api.signIn('klinik.kronoberg@bt-demo.se', 'demo-klinik-2026');
    const site = (await ok(clinic.request('GET', '/api/auth/me'))).sites[0];
    const incoming = await ok(clinic.request('GET', `/api/sites/${site}/incoming?from=2026-01-12`));
    const [first] = demoPlacements();
    const demo = await ok(coordinator.request('GET', `/api/doctors/${demoDoctor}`));
    expect(incoming.filter((i: { name: string }) => i.name === demo.name)).toEqual([
      { name: demo.name, cohort: kronoberg2026.problem.name, block: first!.block, kind: 'primary-care', from: first!.from, to: first!.to, supervisor: DEMO_SUPERVISORS.names[0] },
    ]);
    expect(incoming.filter((i: { name: string }) => i.name !== demo.name).map((i: { supervisor: string | null }) => i.supervisor)).toEqual(incoming.filter((i: { name: string }) => i.name !== demo.name).map(() => null));
  });
});

/** A Kronoberg doctor this supervisor does not supervise. */
async function thirdDoctor(): Promise<string> {
  const regions = await ok(coordinator.request('GET', '/api/regions'));
  const cohorts = await ok(coordinator.request('GET', `/api/regions/${regions[0].uuid}/cohorts`));
  const doctors = await ok(coordinator.request('GET', `/api/cohorts/${cohorts[0].uuid}/doctors`));
  return doctors.find((d: { uuid: string }) => d.uuid !== demoDoctor && d.uuid !== other.uuid).uuid;
}
