// The real server for HTTP tests: a fresh database on the test PostgreSQL, migrated, the app
// listening on a free port, the solver queue optional; plus a small JSON client.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { buildApp } from '../../server/app';
import { openDatabase } from '../../server/db/database';
import { SolverQueue } from '../../server/jobs/solver-queue';
import { buildServices } from '../../server/services';
import { freshDatabase } from './database';

export interface TestApi {
  base: string;
  dataSource: DataSource;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

export async function startApi(options: { solverQueue?: boolean } = {}): Promise<TestApi> {
  const database = await freshDatabase();
  const db = await openDatabase({ url: database.url, dataDir: '' });
  const queue = options.solverQueue ? new SolverQueue(db.dataSource, { pollMs: 100 }) : undefined;
  const app = buildApp({ dataSource: db.dataSource, services: buildServices(db.dataSource, () => queue?.wake()) });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  queue?.start();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    dataSource: db.dataSource,
    async request(method, path, body) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    },
    async close() {
      await queue?.stop();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
      await database.drop();
    },
  };
}
