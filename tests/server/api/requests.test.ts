// Doctors' wish and leave requests over HTTP: approved leave becomes an absence (the BT
// extends), an approved wish joins the doctor's wishes, a rejection changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kronoberg2026 } from '../../../shared/domain/presets';
import { btEnd } from '../../../shared/domain/rotation';
import { validatePlan } from '../../../shared/domain/validate-plan';
import { addWeeks } from '../../../shared/domain/weeks';
import type { Problem } from '../../../shared/format/problem';
import { startApi, type TestApi } from '../../support/api';

let api: TestApi;
let cohort: string;
let doctor: any;

beforeAll(async () => {
  api = await startApi();
  const region = (await api.request('POST', '/api/regions', { name: 'Region R' })).body;
  cohort = (await api.request('POST', `/api/regions/${region.uuid}/cohorts/import`, { name: 'K', problem: kronoberg2026.problem })).body.uuid;
  doctor = (await api.request('GET', `/api/cohorts/${cohort}/doctors`)).body.find((d: { absences: unknown[]; wishes: unknown[] }) => d.absences.length === 0);
});
afterAll(() => api.close());

describe('doctor requests', () => {
  it('approved leave becomes an absence with its reason; the doctor version moves on', async () => {
    const leave = { first: '2026-10-05', last: '2026-10-16', reason: 'Vård av barn' };
    const created = await api.request('POST', `/api/doctors/${doctor.uuid}/requests`, { kind: 'leave', leave });
    expect(created).toMatchObject({ status: 201, body: { status: 'pending', request: { kind: 'leave', leave }, decidedBy: null } });
    expect((await api.request('GET', `/api/cohorts/${cohort}/requests?status=pending`)).body.map((r: { uuid: string }) => r.uuid)).toEqual([created.body.uuid]);
    const approved = await api.request('POST', `/api/requests/${created.body.uuid}/decision`, { decision: 'approve', version: 1 });
    expect(approved).toMatchObject({ status: 200, body: { status: 'approved', decidedBy: 'admin:admin@test.example' } });
    const after = (await api.request('GET', `/api/doctors/${doctor.uuid}`)).body;
    expect(after.absences).toEqual([{ ...leave, from: '2026-10-05', to: '2026-10-19' }]);
    expect(after.version).toBe(doctor.version + 1);
    expect((await api.request('POST', `/api/requests/${created.body.uuid}/decision`, { decision: 'reject', version: 2 })).status).toBe(422);
    expect((await api.request('GET', `/api/cohorts/${cohort}/requests?status=pending`)).body).toEqual([]);
  });

  it('an approved wish joins the wishes; a rejected one does not; a stale decision is 409', async () => {
    const wish = { block: 'pc', site: kronoberg2026.problem.sites.find((s) => s.kinds.includes('primary-care'))!.id, weight: 1 };
    const first = (await api.request('POST', `/api/doctors/${doctor.uuid}/requests`, { kind: 'wish', wish })).body;
    const second = (await api.request('POST', `/api/doctors/${doctor.uuid}/requests`, { kind: 'wish', wish: { block: 'psy', weight: 3 } })).body;
    const before = (await api.request('GET', `/api/doctors/${doctor.uuid}`)).body.wishes;
    expect((await api.request('POST', `/api/requests/${first.uuid}/decision`, { decision: 'approve', version: 1 })).status).toBe(200);
    expect((await api.request('POST', `/api/requests/${second.uuid}/decision`, { decision: 'reject', version: 2 })).status).toBe(409);
    expect((await api.request('POST', `/api/requests/${second.uuid}/decision`, { decision: 'reject', version: 1 })).body.status).toBe('rejected');
    expect((await api.request('GET', `/api/doctors/${doctor.uuid}`)).body.wishes).toEqual([...before, wish]);
  });

  it('keep Wed–Fri leave as those days; approved, it takes v. 51 off the planning grid, no more', async () => {
    const other = (await api.request('GET', `/api/cohorts/${cohort}/doctors`)).body.find((d: { uuid: string; absences: unknown[] }) => d.uuid !== doctor.uuid && d.absences.length === 0);
    const problemOf = async (): Promise<Problem> => (await api.request('GET', `/api/cohorts/${cohort}/problem`)).body;
    const before = await problemOf();
    const leave = { first: '2026-12-16', last: '2026-12-18' };
    const created = await api.request('POST', `/api/doctors/${other.uuid}/requests`, { kind: 'leave', leave });
    expect(created).toMatchObject({ status: 201, body: { request: { kind: 'leave', leave } } });
    expect((await api.request('GET', `/api/doctors/${other.uuid}/requests`)).body.map((r: { request: unknown }) => r.request)).toEqual([{ kind: 'leave', leave }]);
    expect((await api.request('POST', `/api/requests/${created.body.uuid}/decision`, { decision: 'approve', version: 1 })).status).toBe(200);
    const week51 = { from: '2026-12-14', to: '2026-12-21' };
    expect((await api.request('GET', `/api/doctors/${other.uuid}`)).body.absences).toEqual([{ ...leave, ...week51 }]);
    expect((await api.request('GET', `/api/doctors/${other.uuid}/schedule`)).body.absences).toEqual([{ ...leave, ...week51 }]);
    // The planner and the plan checks see week 51 off: the BT ends one week later, and the old
    // plan, which has the doctor in service that week, no longer holds for this doctor only.
    const after = await problemOf();
    const [was, is] = [before, after].map((p) => p.doctors.find((d) => d.id === other.id)!);
    expect(is!.absences).toEqual([week51]);
    expect(btEnd(after, is!)).toBe(addWeeks(btEnd(before, was!), 1));
    const errors = (problem: Problem) => validatePlan(problem, kronoberg2026.plan).filter((v) => v.severity === 'error' && v.doctor === other.id);
    expect(errors(before)).toEqual([]);
    const [short] = errors(after);
    expect([short?.code, short!.from! <= week51.from && week51.to <= short!.to!]).toEqual(['service-weeks', true]);
  });

  it('refuse leave ending before it starts or without a working day, the week form, an unknown kind (400) and unknown doctors (404)', async () => {
    const refused = async (leave: unknown) => (await api.request('POST', `/api/doctors/${doctor.uuid}/requests`, { kind: 'leave', leave })).body.errors;
    expect(await refused({ first: '2026-10-19', last: '2026-10-05' })).toEqual([{ path: 'leave.last', message: '2026-10-05 is before first (2026-10-19)' }]);
    expect(await refused({ first: '2026-12-24', last: '2026-12-27' })).toEqual([
      { path: 'leave.last', message: '2026-12-24 – 2026-12-27 has no working day (Monday–Friday, not a public holiday): no week would count as absence' },
    ]);
    expect((await refused({ from: '2026-10-05', to: '2026-10-19' })).map((e: { path: string }) => e.path)).toEqual(['leave.first', 'leave.last', 'leave']);
    expect((await api.request('POST', `/api/doctors/${doctor.uuid}/requests`, { kind: 'holiday' })).status).toBe(400);
    expect((await api.request('POST', '/api/doctors/00000000-0000-4000-8000-000000000000/requests', { kind: 'wish', wish: { block: 'pc' } })).status).toBe(404);
  });

  it("the doctor's year lists what a wish may name: every block, and the sites of its kind the doctor may have", async () => {
    const { problem } = kronoberg2026;
    const current = (await api.request('GET', `/api/doctors/${doctor.uuid}`)).body;
    const expected = (block: string, allowed: Record<string, string[]>) => {
      const kind = problem.blocks.find((b) => b.id === block)!.kind;
      return problem.sites.filter((s) => s.kinds.includes(kind) && (!allowed[block] || allowed[block].includes(s.id))).map((s) => s.id).sort();
    };
    const named = (choices: { block: string; sites: { id: string }[] }[], block: string) => choices.find((c) => c.block === block)!.sites.map((s) => s.id).sort();
    const { choices } = (await api.request('GET', `/api/doctors/${doctor.uuid}/schedule`)).body;
    expect(choices.map((c: { block: string }) => c.block)).toEqual(problem.blocks.map((b) => b.id));
    const im = expected('im', {});
    expect(im).toEqual(['lj-med', 'vxo-med']);
    expect(named(choices, 'im')).toEqual(expected('im', current.allowedSites ?? {}));
    expect(named(choices, 'pc')).toEqual(expected('pc', current.allowedSites ?? {}));
    expect(named(choices, 'vac')).toEqual([]);
    // Allowed sites narrow the choice to those.
    const { uuid: _uuid, ...body } = current;
    const allowedSites = { ...current.allowedSites, im: ['lj-med'] };
    // Absences go back as their days: the weeks are the server's to derive.
    const absences = current.absences.map(({ from: _from, to: _to, ...days }: { from: string; to: string }) => days);
    expect((await api.request('PATCH', `/api/doctors/${doctor.uuid}`, { ...body, absences, allowedSites })).status).toBe(200);
    const narrowed = (await api.request('GET', `/api/doctors/${doctor.uuid}/schedule`)).body.choices;
    expect(named(narrowed, 'im')).toEqual(['lj-med']);
  });
});
