// The server's database: DATABASE_URL when given, else the embedded PostgreSQL in DATA_DIR
// (kept between starts). Migrations run on open; close() stops everything cleanly.
import { join } from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';

export interface Database {
  dataSource: DataSource;
  /** True when it was made by this start (so demo data may be loaded). */
  migrationsApplied: number;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url?: string;
  dataDir: string;
  onLog?: (message: string) => void;
}

/** The app's database on the embedded server. */
export const DATABASE = 'bt_planeraren';

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const embedded = options.url ? undefined : await startEmbeddedPostgres({ dataDir: join(options.dataDir, 'pg'), persistent: true, onLog: options.onLog });
  try {
    let url = options.url;
    if (embedded) {
      await createDatabaseIfMissing(embedded.adminUrl, DATABASE);
      url = embedded.urlFor(DATABASE);
    }
    const dataSource = createDataSource(url!);
    await dataSource.initialize();
    const applied = await migrateAlone(dataSource);
    return {
      dataSource,
      migrationsApplied: applied.length,
      close: async () => {
        await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

/** Any number `pg_advisory_lock` keys on; "BT-planeraren migrations". */
const MIGRATION_LOCK = 47_112_026;

/**
 * Migrates while holding an advisory lock: servers and workers starting together on one
 * database take turns, and the later ones find nothing left to apply.
 */
async function migrateAlone(dataSource: DataSource): Promise<{ name: string }[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}
