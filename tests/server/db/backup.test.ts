// npm run backup / npm run restore as a user runs them: the demo data with a republished plan
// (one placement moved), a leftover draft and an erased doctor, backed up and restored into
// another database, equal table by table, row by row, sequence by sequence; restore refuses a
// database that is not empty (unless --force), and a wrong or damaged file, writing nothing.
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../migrations';
import { kronoberg2026 } from '../../../shared/domain/presets/kronoberg-2026';
import { openDatabase } from '../../../server/db/database';
import { loadDemoData } from '../../../server/db/demo-data';
import { buildServices } from '../../../server/services';
import { TEST_NOW } from '../../support/api';
import { databaseContents } from '../../support/db-contents';
import { freshDatabase, type TestDatabase } from '../../support/database';
import { runCliWith } from '../../support/run-cli';

// Each CLI run is a Node process with tsx (seconds on a busy 2-core machine).
const SLOW = 180_000;
const BACKUP = 'server/cli/backup.ts';
const RESTORE = 'server/cli/restore.ts';
const databases: TestDatabase[] = [];
let source: TestDatabase;
let dir: string;
let backupFile: string;
/** The one backup of the source that the tests restore, made by the real CLI. */
let backupRun: { code: number; stdout: string; stderr: string };

async function fresh(): Promise<TestDatabase> {
  const db = await freshDatabase();
  databases.push(db);
  return db;
}

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Demo data, then the Kronoberg plan republished with one placement at another site. */
async function loadSource(url: string): Promise<void> {
  const db = await openDatabase({ url, dataDir: '' });
  try {
    await loadDemoData(db.dataSource);
    // The test clock (before the cohorts start): republishing moves a placement nobody has served yet.
    const services = buildServices(db.dataSource, undefined, () => TEST_NOW);
    const [{ id: cohort }] = await db.dataSource.query(`SELECT c.id FROM cohorts c JOIN regions r ON r.id = c.region_id WHERE r.name = 'Region Kronoberg'`);
    let draft = await services.plans.create(cohort, { from: 'published' }, 'test');
    const strip = draft.assignments.map(({ doctor, block, site, from, to }) => ({ doctor, block, site, from, to }));
    search: for (const a of strip.filter((x) => x.site !== null)) {
      const kind = kronoberg2026.problem.blocks.find((b) => b.id === a.block)!.kind;
      for (const site of kronoberg2026.problem.sites.filter((s) => s.kinds.includes(kind) && s.id !== a.site)) {
        draft = await services.plans.edit(draft.uuid, { version: draft.version, assignments: strip.map((x) => (x === a ? { ...x, site: site.id } : x)) }, 'test');
        if (!draft.violations.some((v) => v.severity === 'error')) break search;
      }
    }
    await services.plans.publish(draft.uuid, draft.version, 'test');
    await services.plans.create(cohort, { from: 'published' }, 'test');
    const [doctor] = await db.dataSource.query(`SELECT id, version FROM doctors WHERE cohort_id = $1 ORDER BY code LIMIT 1`, [cohort]);
    await services.doctorViews.erase(doctor.id, doctor.version, 'test');
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  source = await fresh();
  await loadSource(source.url);
  dir = await mkdtemp(join(tmpdir(), 'bt-backup-test-'));
  backupFile = join(dir, 'bt.dump');
  backupRun = await runCliWith({ DATABASE_URL: source.url }, BACKUP, backupFile);
}, SLOW);
afterAll(async () => {
  for (const db of databases) await db.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run backup, then npm run restore into an empty database', () => {
  it('gives every table row for row, every sequence and the schema, triggers included', async () => {
    expect(backupRun.stderr).toBe('');
    expect(backupRun.code).toBe(0);
    // The backup names the newest migration the database has.
    const newest = MIGRATIONS.at(-1)!.name;
    expect(backupRun.stdout).toMatch(new RegExp(`^backup: DATABASE_URL → .*bt\\.dump \\(\\d+ KiB, PostgreSQL \\d+\\.\\d+, pg_dump \\d+\\.\\d+.*, migration ${newest}\\)`));
    expect((await stat(backupFile)).mode & 0o777).toBe(0o600);
    expect(existsSync(`${backupFile}.partial`)).toBe(false);

    const target = await fresh();
    const restore = await runCliWith({ DATABASE_URL: target.url }, RESTORE, backupFile);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const original = await databaseContents(source.url);
    expect(original.tables.plans!.map((row) => /,(draft|published|archived),/.exec(row)![1]).sort()).toEqual(['archived', 'draft', 'published', 'published']);
    expect(original.tables.assignments!.length).toBeGreaterThan(100);
    expect(original.tables.audit_log!.length).toBeGreaterThan(0);
    expect(original.sequences.map((s) => s.name)).toContain('audit_log_id_seq');
    expect(original.schema.triggers!.map((line) => /TRIGGER (\w+)/.exec(line)![1]).sort()).toEqual([
      'tr_assignments_keep_published_delete',
      'tr_assignments_keep_published_insert',
      'tr_assignments_keep_published_update',
      'tr_plans_keep_published',
      'tr_regions_revisions_update',
      // migrations/…-RevisionTriggers.ts and …-FollowUpChecks.ts: each table calendars or plan checks read, each event.
      ...['absences', 'assessments', 'assignments', 'capacity_overrides', 'cohorts', 'credits', 'doctors', 'pins', 'placement_supervisors', 'plans', 'sites', 'template_blocks', 'templates', 'wishes'].flatMap((table) =>
        ['delete', 'insert', 'update'].map((event) => `tr_${table}_revisions_${event}`),
      ),
    ].sort());
    expect(original.sequences.map((s) => s.name)).toContain('revision_seq');
    expect(await databaseContents(target.url)).toEqual(original);

    // The restored database still keeps its published plans as they are.
    const refused = await query(target.url, `DELETE FROM assignments WHERE plan_id = (SELECT id FROM plans WHERE status = 'published' LIMIT 1)`).catch((e: { code: string }) => e.code);
    expect(refused).toBe('ZP001');
  }, SLOW);

  it('works the same with the embedded database in DATA_DIR, both ways', async () => {
    const dataDir = join(dir, 'data');
    const restore = await runCliWith({ DATABASE_URL: '', DATA_DIR: dataDir }, RESTORE, backupFile);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/^restore: .*bt\.dump → the embedded database in /);
    const again = join(dir, 'again.dump');
    const backup = await runCliWith({ DATABASE_URL: '', DATA_DIR: dataDir }, BACKUP, again);
    expect(backup.stdout).toMatch(/^backup: the embedded database in .* → .*again\.dump/);
    const target = await fresh();
    expect((await runCliWith({ DATABASE_URL: target.url }, RESTORE, again)).code).toBe(0);
    expect(await databaseContents(target.url)).toEqual(await databaseContents(source.url));
  }, SLOW);
});

