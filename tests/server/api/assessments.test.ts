// Assessments and the BT checklist over HTTP on a real PostgreSQL: a region's assessment kinds, the
// assessments a template block expects (kept out of the problem file), recording and deleting
// assessments (422 naming the field, the role shown never the email, audited), one doctor's
// checklist with its exact open items by the server's today, and a cohort's matrix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ASSESSMENT_KINDS } from '../../../shared/domain/readiness';
import { ok, startApi, TEST_NOW, type Client, type TestApi } from '../../support/api';
import { aDoctor, aPlan, aProblem, defaultSites, week } from '../../support/builders';

let api: TestApi;
let now = TEST_NOW;
let coordinator: Client;
let region: string;
let cohort: any;
let template: any;
/** Doctor code → uuid. */
const doctors: Record<string, string> = {};

// The builders' year for both doctors: intro [0, 2), acute [2, 17) around vacation [14, 16), pc [17, 30), psy [30, 34).
const EXPECTED = { acute: { 'mini-cex': 2, 'samlad-bedomning': 1 }, pc: { cbd: 1 } };

beforeAll(async () => {
  api = await startApi({ clock: () => now });
  region = (await ok(api.request('POST', '/api/regions', { name: 'Region Test' }), 201)).uuid;
  coordinator = await api.userClient({ email: 'koordinator@test.example', password: 'koordinator-pass-1', role: 'coordinator', regions: [region], sites: [] });
  const problem = aProblem({ sites: defaultSites().map((s) => ({ ...s, capacity: 2 })), doctors: [aDoctor(), aDoctor({ id: 'd2', name: 'Doktor Två' })] });
  cohort = await ok(coordinator.request('POST', `/api/regions/${region}/cohorts/import`, { name: 'Testkohort', problem }), 201);
  for (const d of await ok(coordinator.request('GET', `/api/cohorts/${cohort.uuid}/doctors`))) doctors[d.id] = d.uuid;
  template = await ok(coordinator.request('GET', `/api/templates/${cohort.template}`));
  const draft = await ok(coordinator.request('POST', `/api/cohorts/${cohort.uuid}/plans`, { from: 'empty' }), 201);
  const edited = await ok(coordinator.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: aPlan(problem).assignments }));
  await ok(coordinator.request('POST', `/api/plans/${draft.uuid}/publish`, { version: edited.version }));
}, 60_000);
afterAll(() => api.close());

const withExpected = (blocks: any[], expected: Record<string, Record<string, number>>) => blocks.map((b) => (expected[b.id] ? { ...b, assessments: expected[b.id] } : b));
const patchTemplate = async (blocks: any[]) => {
  const current = await ok(coordinator.request('GET', `/api/templates/${cohort.template}`));
  return coordinator.request('PATCH', `/api/templates/${cohort.template}`, { name: current.name, unit: current.unit, blocks, version: current.version });
};
const record = (client: Client, doctor: string, body: Record<string, unknown>) => client.request('POST', `/api/doctors/${doctor}/assessments`, body);
const checklist = (client: Client, doctor: string, lang = 'sv') => ok(client.request('GET', `/api/doctors/${doctor}/checklist`, undefined, { 'accept-language': lang }));

describe("a region's assessment kinds", () => {
  it('are the built-in ones until the region sets its own; a PATCH without them keeps them', async () => {
    const read = await ok(coordinator.request('GET', `/api/regions/${region}`));
    expect(read.assessmentKinds).toEqual(BUILT_IN_ASSESSMENT_KINDS);
    const own = [...BUILT_IN_ASSESSMENT_KINDS, { id: 'sim', name_sv: 'Simulering', name_en: 'Simulation' }];
    const set = await ok(coordinator.request('PATCH', `/api/regions/${region}`, { name: 'Region Test', assessmentKinds: own, version: read.version }));
    expect(set.assessmentKinds.map((k: { id: string }) => k.id)).toEqual(['mini-cex', 'dops', 'cbd', 'specialistkollegium', 'samlad-bedomning', 'bt-kollegium', 'extern-bedomning', 'sim']);
    const renamed = await ok(coordinator.request('PATCH', `/api/regions/${region}`, { name: 'Region Test', version: set.version }));
    expect(renamed.assessmentKinds).toEqual(own);
  });

  it('refuse two kinds with one id (400 at assessmentKinds)', async () => {
    const read = await ok(coordinator.request('GET', `/api/regions/${region}`));
    const twice = [BUILT_IN_ASSESSMENT_KINDS[0], { ...BUILT_IN_ASSESSMENT_KINDS[0], name_sv: 'Igen' }];
    const answer = await coordinator.request('PATCH', `/api/regions/${region}`, { name: 'Region Test', assessmentKinds: twice, version: read.version });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ path: 'assessmentKinds', message: 'assessment kind ids must be unique ("mini-cex" twice)' }]);
  });
});

