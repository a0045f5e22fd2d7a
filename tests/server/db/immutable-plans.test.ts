// A published or archived plan is kept as it was sent out: the database refuses to change it
// whoever asks (raw SQL included), archiving is the one change allowed, and the API answers 409
// for a delete that would take published placements with it, changing nothing.
import { QueryFailedError } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_TYPES } from '../../../shared/api/common';
import { loadDemoData } from '../../../server/db/demo-data';
import { toProblem } from '../../../server/http/error-mapper';
import { startApi, type TestApi } from '../../support/api';

let api: TestApi;
let cohort: string;
let published: { uuid: string; version: number };

/** The SQLSTATE a statement fails with, or 'ok'. */
const sqlState = (sql: string, params: unknown[] = []) =>
  api.dataSource.query(sql, params).then(
    () => 'ok',
    (e: QueryFailedError) => (e.driverError as unknown as { code: string }).code,
  );

const assignmentsOf = (plan: string): Promise<unknown[]> =>
  api.dataSource.query(`SELECT id, placement_id, sequence, doctor_id, block, site_id, from_week::text, to_week::text, changed_at FROM assignments WHERE plan_id = $1 ORDER BY id`, [plan]);

async function planRow(id: string): Promise<Record<string, unknown>> {
  const [row] = await api.dataSource.query(`SELECT * FROM plans WHERE id = $1`, [id]);
  return row;
}

async function publishedPlanOf(cohortId: string) {
  const plans = (await api.request('GET', `/api/cohorts/${cohortId}/plans`)).body as { uuid: string; status: string; version: number }[];
  return plans.find((p) => p.status === 'published')!;
}

beforeAll(async () => {
  api = await startApi();
  expect(await loadDemoData(api.dataSource)).toBe(true);
  const region = (await api.request('GET', '/api/regions')).body.find((r: { name: string }) => r.name === 'Region Kronoberg').uuid;
  cohort = (await api.request('GET', `/api/regions/${region}/cohorts`)).body[0].uuid;
  published = await publishedPlanOf(cohort);
}, 60_000);
afterAll(() => api?.close());

