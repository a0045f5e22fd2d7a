// Privacy over HTTP: a protected identity never reaches a clinic's responses; absence reasons
// reach coordinators only; GDPR export of one doctor and erasure that keeps the placements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { PROTECTED_NAME_SV } from '../../../shared/domain/labels';
import { startApi, type Client, type TestApi } from '../../support/api';

let api: TestApi;
let clinic: Client;
let doctorClient: Client;
let coordinator: Client;
let siteId: string;
let doctorId: string;
let doctor: any;

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  clinic = await api.signIn('klinik.kronoberg@bt-demo.se', 'demo-klinik-2026');
  doctorClient = await api.signIn('lakare.kronoberg@bt-demo.se', 'demo-lakare-2026');
  coordinator = await api.signIn('koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026');
  siteId = (await clinic.request('GET', '/api/auth/me')).body.sites[0];
  doctorId = (await doctorClient.request('GET', '/api/auth/me')).body.doctor;
  // The doctor placed at the clinic's site gets protected identity and a leave with a reason.
  doctor = (await coordinator.request('GET', `/api/doctors/${doctorId}`)).body;
  const leave = { first: '2026-11-02', last: '2026-11-13', reason: 'Sjukskrivning: utbrändhet' };
  // Absences go back as their days (the weeks are derived).
  const absences = doctor.absences.map(({ from: _from, to: _to, ...days }: { from: string; to: string }) => days);
  const changed = await coordinator.request('PATCH', `/api/doctors/${doctorId}`, { ...doctor, uuid: undefined, protectedIdentity: true, absences: [...absences, leave], version: doctor.version });
  expect(changed.status).toBe(200);
  doctor = changed.body;
});
afterAll(() => api.close());

describe('protected identity', () => {
  it('never reaches the bytes of any response a clinic user gets', async () => {
    // A doctor still to come to, or now at, the clinic's site gets protected identity.
    // A fixed day, not the clock: the demo year is 2026.
    const incomingPath = `/api/sites/${siteId}/incoming?from=2026-01-01`;
    const before = (await clinic.request('GET', incomingPath)).body;
    // The demo doctor made protected above, and one named doctor.
    expect(before.map((i: { name: string }) => i.name)).toEqual([PROTECTED_NAME_SV, 'Erik Johansson']);
    const cohort = (await coordinator.request('GET', `/api/regions/${(await coordinator.request('GET', '/api/auth/me')).body.regions[0]}/cohorts`)).body[0].uuid;
    const named = before.find((i: { name: string }) => i.name !== PROTECTED_NAME_SV);
    const target = (await coordinator.request('GET', `/api/cohorts/${cohort}/doctors`)).body.find((d: { name: string }) => d.name === named.name);
    const { uuid: _uuid, ...body } = target;
    expect((await coordinator.request('PATCH', `/api/doctors/${target.uuid}`, { ...body, protectedIdentity: true })).status).toBe(200);

    const incoming = await clinic.request('GET', incomingPath);
    expect(incoming.status).toBe(200);
    expect(incoming.body.map((i: { name: string }) => i.name)).toEqual(before.map((i: { name: string }) => (i.name === target.name ? PROTECTED_NAME_SV : i.name)));
    const bytes = [incoming, await clinic.request('GET', `/api/sites/${siteId}`), await clinic.request('GET', '/api/auth/me')].map((r) => JSON.stringify(r.body)).join('');
    expect(bytes).not.toContain(target.name);
  });
});

describe("a clinic's incoming doctors", () => {
  it('reach at most a year back: an earlier from= is refused, naming the field', async () => {
    // TEST_NOW is 2026-01-07: a year back is 2025-01-07.
    expect((await clinic.request('GET', `/api/sites/${siteId}/incoming?from=2025-01-07`)).status).toBe(200);
    const early = await clinic.request('GET', `/api/sites/${siteId}/incoming?from=2025-01-06`);
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([{ path: 'from', message: '2025-01-06 is more than a year back (earliest 2025-01-07)' }]);
  });
});