describe('expected assessments per template block', () => {
  it('round-trip through the template and stay out of the problem file', async () => {
    const saved = await ok(patchTemplate(withExpected(template.blocks, EXPECTED)));
    expect(Object.fromEntries(saved.blocks.map((b: any) => [b.id, b.assessments ?? null]))).toEqual({ intro: null, acute: EXPECTED.acute, pc: EXPECTED.pc, psy: null, vac: null });
    const problem = await ok(coordinator.request('GET', `/api/cohorts/${cohort.uuid}/problem`));
    expect(problem.blocks.filter((b: object) => 'assessments' in b)).toEqual([]);
    expect(problem.blocks.map((b: { id: string }) => b.id)).toEqual(['intro', 'acute', 'pc', 'psy', 'vac']);
  });

  it('may change on a template whose cohort has a published plan: no plan depends on them', async () => {
    const changed = await ok(patchTemplate(withExpected(template.blocks, { ...EXPECTED, psy: { dops: 1 } })));
    expect(changed.blocks.find((b: any) => b.id === 'psy').assessments).toEqual({ dops: 1 });
    await ok(patchTemplate(withExpected(template.blocks, EXPECTED)));
  });

  it("refuse a kind the region lacks (422 naming the block's field)", async () => {
    const answer = await patchTemplate(withExpected(template.blocks, { ...EXPECTED, psy: { nope: 1 } }));
    expect(answer.status).toBe(422);
    expect(answer.body.detail).toMatch(/^blocks\[3\]\.assessments\.nope: nope is not an assessment kind of the region/);
  });

  it('keep the region from dropping a kind a block expects (422 at assessmentKinds)', async () => {
    const read = await ok(coordinator.request('GET', `/api/regions/${region}`));
    const withoutCbd = read.assessmentKinds.filter((k: { id: string }) => k.id !== 'cbd');
    const answer = await coordinator.request('PATCH', `/api/regions/${region}`, { name: 'Region Test', assessmentKinds: withoutCbd, version: read.version });
    expect(answer.status).toBe(422);
    expect(answer.body.detail).toBe('assessmentKinds: cbd is expected by block pc of the template Testkohort; remove it there first');
  });
});

