// The database goes away and comes back: while it is down /api/ready and every other /api request
// answer 503 problem+json with Retry-After (not 500), liveness stays 200; once it is back the
// same app instance serves again, the same session still valid — no restart.
import { rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryFailedError } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { createUserIn } from '../../../server/auth/service';
import { openDatabase, type Database } from '../../../server/db/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../../server/db/embedded';
import { databaseUnavailable, toProblem } from '../../../server/http/error-mapper';
import { createLogger } from '../../../server/log';

const ADMIN = { email: 'admin@down.example', password: 'admin-password-123' };

let dir: string;
let dataDir: string;
let port: number;
let postgres: EmbeddedDatabase;
let db: Database;
let server: Server;
let base: string;
let cookie: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bt-db-down-'));
  dataDir = join(dir, 'pg');
  postgres = await startEmbeddedPostgres({ dataDir, persistent: true });
  port = Number(new URL(postgres.adminUrl).port);
  db = await openDatabase({ url: postgres.adminUrl, dataDir: '' });
  await db.dataSource.transaction((em) => createUserIn(em, { ...ADMIN, role: 'admin', regions: [], sites: [] }, 'test'));
  server = buildApp({ dataSource: db.dataSource, logger: createLogger({ level: 'silent' }) }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(login.status).toBe(200);
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.dataSource.destroy().catch(() => {});
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function get(path: string, signedIn = true) {
  const res = await fetch(`${base}${path}`, { headers: signedIn ? { cookie } : {} });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), retryAfter: res.headers.get('retry-after'), requestId: res.headers.get('x-request-id'), body: text ? JSON.parse(text) : undefined };
}

describe('when PostgreSQL stops and starts again', () => {
  it('answers 503 problem+json while it is down and serves again once it is back, without a restart', async () => {
    expect((await get('/api/ready')).status).toBe(200);
    expect((await get('/api/regions')).status).toBe(200);

    await postgres.stop();

    const ready = await get('/api/ready');
    expect(ready).toMatchObject({ status: 503, type: 'application/problem+json; charset=utf-8', body: { status: 503, title: 'Service Unavailable' } });
    // The session lookup itself needs the database: 503, not 500 and not 401.
    const regions = await get('/api/regions');
    expect(regions).toMatchObject({ status: 503, type: 'application/problem+json; charset=utf-8', retryAfter: '5' });
    expect(regions.body).toEqual({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: `the database is not reachable; try again shortly (request id ${regions.requestId})`, requestId: regions.requestId });
    expect(regions.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    expect([login.status, login.headers.get('retry-after')]).toEqual([503, '5']);
    expect((await get('/api/cohorts/00000000-0000-4000-8000-000000000000/problem')).status).toBe(503);
    // Liveness does not depend on the database: the process itself is fine.
    expect((await get('/api/health', false)).status).toBe(200);

    postgres = await startEmbeddedPostgres({ dataDir, persistent: true, port });

    expect((await get('/api/ready')).status).toBe(200);
    const again = await get('/api/regions');
    expect(again.status).toBe(200);
    expect(again.body).toEqual([]);
    expect((await get('/api/auth/me')).body).toMatchObject({ email: ADMIN.email });
  });
});

describe('databaseUnavailable', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it.each([
    ['connection refused', withCode('ECONNREFUSED'), 'ECONNREFUSED'],
    ['both addresses of localhost refused', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), 'ECONNREFUSED'],
    ['admin shutdown in a query', new QueryFailedError('SELECT 1', [], withCode('57P01', 'terminating connection due to administrator command')), '57P01'],
    ['the database system is starting up', withCode('57P03'), '57P03'],
    ['connection failure class 08', withCode('08006'), '08006'],
    ['a connection ended mid-query', new Error('Connection terminated unexpectedly'), 'connection'],
    ['the pool waited too long', new Error('timeout exceeded when trying to connect'), 'connection'],
  ])('%s is the database being away (503)', (_name, err, code) => {
    expect(databaseUnavailable(err)).toBe(code);
    expect(toProblem(err).status).toBe(503);
  });

  it.each([
    ['a unique clash', new QueryFailedError('INSERT', [], withCode('23505')), 409],
    ['a client that hung up while sending its body', Object.assign(withCode('ECONNRESET', 'aborted'), { statusCode: 400, type: 'request.aborted' }), 500],
    ['a bug', new Error('Cannot read properties of undefined'), 500],
  ])('%s is not', (_name, err, status) => {
    expect(databaseUnavailable(err)).toBeUndefined();
    expect(toProblem(err).status).toBe(status);
  });
});
