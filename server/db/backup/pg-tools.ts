// The PostgreSQL client programs that backup and restore run (pg_dump, pg_restore, psql), found
// in PG_BIN, then in Debian's /usr/lib/postgresql/<major>/bin, then on PATH. pg_dump refuses a
// server of a newer major than its own, so the right major is chosen, or the run is refused.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A refusal the user can act on: the CLIs exit 2 with its message. */
export class Refusal extends Error {}

export type PgProgram = 'pg_dump' | 'pg_restore' | 'psql';

export interface PgTool {
  path: string;
  major: number;
  version: string;
}

const DEBIAN_DIR = '/usr/lib/postgresql';

async function candidatePaths(program: PgProgram): Promise<string[]> {
  if (process.env.PG_BIN) return [join(process.env.PG_BIN, program)];
  const majors = await readdir(DEBIAN_DIR).catch(() => [] as string[]);
  return [...majors.filter((m) => /^\d+$/.test(m)).map((m) => join(DEBIAN_DIR, m, 'bin', program)), program];
}

async function versionOf(path: string): Promise<PgTool | undefined> {
  try {
    const { stdout } = await run(path, ['--version']);
    const match = /\(PostgreSQL\) (\d+)(\.\d+)?/.exec(stdout);
    return match ? { path, major: Number(match[1]), version: `${match[1]}${match[2] ?? ''}` } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The program of a major ≥ `minMajor`: the closest one (an archive then reads with the same
 * major's pg_restore) or the newest (reads the most archive versions).
 */
export async function findPgTool(program: PgProgram, minMajor: number, prefer: 'closest' | 'newest'): Promise<PgTool> {
  const found = (await Promise.all((await candidatePaths(program)).map(versionOf))).filter((t): t is PgTool => t !== undefined);
  const usable = found.filter((t) => t.major >= minMajor).sort((a, b) => (prefer === 'closest' ? a.major - b.major : b.major - a.major));
  if (usable[0]) return usable[0];
  const seen = found.length ? `found only ${found.map((t) => `${program} ${t.version} (${t.path})`).join(', ')}` : `found no ${program}`;
  const needed = minMajor > 0 ? `${program} ${minMajor} or newer is needed for a PostgreSQL ${minMajor} server` : `${program} is needed`;
  const install = minMajor > 0 ? `postgresql-client-${minMajor}` : 'postgresql-client';
  throw new Refusal(`${needed}; ${seen}. Install the PostgreSQL client programs (Debian: apt-get install ${install}) or set PG_BIN to their bin directory.`);
}

/** Connection settings for a client program: the password goes in the environment, not argv. */
export function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '10', PGAPPNAME: 'bt-planeraren-backup' } };
}

export interface DatabaseFacts {
  major: number;
  version: string;
  /** The last migration applied, null when the database has no migrations table. */
  migration: string | null;
  /** Tables, sequences, views and functions outside the system schemas. */
  objects: number;
}

/** Counted the same way by restore's in-transaction guard. */
export const USER_OBJECTS_SQL = `SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%')
     + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%')`;

export async function databaseFacts(url: string): Promise<DatabaseFacts> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS version,
              to_regclass('public.migrations') IS NOT NULL AS migrated, (${USER_OBJECTS_SQL})::int AS objects`,
    );
    const facts = rows[0] as { num: number; version: string; migrated: boolean; objects: number };
    const migration = facts.migrated ? ((await client.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`)).rows[0]?.name ?? null) : null;
    return { major: Math.floor(facts.num / 10000), version: facts.version, migration, objects: facts.objects };
  } finally {
    await client.end();
  }
}