describe('npm run restore refuses', () => {
  it('a database that is not empty, with exit 2 and nothing written; --force replaces everything in it', async () => {
    const target = await fresh();
    const db = await openDatabase({ url: target.url, dataDir: '' });
    await db.dataSource.query(`INSERT INTO regions (name, version) VALUES ('Region Kvar', 1)`);
    await db.close();
    const before = await databaseContents(target.url);
    const refused = await runCliWith({ DATABASE_URL: target.url }, RESTORE, backupFile);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^restore: the database is not empty \(\d+ tables, sequences or functions\): .* add --force/);
    expect(await databaseContents(target.url)).toEqual(before);

    const forced = await runCliWith({ DATABASE_URL: target.url }, RESTORE, backupFile, '--force');
    expect(forced.stderr).toBe('');
    expect(forced.stdout).toMatch(/\(replaced what was there\)/);
    expect(await databaseContents(target.url)).toEqual(await databaseContents(source.url));
  }, SLOW);

  it('a file that is not a backup, or a damaged one, with exit 2 and nothing written, --force or not', async () => {
    const bytes = await readFile(backupFile);
    const files = { 'text.dump': Buffer.from('not a backup\n'), 'half.dump': bytes.subarray(0, bytes.length / 2), 'cut.dump': bytes.subarray(0, bytes.length - 20) };
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    const empty = await fresh();
    const full = await fresh();
    expect((await runCliWith({ DATABASE_URL: full.url }, RESTORE, backupFile)).code).toBe(0);
    const emptyBefore = await databaseContents(empty.url);
    const fullBefore = await databaseContents(full.url);
    const answers = [
      await runCliWith({ DATABASE_URL: empty.url }, RESTORE, join(dir, 'text.dump')),
      await runCliWith({ DATABASE_URL: full.url }, RESTORE, join(dir, 'half.dump'), '--force'),
      await runCliWith({ DATABASE_URL: empty.url }, RESTORE, join(dir, 'cut.dump')),
      await runCliWith({ DATABASE_URL: full.url }, RESTORE, join(dir, 'cut.dump'), '--force'),
    ];
    expect(answers.map((a) => a.code)).toEqual([2, 2, 2, 2]);
    expect(answers[0]!.stderr).toMatch(/text\.dump: not a readable pg_dump archive/);
    expect(answers[1]!.stderr).toMatch(/half\.dump: not a readable pg_dump archive, or a damaged one/);
    // Cut at the end: the header and the migrations read fine, the last table's data does not,
    // after the guard (or the wipe) and most of the restore already ran inside the transaction.
    expect(answers[2]!.stderr).toMatch(/cut\.dump: damaged archive, nothing was written/);
    expect(answers[3]!.stderr).toMatch(/cut\.dump: damaged archive, nothing was written/);
    expect(await databaseContents(empty.url)).toEqual(emptyBefore);
    expect(await databaseContents(full.url)).toEqual(fullBefore);
    expect(emptyBefore.tables).toEqual({});
  }, SLOW);

  it('a backup from a newer version of the app (a migration unknown here), with exit 2', async () => {
    const newer = await fresh();
    expect((await runCliWith({ DATABASE_URL: newer.url }, RESTORE, backupFile)).code).toBe(0);
    await query(newer.url, `INSERT INTO migrations ("timestamp", name) VALUES (1999999999999, 'FromTheFuture1999999999999')`);
    const newerFile = join(dir, 'newer.dump');
    expect((await runCliWith({ DATABASE_URL: newer.url }, BACKUP, newerFile)).code).toBe(0);
    const target = await fresh();
    const refused = await runCliWith({ DATABASE_URL: target.url }, RESTORE, newerFile);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/made by a newer BT-planeraren \(migrations unknown here: FromTheFuture1999999999999\)/);
    expect((await databaseContents(target.url)).tables).toEqual({});
  }, SLOW);
});