describe('absence reasons', () => {
  it('are shown as "Frånvaro" to the doctor, in full to the coordinator', async () => {
    const own = await doctorClient.request('GET', `/api/doctors/${doctorId}`);
    expect(own.body.absences.map((a: { reason: string }) => a.reason)).toEqual(doctor.absences.map(() => 'Frånvaro'));
    const year = await doctorClient.request('GET', `/api/doctors/${doctorId}/schedule`);
    expect(year.body.absences.at(-1)).toEqual({ first: '2026-11-02', last: '2026-11-13', from: '2026-11-02', to: '2026-11-16', reason: 'Frånvaro' });
    expect(year.body.assignments.map((a: { block: string }) => a.block).sort()).toEqual(['im', 'intro', 'pc', 'psy', 'surg', 'vac']);
    expect(JSON.stringify([own.body, year.body])).not.toContain('utbrändhet');
    expect((await coordinator.request('GET', `/api/doctors/${doctorId}`)).body.absences.at(-1).reason).toBe('Sjukskrivning: utbrändhet');
  });
});

describe('GDPR', () => {
  it('exports everything about one doctor to the doctor', async () => {
    await doctorClient.request('POST', `/api/doctors/${doctorId}/requests`, { kind: 'wish', wish: { block: 'psy', weight: 2 } });
    const exported = await doctorClient.request('GET', `/api/doctors/${doctorId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.doctor).toMatchObject({ name: doctor.name, protectedIdentity: true });
    expect(exported.body.account).toEqual({ email: 'lakare.kronoberg@bt-demo.se', role: 'doctor' });
    // The published plan's six placements of the Kronoberg year.
    expect(exported.body.placements.map((p: { plan: number; status: string; block: string }) => `${p.plan} ${p.status} ${p.block}`).sort()).toEqual(['im', 'intro', 'pc', 'psy', 'surg', 'vac'].map((block) => `1 published ${block}`));
    expect(exported.body.requests).toEqual([expect.objectContaining({ kind: 'wish', status: 'pending', wish: { block: 'psy', weight: 2 } })]);
    // Assessments and the placements' supervisors are theirs too (the demo doctor has a handledare per placement).
    const recorded = await coordinator.request('POST', `/api/doctors/${doctorId}/assessments`, { kind: 'mini-cex', date: '2026-01-05', assessor: 'Dr Ek', block: 'intro', note: 'Anamnes och status' });
    expect(recorded.status).toBe(201);
    const again = (await doctorClient.request('GET', `/api/doctors/${doctorId}/export`)).body;
    expect(again.assessments).toEqual([{ kind: 'mini-cex', block: 'intro', date: '2026-01-05', assessor: 'Dr Ek', note: 'Anamnes och status' }]);
    const supervisors = (await coordinator.request('GET', `/api/doctors/${doctorId}/supervisors`)).body;
    expect(supervisors.length).toBeGreaterThan(0);
    expect(again.supervisors.map((s: { block: string; name: string }) => `${s.block} ${s.name}`).sort()).toEqual(supervisors.map((s: { block: string; name: string }) => `${s.block} ${s.name}`).sort());
  });

  it('erases the personal fields and the account, keeping the placements', async () => {
    const current = (await coordinator.request('GET', `/api/doctors/${doctorId}`)).body;
    const before = (await coordinator.request('GET', `/api/doctors/${doctorId}/schedule`)).body.assignments;
    const erased = await coordinator.request('POST', `/api/doctors/${doctorId}/erase`, { version: current.version });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ name: 'Raderad BT-läkare', protectedIdentity: false, wishes: [] });
    expect(erased.body.town).toBeUndefined();
    expect(erased.body.absences.every((a: { reason?: string }) => a.reason === undefined)).toBe(true);
    expect((await coordinator.request('GET', `/api/doctors/${doctorId}/schedule`)).body.assignments).toEqual(before);
    expect((await doctorClient.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await api.signIn('lakare.kronoberg@bt-demo.se', 'demo-lakare-2026')).answer.status).toBe(401);
    const exported = (await coordinator.request('GET', `/api/doctors/${doctorId}/export`)).body;
    const text = JSON.stringify(exported);
    expect(text).not.toContain(doctor.name);
    expect(text).not.toContain('utbrändhet');
    // The assessment stays done, without its note; no supervisor reaches the record any more.
    expect(exported.assessments).toEqual([{ kind: 'mini-cex', block: 'intro', date: '2026-01-05', assessor: 'Dr Ek', note: null }]);
    expect(exported.supervisors).toEqual([]);
  });

  it('leaves the erased doctor findable nowhere: the feed is gone and the audit log says what was done, not by whom', async () => {
    const other = await api.signIn('lakare.vasternorrland@bt-demo.se', 'demo-lakare-2026');
    const otherId = (await other.request('GET', '/api/auth/me')).body.doctor;
    await other.request('POST', `/api/doctors/${otherId}/requests`, { kind: 'wish', wish: { block: 'psy', weight: 2 } });
    const feed = (await other.request('POST', `/api/doctors/${otherId}/feed`)).body;
    const path = new URL(feed.url).pathname;
    expect((await api.anonymous.request('GET', path)).status).toBe(200);
    const acts = async () => Number((await api.dataSource.query(`SELECT count(*) AS n FROM audit_log WHERE actor = 'doctor:lakare.vasternorrland@bt-demo.se'`))[0].n);
    // The wish just sent (the feed link existed: ensuring it writes nothing).
    expect(await acts()).toBe(1);
    const before = Number((await api.dataSource.query('SELECT count(*) AS n FROM audit_log'))[0].n);

    const admin = api;
    const current = (await admin.request('GET', `/api/doctors/${otherId}`)).body;
    expect((await admin.request('POST', `/api/doctors/${otherId}/erase`, { version: current.version })).status).toBe(200);
    expect((await api.anonymous.request('GET', path)).status).toBe(404);
    expect(await acts()).toBe(0);
    // The facts stay: every entry is still there, plus the erasure's own.
    expect(Number((await api.dataSource.query('SELECT count(*) AS n FROM audit_log'))[0].n)).toBe(before + 1);
    const left = await api.dataSource.query(`SELECT count(*) AS n FROM audit_log WHERE actor = $1`, [`doctor:raderad:${otherId}`]);
    // The wish's entry, now under the erased doctor's id.
    expect(Number(left[0].n)).toBe(1);
    const everywhere = JSON.stringify([
      await api.dataSource.query('SELECT * FROM audit_log'),
      await api.dataSource.query('SELECT created_by FROM feed_tokens'),
      await api.dataSource.query('SELECT email FROM login_attempts'),
    ]);
    const at = everywhere.indexOf('lakare.vasternorrland@bt-demo.se');
    expect(at < 0 ? '' : everywhere.slice(Math.max(0, at - 300), at + 60)).toBe('');
  });
});

describe('audit log', () => {
  it('is readable by the region coordinator and tells who did what, without secrets', async () => {
    const regionId = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
    const log = await coordinator.request('GET', `/api/regions/${regionId}/audit`);
    expect(log.status).toBe(200);
    expect(log.body[0]).toMatchObject({ actor: 'coordinator:koordinator.kronoberg@bt-demo.se', action: 'delete', entity: 'doctor-personal-data', entityId: doctorId });
    // The demo data's one import: the Kronoberg cohort with its 9 sites and 8 doctors.
    const imports = log.body.filter((e: { action: string }) => e.action === 'import').map(({ actor, entity, after }: { actor: string; entity: string; after: unknown }) => ({ actor, entity, after }));
    expect(imports).toEqual([{ actor: 'demo', entity: 'cohort', after: { name: 'Kronoberg BT 2026', sites: 9, doctors: 8 } }]);
    expect(JSON.stringify(log.body)).not.toMatch(/\$argon2|demo-.*-2026/);
  });
});
