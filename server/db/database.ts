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

const DATABASE = 'bt_planeraren';

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
    const applied = await dataSource.runMigrations({ transaction: 'each' });
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

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}
