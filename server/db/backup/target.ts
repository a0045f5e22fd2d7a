// Which database the backup and restore CLIs work on: DATABASE_URL, else the embedded one in
// DATA_DIR. A backup reaches an embedded server that `npm start` is running (pg_dump reads a
// consistent snapshot while the app works); a restore needs the server stopped.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config';
import { embeddedUrl, startEmbeddedPostgres } from '../embedded';
import { Refusal } from './pg-tools';

export interface Target {
  url: string;
  /** For messages: where the database is, never its password. */
  label: string;
  close(): Promise<void>;
}

export async function openTarget(config: Config, purpose: 'backup' | 'restore'): Promise<Target> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, label: 'DATABASE_URL', close: async () => {} };
  // Loaded only here: it brings TypeORM, which a DATABASE_URL run does without.
  const { createDatabaseIfMissing, DATABASE } = await import('../database');
  const dataDir = join(config.DATA_DIR, 'pg');
  const label = `the embedded database in ${config.DATA_DIR}`;
  const port = await runningPort(dataDir);
  if (port !== undefined && purpose === 'backup') return { url: embeddedUrl(port, DATABASE), label: `${label} (server running)`, close: async () => {} };
  if (port !== undefined) throw new Refusal(`${label} is in use by a running server: stop it first, then restore`);
  const initialised = await stat(join(dataDir, 'PG_VERSION')).then(() => true, () => false);
  if (!initialised && purpose === 'backup') throw new Refusal(`there is no database in ${config.DATA_DIR} to back up (set DATABASE_URL or DATA_DIR)`);
  const embedded = await startEmbeddedPostgres({ dataDir, persistent: true });
  try {
    await createDatabaseIfMissing(embedded.adminUrl, DATABASE);
  } catch (err) {
    await embedded.stop();
    throw err;
  }
  return { url: embedded.urlFor(DATABASE), label, close: () => embedded.stop() };
}

/** The port of the postgres that holds `dataDir` now (postmaster.pid, line 4), if it is alive. */
async function runningPort(dataDir: string): Promise<number | undefined> {
  const pidFile = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!pidFile) return undefined;
  const [pid, , , port] = pidFile.split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user (postgres, when we run as root).
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return Number(port);
}
