// A plan's violations are stored when the plan is written and served from there on reads, until
// the plan or its region's planning inputs change; a change in another region keeps them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { PlanService } from '../../../server/services/plans';
import { ok, startApi, type Client, type TestApi } from '../../support/api';

let api: TestApi;
let coordinator: Client;
let cohortId: string;

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  coordinator = await api.signIn('koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026');
  const region = (await ok(coordinator.request('GET', '/api/auth/me'))).regions[0];
  cohortId = (await ok(coordinator.request('GET', `/api/regions/${region}/cohorts`)))[0].uuid;
});
afterAll(() => api.close());

const stored = async (planId: string) => (await api.dataSource.query('SELECT plan_version, violations FROM plan_checks WHERE plan_id = $1', [planId]))[0];
/** A violation no check would find: served only when the read takes the stored ones. */
const MARK = { code: 'capacity', severity: 'warning', message_sv: 'lagrad', message_en: 'stored' };

describe('stored plan checks', () => {
  it('are written with the plan version and served by reads until the inputs change', async () => {
    const draft = await ok(coordinator.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'published' }), 201);
    // Without a doctor's placements: a plan with errors, stored as the edit answered them.
    const code = draft.assignments[0].doctor;
    const assignments = draft.assignments.filter((a: { doctor: string }) => a.doctor !== code).map(({ doctor, block, site, from, to }: Record<string, string>) => ({ doctor, block, site, from, to }));
    const edited = await ok(coordinator.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments }));
    expect(edited.violations.filter((v: { doctor?: string }) => v.doctor === code).length).toBeGreaterThan(0);
    expect(await stored(draft.uuid)).toEqual({ plan_version: edited.version, violations: edited.violations });

    await api.dataSource.query('UPDATE plan_checks SET violations = $2 WHERE plan_id = $1', [draft.uuid, JSON.stringify([MARK])]);
    expect((await ok(coordinator.request('GET', `/api/plans/${draft.uuid}`))).violations).toEqual([MARK]);

    // Another region's site: not an input of this plan.
    await api.dataSource.query(`UPDATE sites SET capacity = capacity + 1 WHERE region_id <> (SELECT region_id FROM cohorts WHERE id = $1)`, [cohortId]);
    expect((await ok(coordinator.request('GET', `/api/plans/${draft.uuid}`))).violations).toEqual([MARK]);

    // A site of its own region: checked again, and stored again.
    await api.dataSource.query(`UPDATE sites SET capacity = capacity + 1 WHERE region_id = (SELECT region_id FROM cohorts WHERE id = $1)`, [cohortId]);
    const read = await ok(coordinator.request('GET', `/api/plans/${draft.uuid}`));
    expect(read.violations).toEqual(edited.violations);
    expect(await stored(draft.uuid)).toEqual({ plan_version: edited.version, violations: edited.violations });
  });

  it('of a draft made with its assignments (demo data, imports) are of those assignments', async () => {
    const published = await ok(coordinator.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'published' }), 201);
    const code = published.assignments[0].doctor;
    const assignments = published.assignments.filter((a: { doctor: string }) => a.doctor !== code).map(({ doctor, block, site, from, to }: Record<string, string>) => ({ doctor, block, site, from, to }));
    const made = await api.dataSource.transaction((em) => new PlanService(api.dataSource).draftIn(em, cohortId, assignments, 'test'));
    const read = await ok(coordinator.request('GET', `/api/plans/${made.uuid}`));
    expect(read.assignments).toHaveLength(assignments.length);
    const doctors = new Set(read.violations.map((v: { doctor?: string }) => v.doctor));
    expect([...doctors]).toEqual([code]);
    expect(read.violations).toEqual(made.violations);
  });

  it('are checked again for a new version of the plan', async () => {
    const draft = await ok(coordinator.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'published' }), 201);
    expect(draft.violations).toEqual([]);
    await api.dataSource.query('UPDATE plan_checks SET violations = $2 WHERE plan_id = $1', [draft.uuid, JSON.stringify([MARK])]);
    const assignments = draft.assignments.map(({ doctor, block, site, from, to }: Record<string, string>) => ({ doctor, block, site, from, to }));
    const edited = await ok(coordinator.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments }));
    expect(edited.version).toBe(draft.version + 1);
    expect(edited.violations).toEqual([]);
    expect((await ok(coordinator.request('GET', `/api/plans/${draft.uuid}`))).violations).toEqual([]);
  });
});
