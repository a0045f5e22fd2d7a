// One embedded PostgreSQL for the whole test run; each test file makes its own database in it
// (tests/support/database.ts), so files never share rows.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../server/db/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await startEmbeddedPostgres({ dataDir: join(await mkdtemp(join(tmpdir(), 'bt-test-pg-')), 'pg'), persistent: false });
  project.provide('postgresAdminUrl', db.adminUrl);
  return () => db.stop();
}