describe('recording assessments', () => {
  let doctorClient: Client;
  let supervisor: Client;
  beforeAll(async () => {
    now = new Date('2026-07-15T10:00:00Z'); // Wednesday of week(19): acute ended, pc running, BT-kollegium (week 18) past.
    doctorClient = await api.userClient({ email: 'lakare@test.example', password: 'lakare-password-1', role: 'doctor', regions: [], sites: [], doctor: doctors.d1 });
    await api.dataSource.query(`INSERT INTO placement_supervisors (doctor_id, block, name, email) VALUES ($1, 'acute', 'Hanna Handledare', 'handledare@test.example')`, [doctors.d1]);
    supervisor = await api.userClient({ email: 'handledare@test.example', password: 'handledare-pass-1', role: 'supervisor', regions: [], sites: [] });
  });

  it('stores what a coordinator or supervisor records, showing the role and never the email', async () => {
    const first = await ok(record(coordinator, doctors.d1!, { kind: 'mini-cex', date: '2026-04-01', assessor: 'Dr Bedömare', block: 'acute', note: 'Bröstsmärta' }), 201);
    expect(first).toEqual({ uuid: expect.any(String), kind: 'mini-cex', date: '2026-04-01', assessor: 'Dr Bedömare', block: 'acute', note: 'Bröstsmärta', recordedBy: 'Koordinator' });
    const second = await ok(record(supervisor, doctors.d1!, { kind: 'mini-cex', date: '2026-05-06', assessor: 'Hanna Handledare', block: 'acute' }), 201);
    expect(second.recordedBy).toBe('Handledare');
    await ok(record(coordinator, doctors.d1!, { kind: 'samlad-bedomning', date: '2026-06-26', assessor: 'Dr Bedömare', block: 'acute' }), 201);
    const list = await ok(doctorClient.request('GET', `/api/doctors/${doctors.d1}/assessments`));
    expect(list.map((a: any) => [a.date, a.kind, a.recordedBy])).toEqual([
      ['2026-04-01', 'mini-cex', 'Koordinator'],
      ['2026-05-06', 'mini-cex', 'Handledare'],
      ['2026-06-26', 'samlad-bedomning', 'Koordinator'],
    ]);
    expect(JSON.stringify(list)).not.toContain('@');
    expect(JSON.stringify(await checklist(doctorClient, doctors.d1!))).not.toContain('@');
  });

  it('refuses a kind the region lacks, a block the template lacks and a date after today (422 naming the field)', async () => {
    const base = { kind: 'dops', date: '2026-07-01', assessor: 'Dr Bedömare', block: 'acute' };
    const refused = async (body: Record<string, unknown>) => {
      const answer = await record(coordinator, doctors.d1!, { ...base, ...body });
      expect(answer.status).toBe(422);
      return answer.body.detail as string;
    };
    expect(await refused({ kind: 'nope' })).toMatch(/^kind: nope is not an assessment kind of the region/);
    expect(await refused({ block: 'nope' })).toBe("block: nope is not a block of the cohort's template");
    expect(await refused({ date: '2026-07-16' })).toMatch(/^date: 2026-07-16 is after today \(2026-07-15/);
    // Today itself is fine.
    const today = await ok(record(coordinator, doctors.d1!, { ...base, date: '2026-07-15' }), 201);
    await ok(coordinator.request('DELETE', `/api/assessments/${today.uuid}`), 204);
  });

  it('is not for the doctor (403); a supervisor deletes only what they recorded', async () => {
    expect((await record(doctorClient, doctors.d1!, { kind: 'dops', date: '2026-07-01', assessor: 'Jag själv' })).status).toBe(403);
    const [mine] = await ok(coordinator.request('GET', `/api/doctors/${doctors.d1}/assessments`));
    expect(mine.recordedBy).toBe('Koordinator');
    expect((await supervisor.request('DELETE', `/api/assessments/${mine.uuid}`)).status).toBe(403);
    expect((await doctorClient.request('DELETE', `/api/assessments/${mine.uuid}`)).status).toBe(403);
  });

  it('deletes, and the audit log has both writes', async () => {
    const made = await ok(record(coordinator, doctors.d2!, { kind: 'dops', date: '2026-05-04', assessor: 'Dr Bedömare', block: 'acute' }), 201);
    await ok(coordinator.request('DELETE', `/api/assessments/${made.uuid}`), 204);
    expect(await ok(coordinator.request('GET', `/api/doctors/${doctors.d2}/assessments`))).toEqual([]);
    expect((await coordinator.request('DELETE', `/api/assessments/${made.uuid}`)).status).toBe(404);
    const log = await ok(coordinator.request('GET', `/api/regions/${region}/audit`));
    expect(log.filter((e: any) => e.entityId === made.uuid).map((e: any) => [e.action, e.entity, e.actor])).toEqual([
      ['delete', 'assessment', 'coordinator:koordinator@test.example'],
      ['create', 'assessment', 'coordinator:koordinator@test.example'],
    ]);
  });

  it("gives the doctor's checklist: counts per placement, milestones due, the open items in the asked language", async () => {
    const list = await checklist(doctorClient, doctors.d1!);
    expect(list.doctor).toEqual({ uuid: doctors.d1, name: 'Doktor Ett' });
    expect(list.placements.map((p: any) => [p.block, p.blockName, p.siteName, p.supervisor, p.from, p.to, p.expected, p.done])).toEqual([
      ['acute', 'Akutsjukvård', 'Sjukhuset', 'Hanna Handledare', week(2), week(17), EXPECTED.acute, { 'mini-cex': 2, 'samlad-bedomning': 1 }],
      ['pc', 'Allmänmedicin', 'Vårdcentralen', null, week(17), week(30), EXPECTED.pc, {}],
      ['psy', 'Psykiatri', 'Psykiatrin', null, week(30), week(34), {}, {}],
    ]);
    expect(list.goals.missing).toEqual([]);
    // 30 service weeks (vacation off): the 15th is week 18; the last week 33.
    expect(list.kollegium).toEqual({ held: false, due: week(18) });
    expect(list.external).toEqual({ held: false, due: week(33) });
    expect(list.ready).toBe(false);
    expect(list.open).toEqual([
      { item: 'assessment', behind: false, message: 'CBD: 0 av 1 gjorda under Allmänmedicin v. 27 2026–v. 39 2026', placement: list.placements[1].placement, kind: 'cbd' },
      { item: 'bt-kollegium', behind: true, message: 'BT-kollegium har inte hållits (senast v. 28 2026)' },
      { item: 'external-assessment', behind: false, message: 'Extern bedömning har inte gjorts (senast v. 43 2026)' },
    ]);
    const english = await checklist(doctorClient, doctors.d1!, 'en');
    expect(english.open[1]).toEqual({ item: 'bt-kollegium', behind: true, message: 'The BT panel has not been held (due w. 28 2026)' });
  });

  it('is ready once every item is done', async () => {
    now = new Date('2026-11-04T10:00:00Z'); // after the BT's last week
    await ok(record(coordinator, doctors.d1!, { kind: 'bt-kollegium', date: '2026-07-08', assessor: 'BT-kollegiet' }), 201);
    await ok(record(supervisor, doctors.d1!, { kind: 'cbd', date: '2026-09-01', assessor: 'Dr Allmän', block: 'pc' }), 201);
    expect((await checklist(doctorClient, doctors.d1!)).open.map((o: any) => o.item)).toEqual(['external-assessment']);
    await ok(record(coordinator, doctors.d1!, { kind: 'extern-bedomning', date: '2026-10-20', assessor: 'Extern bedömare' }), 201);
    const done = await checklist(doctorClient, doctors.d1!);
    expect([done.ready, done.open, done.kollegium.held, done.external.held]).toEqual([true, [], true, true]);
  });
});

describe("a cohort's checklist matrix", () => {
  it('has a row per doctor with the counts per kind and what is behind', async () => {
    now = new Date('2026-07-15T10:00:00Z');
    const matrix = await ok(coordinator.request('GET', `/api/cohorts/${cohort.uuid}/checklist`, undefined, { 'accept-language': 'sv' }));
    expect(matrix.kinds.map((k: { id: string }) => k.id)).toContain('sim');
    const [one, two] = matrix.doctors;
    expect(one).toMatchObject({
      uuid: doctors.d1,
      name: 'Doktor Ett',
      // Everything recorded (the later ones too): ready, nothing behind.
      ready: true,
      goalsMissing: 0,
      regulationOpen: 0,
      kollegium: { held: true, behind: false },
      external: { held: true, behind: false },
      behind: 0,
    });
    expect(one.assessments['mini-cex']).toEqual({ done: 2, expected: 2, behind: false });
    expect(one.assessments.cbd).toEqual({ done: 1, expected: 1, behind: false });
    expect(two).toEqual({
      uuid: doctors.d2,
      name: 'Doktor Två',
      ready: false,
      assessments: {
        'mini-cex': { done: 0, expected: 2, behind: true },
        dops: { done: 0, expected: 0, behind: false },
        cbd: { done: 0, expected: 1, behind: false },
        specialistkollegium: { done: 0, expected: 0, behind: false },
        'samlad-bedomning': { done: 0, expected: 1, behind: true },
        'bt-kollegium': { done: 0, expected: 0, behind: false },
        'extern-bedomning': { done: 0, expected: 0, behind: false },
        sim: { done: 0, expected: 0, behind: false },
      },
      goalsMissing: 0,
      regulationOpen: 0,
      kollegium: { held: false, behind: true },
      external: { held: false, behind: false },
      behind: 3,
    });
  });

  it('without a published plan has no placements and no due weeks, nothing behind', async () => {
    const other = await ok(coordinator.request('POST', `/api/regions/${region}/cohorts`, { name: 'Utan plan', template: cohort.template }), 201);
    const doctor = await ok(coordinator.request('POST', `/api/cohorts/${other.uuid}/doctors`, { id: 'x1', name: 'Doktor Utan', start: week(0) }), 201);
    const list = await checklist(coordinator, doctor.uuid);
    expect([list.placements, list.kollegium, list.external]).toEqual([[], { held: false, due: null }, { held: false, due: null }]);
    // Everything is open (no weeks, no goals), nothing behind yet.
    expect(list.open.filter((o: any) => o.behind)).toEqual([]);
    expect(list.open.map((o: any) => o.item)).toEqual([...Array(18).fill('goal'), 'regulation', 'regulation', 'regulation', 'bt-kollegium', 'external-assessment']);
  });
});
