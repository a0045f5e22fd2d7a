// A restore: the archive is checked first (readable, a BT-planeraren database, no migration this
// version doesn't know), then pg_restore turns it into SQL that psql runs in ONE transaction
// together with the emptiness guard (or, with --force, the wipe). COMMIT is sent only after
// pg_restore has read the whole archive without error: a damaged file or a failed statement
// leaves the database exactly as it was.
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MIGRATIONS } from '../../../migrations';
import { inspectArchive, type ArchiveFacts } from './archive';
import { connectionFor, databaseFacts, findPgTool, Refusal, USER_OBJECTS_SQL, type PgTool } from './pg-tools';

/** A backup file checked to be a BT-planeraren archive this version can restore. */
export interface CheckedBackup extends ArchiveFacts {
  file: string;
  pgRestore: PgTool;
}

/** Inside the transaction: refuse if something appeared since the check. */
const GUARD_EMPTY = `DO $$ BEGIN
  IF (${USER_OBJECTS_SQL}) > 0 THEN RAISE EXCEPTION 'bt-restore: the database is not empty'; END IF;
END $$;\n`;

/** Inside the transaction: every schema but the system's goes, public comes back as new. */
const WIPE = `DO $$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pg_database_owner') THEN
    CREATE SCHEMA public AUTHORIZATION pg_database_owner;
  ELSE
    CREATE SCHEMA public;
  END IF;
  GRANT USAGE ON SCHEMA public TO PUBLIC;
END $$;\n`;

/** Before any database is opened: the file is a readable archive of a version known here. */
export async function checkBackup(file: string): Promise<CheckedBackup> {
  await access(file).catch(() => {
    throw new Refusal(`${file}: no such file`);
  });
  const pgRestore = await findPgTool('pg_restore', 0, 'newest');
  const archive = await inspectArchive(pgRestore, file);
  const known = new Set(MIGRATIONS.map((m) => m.name));
  const unknown = archive.migrations.filter((name) => !known.has(name));
  if (unknown.length) throw new Refusal(`${file}: made by a newer BT-planeraren (migrations unknown here: ${unknown.join(', ')}); update this installation first`);
  return { ...archive, file, pgRestore };
}

/** Restores into an empty database, or with `force` replaces everything in it. True when it replaced something. */
export async function restoreDatabase(url: string, backup: CheckedBackup, options: { force: boolean }): Promise<boolean> {
  const { objects } = await databaseFacts(url);
  if (objects > 0 && !options.force) {
    throw new Refusal(`the database is not empty (${objects} tables, sequences or functions): restore goes into an empty database, or add --force to replace everything in it`);
  }
  const psql = await siblingPsql(backup.pgRestore);
  await runRestore(backup.pgRestore, psql, url, backup.file, options.force ? WIPE : GUARD_EMPTY);
  return objects > 0;
}

async function siblingPsql(pgRestore: PgTool): Promise<PgTool> {
  const path = join(dirname(pgRestore.path), 'psql');
  const beside = pgRestore.path.includes('/') && (await access(path).then(() => true, () => false));
  return beside ? { ...pgRestore, path } : findPgTool('psql', 0, 'newest');
}

function runRestore(pgRestore: PgTool, psql: PgTool, url: string, file: string, preamble: string): Promise<void> {
  const { dbname, env } = connectionFor(url);
  return new Promise((resolve, reject) => {
    const sql = spawn(psql.path, ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', `--dbname=${dbname}`], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    // No owners or grants from the source: the objects belong to whoever restores.
    const reader = spawn(pgRestore.path, ['--no-owner', '--no-privileges', '--file=-', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    sql.on('error', reject);
    reader.on('error', reject);
    let sqlErrors = '';
    let readErrors = '';
    sql.stderr.on('data', (chunk: Buffer) => (sqlErrors += chunk));
    reader.stderr.on('data', (chunk: Buffer) => (readErrors += chunk));
    sql.stdin.on('error', () => {}); // psql stopped at an error: its exit code tells
    sql.stdin.write(`BEGIN;\n${preamble}`);
    reader.stdout.pipe(sql.stdin, { end: false });
    let readCode: number | null = null;
    reader.on('close', (code) => {
      readCode = code;
      // Without COMMIT, psql's end of input ends the session and the transaction rolls back.
      sql.stdin.end(code === 0 ? 'COMMIT;\n' : '');
    });
    sql.on('close', (code) => {
      if (readCode === null) reader.kill();
      if (readCode !== null && readCode !== 0) reject(new Refusal(`${file}: damaged archive, nothing was written (${readErrors.trim().split('\n')[0]})`));
      else if (code !== 0) reject(new Error(`the restore failed and was rolled back, nothing was written: ${sqlErrors.trim()}`));
      else resolve();
    });
  });
}
