// The problem cache reads a cohort's problem again exactly when its region's planning inputs
// changed: the same object while nothing did or another region changed, a new one with the
// change when its own region's did. What it hands out is frozen, so no reader can change it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { ProblemCache } from '../../../server/repositories/problem-cache';
import { startApi, type TestApi } from '../../support/api';

let api: TestApi;
let cohortId: string;
let otherRegionId: string;

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  [{ id: cohortId }] = await api.dataSource.query(`SELECT c.id FROM cohorts c JOIN regions r ON r.id = c.region_id WHERE r.name LIKE '%Kronoberg%' LIMIT 1`);
  [{ id: otherRegionId }] = await api.dataSource.query(`SELECT id FROM regions WHERE name LIKE '%Västernorrland%'`);
});
afterAll(() => api.close());

describe('ProblemCache', () => {
  it('reads again exactly when the region changed', async () => {
    const cache = new ProblemCache();
    const em = api.dataSource.manager;
    const first = await cache.get(em, cohortId);
    expect(await cache.get(em, cohortId)).toBe(first);

    await api.dataSource.query(`UPDATE sites SET capacity = capacity + 1 WHERE region_id = $1`, [otherRegionId]);
    expect(await cache.get(em, cohortId)).toBe(first);

    const site = first.sites[0]!;
    await api.dataSource.query(`UPDATE sites SET capacity = capacity + 1 WHERE code = $1 AND region_id = (SELECT region_id FROM cohorts WHERE id = $2)`, [site.id, cohortId]);
    const second = await cache.get(em, cohortId);
    expect(second).not.toBe(first);
    expect(second.sites.find((s) => s.id === site.id)!.capacity).toBe(site.capacity + 1);
    expect(await cache.get(em, cohortId)).toBe(second);
  });

  it('hands out a frozen problem', async () => {
    const problem = await new ProblemCache().get(api.dataSource.manager, cohortId);
    expect(() => {
      (problem.doctors[0] as { name: string }).name = 'Ändrad';
    }).toThrow(TypeError);
  });
});
