// A second credited block over HTTP: refused without a recorded exception, stored with one; the
// exception's reason reaches coordinators and the doctor, and the planner's problem carries it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kronoberg2026 } from '../../../shared/domain/presets';
import { ok, startApi, type Client, type TestApi } from '../../support/api';

let api: TestApi;
let doctor: any;
let doctorClient: Client;
let cohortId: string;

const credit = (block: string) => ({ block, weeks: 13, decidedBy: 'Studierektor Eva', decidedOn: '2025-12-01' });
const EXCEPTION = { reason: 'Påbörjad BT i annan region', decidedBy: 'Studierektor Eva', secondDecider: 'Verksamhetschef Olof', decidedOn: '2025-12-01' };

beforeAll(async () => {
  api = await startApi();
  const region = await ok(api.request('POST', '/api/regions', { name: 'Region K' }), 201);
  const cohort = await ok(api.request('POST', `/api/regions/${region.uuid}/cohorts/import`, { name: 'K', problem: kronoberg2026.problem }), 201);
  cohortId = cohort.uuid;
  doctor = (await ok(api.request('GET', `/api/cohorts/${cohort.uuid}/doctors`))).find((d: { credits: unknown[] }) => d.credits.length === 0);
  doctorClient = await api.userClient({ email: 'bt@test.example', password: 'bt-password-1234', role: 'doctor', doctor: doctor.uuid, regions: [], sites: [] });
});
afterAll(() => api.close());

const update = (changes: Record<string, unknown>) => {
  const { uuid: _uuid, ...body } = doctor;
  return api.request('PATCH', `/api/doctors/${doctor.uuid}`, { ...body, ...changes });
};

describe('a credit exception', () => {
  it('refuses a second credit without a recorded exception (400, naming creditException), and a third with one', async () => {
    const refused = await update({ credits: [credit('psy'), credit('pc')] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'creditException', message: 'a second credit (tillgodoräknande) needs a recorded exception: reason, decided by the studierektor, date' }]);
    const three = await update({ credits: [credit('psy'), credit('pc'), credit('im')], creditException: EXCEPTION });
    expect(three.status).toBe(400);
    expect(three.body.errors).toEqual([{ path: 'credits', message: 'at most two credits (tillgodoräknande) per doctor, the second only with a recorded exception; got 3' }]);
    const incomplete = await update({ credits: [credit('psy'), credit('pc')], creditException: { ...EXCEPTION, reason: '' } });
    expect(incomplete.body.errors.map((e: { path: string }) => e.path)).toEqual(['creditException.reason']);
    expect((await ok(api.request('GET', `/api/doctors/${doctor.uuid}`))).credits).toEqual([]);
  });

  it('stores two credits with the exception; coordinators and the doctor read the reason', async () => {
    const saved = await ok(update({ credits: [credit('psy'), credit('pc')], creditException: EXCEPTION }));
    expect(saved).toMatchObject({ credits: [credit('psy'), credit('pc')], creditException: EXCEPTION, version: doctor.version + 1 });
    expect((await ok(api.request('GET', `/api/doctors/${doctor.uuid}`))).creditException).toEqual(EXCEPTION);
    expect((await ok(doctorClient.request('GET', `/api/doctors/${doctor.uuid}`))).creditException).toEqual(EXCEPTION);
    // The planner's problem carries both credits and the exception.
    const problem = await ok(api.request('GET', `/api/cohorts/${cohortId}/problem`));
    const inProblem = problem.doctors.find((d: { id: string }) => d.id === doctor.id);
    expect([inProblem.credits, inProblem.creditException]).toEqual([[credit('psy'), credit('pc')], EXCEPTION]);
    doctor = saved;
    // Dropping the second credit may keep the exception (it harms nothing) or drop it.
    const { uuid: _uuid, creditException: _exception, ...rest } = doctor;
    const single = await ok(api.request('PATCH', `/api/doctors/${doctor.uuid}`, { ...rest, credits: [credit('psy')] }));
    expect(single.creditException).toBeUndefined();
    expect(single.credits).toEqual([credit('psy')]);
  });
});
