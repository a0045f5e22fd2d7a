// A doctor's published year over HTTP: the BT's span next to the placements — start, the end of
// the last placement, the planned length from the cohort's template and the doctor's terms
// (part time stretches site blocks, a credited block is left out), and the extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { weeksBetween } from '../../../shared/domain/weeks';
import { ok, startApi, type Client, type TestApi } from '../../support/api';

let api: TestApi;
let doctorClient: Client;
let coordinator: Client;
let doctorId: string;

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  doctorClient = await api.signIn('lakare.vasternorrland@bt-demo.se', 'demo-lakare-2026');
  coordinator = await api.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
  doctorId = (await ok(doctorClient.request('GET', '/api/auth/me'))).doctor;
});
afterAll(() => api.close());

const schedule = () => ok(doctorClient.request('GET', `/api/doctors/${doctorId}/schedule`));
async function change(terms: Record<string, unknown>) {
  const { uuid: _uuid, ...doctor } = await ok(coordinator.request('GET', `/api/doctors/${doctorId}`));
  await ok(coordinator.request('PATCH', `/api/doctors/${doctorId}`, { ...doctor, ...terms }));
}

describe("the doctor's schedule", () => {
  it('spans the BT from the start to the end of the last placement: 52 weeks of Västernorrland, not extended', async () => {
    const year = await schedule();
    const end = year.assignments.map((a: { to: string }) => a.to).sort().at(-1);
    expect(year.bt).toEqual({ start: '2026-02-16', end, plannedWeeks: 52, extendedWeeks: 0 });
    expect(weeksBetween(year.bt.start, end)).toBe(52);
    expect(end > '2027-01-01').toBe(true);
  });

  it("plans the length by the doctor's terms: half time doubles the site weeks, a credited block is left out", async () => {
    await change({ partTime: 0.5 });
    // 2 + 2 cohort weeks and 4 of vacation as they are; 17, 10 and 17 site weeks doubled.
    expect((await schedule()).bt).toMatchObject({ plannedWeeks: 8 + 34 + 20 + 34, extendedWeeks: 0 });
    await change({ partTime: 1, credits: [{ block: 'psy', weeks: 13, decidedBy: 'Studierektor', decidedOn: '2025-12-01' }] });
    // The published plan still has its psychiatry: it runs 10 weeks past the 42 now planned.
    expect((await schedule()).bt).toMatchObject({ plannedWeeks: 42, extendedWeeks: 10 });
  });

  it("answers for a template whose block ids name an object's inherited properties (constructor, toString)", async () => {
    const region = (await ok(coordinator.request('GET', '/api/regions'))).find((r: { name: string }) => r.name === 'Region Västernorrland').uuid;
    const [template] = await ok(coordinator.request('GET', `/api/regions/${region}/templates`));
    const renamed: Record<string, string> = { psy: 'constructor', pc: 'toString' };
    const blocks = template.blocks.map((b: { id: string }) => ({ ...b, id: renamed[b.id] ?? b.id }));
    expect(blocks.map((b: { id: string }) => b.id)).toEqual(expect.arrayContaining(['constructor', 'toString']));
    const made = await ok(coordinator.request('POST', `/api/regions/${region}/templates`, { name: 'Mall med ovanliga id', unit: template.unit, blocks }), 201);
    const cohort = await ok(coordinator.request('POST', `/api/regions/${region}/cohorts`, { name: 'Kohort med ovanliga id', template: made.uuid }), 201);
    const doctor = await ok(coordinator.request('POST', `/api/cohorts/${cohort.uuid}/doctors`, { id: 'ovanlig', name: 'Doktor Ovanlig', start: '2026-02-16' }), 201);
    const answer = await ok(coordinator.request('GET', `/api/doctors/${doctor.uuid}/schedule`));
    const choice = answer.choices.find((c: { block: string }) => c.block === 'constructor');
    expect(choice.kind).toBe('psychiatry');
    expect(choice.sites.length).toBeGreaterThan(0);
  });
});