describe('a published plan in the database', () => {
  it("refuses UPDATE, DELETE and INSERT of its assignments with SQLSTATE ZP001, leaving them as they were", async () => {
    const before = await assignmentsOf(published.uuid);
    expect(before.length).toBeGreaterThan(10);
    expect(await sqlState(`UPDATE assignments SET to_week = to_week + 7 WHERE plan_id = $1`, [published.uuid])).toBe('ZP001');
    expect(await sqlState(`UPDATE assignments SET sequence = sequence + 1 WHERE id = (SELECT id FROM assignments WHERE plan_id = $1 LIMIT 1)`, [published.uuid])).toBe('ZP001');
    expect(await sqlState(`DELETE FROM assignments WHERE plan_id = $1`, [published.uuid])).toBe('ZP001');
    expect(
      await sqlState(
        `INSERT INTO assignments (plan_id, placement_id, doctor_id, block, from_week, to_week)
         SELECT plan_id, gen_random_uuid(), doctor_id, 'extra', from_week, to_week FROM assignments WHERE plan_id = $1 LIMIT 1`,
        [published.uuid],
      ),
    ).toBe('ZP001');
    expect(await assignmentsOf(published.uuid)).toEqual(before);
  });

  it('refuses any change of the plan row but archiving, and refuses deleting it', async () => {
    const before = await planRow(published.uuid);
    expect(await sqlState(`UPDATE plans SET published_at = now() WHERE id = $1`, [published.uuid])).toBe('ZP001');
    expect(await sqlState(`UPDATE plans SET status = 'draft', published_at = NULL WHERE id = $1`, [published.uuid])).toBe('ZP001');
    expect(await sqlState(`UPDATE plans SET status = 'archived', created_by = 'someone else' WHERE id = $1`, [published.uuid])).toBe('ZP001');
    expect(await sqlState(`DELETE FROM plans WHERE id = $1`, [published.uuid])).toBe('ZP001');
    expect(await planRow(published.uuid)).toEqual(before);
  });

  it('refuses deleting a doctor or cohort whose rows cascade into it', async () => {
    const [{ doctor_id: doctor }] = await api.dataSource.query(`SELECT doctor_id FROM assignments WHERE plan_id = $1 LIMIT 1`, [published.uuid]);
    expect(await sqlState(`DELETE FROM doctors WHERE id = $1`, [doctor])).toBe('ZP001');
    expect(await sqlState(`DELETE FROM cohorts WHERE id = $1`, [cohort])).toBe('ZP001');
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM doctors WHERE id = $1`, [doctor])).toEqual([{ n: 1 }]);
  });

  it('is mapped to 409 with the published-plan problem type and a clear detail', async () => {
    const error = await api.dataSource.query(`DELETE FROM plans WHERE id = $1`, [published.uuid]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(toProblem(error)).toMatchObject({ status: 409, title: 'Conflict', type: PROBLEM_TYPES.published, detail: expect.stringMatching(/^a published plan cannot be changed/) });
  });
});

describe('drafts and archiving', () => {
  it("a draft's assignments stay free to change", async () => {
    const draft = (await api.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'published' })).body;
    expect(draft.status).toBe('draft');
    expect(await sqlState(`UPDATE assignments SET sequence = sequence + 1 WHERE plan_id = $1`, [draft.uuid])).toBe('ok');
    expect(await sqlState(`DELETE FROM assignments WHERE plan_id = $1`, [draft.uuid])).toBe('ok');
    expect(await assignmentsOf(draft.uuid)).toEqual([]);
    expect(await sqlState(`DELETE FROM plans WHERE id = $1`, [draft.uuid])).toBe('ok');
  });

  it('publishing a new version archives the old one; an archived plan then cannot change at all', async () => {
    const draft = (await api.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'published' })).body;
    const publish = await api.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version });
    expect(publish.status).toBe(200);
    expect(publish.body.status).toBe('published');
    const old = await planRow(published.uuid);
    expect(old).toMatchObject({ status: 'archived', version: published.version + 1 });
    expect(await sqlState(`UPDATE plans SET status = 'published' WHERE id = $1`, [published.uuid])).toBe('ZP001');
    expect(await sqlState(`UPDATE plans SET version = version + 1 WHERE id = $1`, [published.uuid])).toBe('ZP001');
    expect(await sqlState(`DELETE FROM plans WHERE id = $1`, [published.uuid])).toBe('ZP001');
    expect(await sqlState(`DELETE FROM assignments WHERE plan_id = $1`, [published.uuid])).toBe('ZP001');
    expect(await planRow(published.uuid)).toEqual(old);
    published = await publishedPlanOf(cohort);
    expect(published.uuid).toBe(draft.uuid);
  });

  it('archiving the published plan through the API works and keeps its placements', async () => {
    const before = await assignmentsOf(published.uuid);
    const archived = await api.request('POST', `/api/plans/${published.uuid}/archive`, { version: published.version });
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe('archived');
    expect(await assignmentsOf(published.uuid)).toEqual(before);
  });
});

describe('the API, deleting what holds published placements', () => {
  it('answers 409 for a doctor with published placements and changes nothing; erasing still works', async () => {
    const [{ doctor_id: id }] = await api.dataSource.query(
      `SELECT a.doctor_id FROM assignments a JOIN plans p ON p.id = a.plan_id WHERE p.cohort_id = $1 AND p.status <> 'draft' LIMIT 1`,
      [cohort],
    );
    const doctor = (await api.request('GET', `/api/doctors/${id}`)).body;
    const placements = await api.dataSource.query(`SELECT * FROM assignments WHERE doctor_id = $1 ORDER BY id`, [id]);
    const audits = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    const answer = await api.request('DELETE', `/api/doctors/${id}?version=${doctor.version}`);
    expect(answer).toMatchObject({ status: 409, body: { type: PROBLEM_TYPES.published } });
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body.detail).toBe('the doctor has published placements, which are kept; erase the personal data instead');
    expect((await api.request('GET', `/api/doctors/${id}`)).body).toEqual(doctor);
    expect(await api.dataSource.query(`SELECT * FROM assignments WHERE doctor_id = $1 ORDER BY id`, [id])).toEqual(placements);
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`)).toEqual(audits);

    const erased = await api.request('POST', `/api/doctors/${id}/erase`, { version: doctor.version });
    expect(erased.status).toBe(200);
    expect(erased.body.name).not.toBe(doctor.name);
    expect(await api.dataSource.query(`SELECT * FROM assignments WHERE doctor_id = $1 ORDER BY id`, [id])).toEqual(placements);
  });

  it('answers 409 for a cohort or a region with published plans', async () => {
    const c = (await api.request('GET', `/api/cohorts/${cohort}`)).body;
    const cohortAnswer = await api.request('DELETE', `/api/cohorts/${cohort}?version=${c.version}`);
    expect(cohortAnswer).toMatchObject({ status: 409, body: { type: PROBLEM_TYPES.published } });
    expect(cohortAnswer.body.detail).toMatch(/^the cohort has published plans/);
    const region = (await api.request('GET', '/api/regions')).body.find((r: { name: string }) => r.name === 'Region Kronoberg');
    const regionAnswer = await api.request('DELETE', `/api/regions/${region.uuid}?version=${region.version}`);
    expect(regionAnswer.status).toBe(409);
    expect(regionAnswer.body.detail).toMatch(/^the region has published plans/);
    expect((await api.request('GET', `/api/cohorts/${cohort}`)).status).toBe(200);
  });

  it('still deletes a doctor who has placements in drafts only', async () => {
    const body = (await api.request('GET', `/api/cohorts/${cohort}/doctors`)).body[0];
    const { uuid: _uuid, version: _version, ...doctor } = body;
    const created = await api.request('POST', `/api/cohorts/${cohort}/doctors`, { ...doctor, id: 'only-in-drafts' });
    expect(created.status).toBe(201);
    const draft = (await api.request('POST', `/api/cohorts/${cohort}/plans`, { from: 'empty' })).body;
    await api.dataSource.query(`INSERT INTO assignments (plan_id, placement_id, doctor_id, block, from_week, to_week) VALUES ($1, gen_random_uuid(), $2, 'x', '2026-01-12', '2026-01-19')`, [
      draft.uuid,
      created.body.uuid,
    ]);
    const answer = await api.request('DELETE', `/api/doctors/${created.body.uuid}?version=${created.body.version}`);
    expect(answer.status).toBe(204);
    expect(await assignmentsOf(draft.uuid)).toEqual([]);
  });
});