describe('npm run backup refuses', () => {
  it('when no pg_dump can dump this server (or no pg_restore is there), naming what it found and what to install, with exit 2', async () => {
    const bin = join(dir, 'old-bin');
    await mkdir(bin, { recursive: true });
    await writeFile(join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n');
    await chmod(join(bin, 'pg_dump'), 0o755);
    const file = join(dir, 'never.dump');
    const refused = await runCliWith({ DATABASE_URL: source.url, PG_BIN: bin }, BACKUP, file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^backup: pg_dump (\d+) or newer is needed for a PostgreSQL \1 server; found only pg_dump 9\.6 \(.*old-bin\/pg_dump\)\. .*apt-get install postgresql-client-\1\b/);
    expect(existsSync(file) || existsSync(`${file}.partial`)).toBe(false);
    const noTools = await runCliWith({ DATABASE_URL: source.url, PG_BIN: join(dir, 'no-bin') }, RESTORE, backupFile);
    expect(noTools).toMatchObject({ code: 2, stderr: expect.stringMatching(/^restore: pg_restore is needed; found no pg_restore\. .*apt-get install postgresql-client\b/) });
  }, SLOW);

  it('a database without the app in it, or a missing file argument, with exit 2', async () => {
    const empty = await fresh();
    const none = await runCliWith({ DATABASE_URL: empty.url }, BACKUP, join(dir, 'empty.dump'));
    expect(none).toMatchObject({ code: 2, stderr: expect.stringMatching(/no BT-planeraren tables .*nothing to back up/) });
    expect((await runCliWith({ DATABASE_URL: empty.url }, BACKUP)).code).toBe(2);
  }, SLOW);
});
