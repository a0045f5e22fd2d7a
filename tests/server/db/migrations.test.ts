// The migrations on a real PostgreSQL: up from empty, down to empty, up again; the entities
// match what they build (the drift check CI relies on); the constraints hold in the database.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../../server/db/data-source';
import { pendingSchemaChanges } from '../../../server/db/generate-migration';
import { MIGRATIONS } from '../../../migrations';
import { freshDatabase, type TestDatabase } from '../../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY table_name`,
    );
    return rows.map((r) => r.table_name);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('go up from empty, down to empty and up again', async () => {
    const dataSource = createDataSource(db.url);
    await dataSource.initialize();
    try {
      expect(await tables(db.url)).toEqual([]);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(MIGRATIONS.length);
      expect(await tables(db.url)).toEqual([
        'absences', 'assessments', 'assignments', 'audit_log', 'block_kinds', 'calendar_revisions', 'capacity_overrides', 'cohorts', 'credits', 'doctor_requests',
        'doctors', 'feed_tokens', 'login_attempts', 'password_resets', 'pins', 'placement_supervisors', 'plan_checks', 'plans', 'rate_limits', 'region_revisions', 'regions', 'sessions', 'sites', 'solver_runs',
        'template_blocks', 'templates', 'user_regions', 'user_sites', 'users', 'wishes',
      ]);
      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await tables(db.url)).toEqual([]);
      expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
      expect((await tables(db.url)).length).toBe(30);
    } finally {
      await dataSource.destroy();
    }
  });

  it('match the entities: nothing left to generate', async () => {
    const { upQueries } = await pendingSchemaChanges(db.url);
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });

  it('put the rules in the database too: checks, unique keys, foreign keys, one published plan', async () => {
    const client = new pg.Client(db.url);
    await client.connect();
    const fails = (sql: string, params: unknown[] = []) => client.query(sql, params).then(() => 'ok', (e: { code: string }) => e.code);
    try {
      const region = (await client.query(`INSERT INTO regions (name, version) VALUES ('Region Test', 1) RETURNING id`)).rows[0].id;
      expect(await fails(`INSERT INTO regions (name, version) VALUES ('Region Test', 1)`)).toBe('23505');
      expect(await fails(`INSERT INTO sites (region_id, code, name, town, kinds, capacity, version) VALUES ($1, 's', 'S', 'T', '{surgery}', -1, 1)`, [region])).toBe('23514');
      expect(await fails(`INSERT INTO sites (region_id, code, name, town, kinds, capacity, version) VALUES (gen_random_uuid(), 's', 'S', 'T', '{surgery}', 1, 1)`)).toBe('23503');
      const template = (await client.query(`INSERT INTO templates (region_id, name, unit, version) VALUES ($1, 'T', 'weeks', 1) RETURNING id`, [region])).rows[0].id;
      const cohort = (await client.query(`INSERT INTO cohorts (region_id, template_id, name, version) VALUES ($1, $2, 'C', 1) RETURNING id`, [region, template])).rows[0].id;
      expect(await fails(`INSERT INTO doctors (cohort_id, code, name, start_week, part_time, version) VALUES ($1, 'd', 'D', '2026-01-05', 0.4, 1)`, [cohort])).toBe('23514');
      const doctor = (await client.query(`INSERT INTO doctors (cohort_id, code, name, start_week, part_time, version) VALUES ($1, 'd', 'D', '2026-01-05', 0.75, 1) RETURNING id`, [cohort])).rows[0].id;
      expect(await fails(`INSERT INTO absences (doctor_id, first_day, last_day, from_week, to_week) VALUES ($1, '2026-03-02', '2026-03-06', '2026-03-02', '2026-03-02')`, [doctor])).toBe('23514');
      expect(await fails(`INSERT INTO absences (doctor_id, first_day, last_day, from_week, to_week) VALUES ($1, '2026-03-06', '2026-03-02', '2026-03-02', '2026-03-09')`, [doctor])).toBe('23514');
      const plan = (n: number, status: string) =>
        fails(`INSERT INTO plans (cohort_id, number, status, created_by, published_at, version) VALUES ($1, $2, $3, 'test', ${status === 'draft' ? 'NULL' : 'now()'}, 1)`, [cohort, n, status]);
      expect(await plan(1, 'published')).toBe('ok');
      expect(await plan(2, 'published')).toBe('23505');
      expect(await plan(2, 'draft')).toBe('ok');
      expect(await plan(2, 'draft')).toBe('23505');
    } finally {
      await client.end();
    }
  });
});

describe('AbsenceDays', () => {
  it('gives stored absences and leave requests their days: the first Monday to the Friday before `to`, and back', async () => {
    const own = await freshDatabase();
    const dataSource = createDataSource(own.url);
    await dataSource.initialize();
    const client = new pg.Client(own.url);
    await client.connect();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      const later = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === 'AbsenceDays1796579661461');
      for (let i = 0; i < later; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const one = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0];
      const region = (await one(`INSERT INTO regions (name, version) VALUES ('R', 1) RETURNING id`)).id;
      const template = (await one(`INSERT INTO templates (region_id, name, unit, version) VALUES ($1, 'T', 'weeks', 1) RETURNING id`, [region])).id;
      const cohort = (await one(`INSERT INTO cohorts (region_id, template_id, name, version) VALUES ($1, $2, 'C', 1) RETURNING id`, [region, template])).id;
      const doctor = (await one(`INSERT INTO doctors (cohort_id, code, name, start_week, part_time, version) VALUES ($1, 'd', 'D', '2026-01-05', 1, 1) RETURNING id`, [cohort])).id;
      await client.query(`INSERT INTO absences (doctor_id, from_week, to_week) VALUES ($1, '2026-10-05', '2026-11-30')`, [doctor]);
      const leave = { leave: { from: '2026-12-14', to: '2026-12-21', reason: 'Kurs' } };
      await client.query(`INSERT INTO doctor_requests (doctor_id, kind, payload, status, version) VALUES ($1, 'leave', $2, 'pending', 1), ($1, 'wish', '{"wish":{"block":"pc","weight":1}}', 'pending', 1)`, [doctor, leave]);

      await dataSource.runMigrations({ transaction: 'each' });
      expect(await one(`SELECT first_day::text AS first, last_day::text AS last, from_week::text AS from, to_week::text AS to FROM absences`)).toEqual({ first: '2026-10-05', last: '2026-11-27', from: '2026-10-05', to: '2026-11-30' });
      const payloads = async () => (await client.query(`SELECT kind, payload FROM doctor_requests ORDER BY kind`)).rows.map((r) => r.payload);
      expect(await payloads()).toEqual([{ leave: { first: '2026-12-14', last: '2026-12-18', reason: 'Kurs' } }, { wish: { block: 'pc', weight: 1 } }]);

      for (let i = 0; i < later; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await payloads()).toEqual([leave, { wish: { block: 'pc', weight: 1 } }]);
    } finally {
      await client.end();
      await dataSource.destroy();
      await own.drop();
    }
  });
});
