// The real server for HTTP tests: a fresh database on the test PostgreSQL, migrated, the app
// listening on a free port, the solver queue optional; an admin account signed in, and JSON
// clients for any other account.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { UserBody } from '../../shared/api/auth';
import { createUserIn } from '../../server/auth/service';
import { buildApp, type AppDeps } from '../../server/app';
import { openDatabase } from '../../server/db/database';
import { createLogger } from '../../server/log';
import { SolverQueue } from '../../server/jobs/solver-queue';
import { buildServices } from '../../server/services';
import { freshDatabase } from './database';

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export interface Client {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** The session cookie's value, when signed in. */
  cookie: string | undefined;
}

export interface TestApi extends Client {
  base: string;
  dataSource: DataSource;
  /** A client without a session. */
  anonymous: Client;
  /** Creates an account (straight in the database) and signs it in. */
  userClient(user: UserBody): Promise<Client>;
  signIn(email: string, password: string): Promise<Client & { answer: Answer }>;
  close(): Promise<void>;
}

/** The body of an answer with the expected status; any other status fails with what came back. */
export async function ok(answer: Promise<Pick<Answer, 'status' | 'body'>>, status = 200): Promise<any> {
  const res = await answer;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export const ADMIN = { email: 'admin@test.example', password: 'admin-password-123' };

/**
 * The server's "now" unless a test sets its own: Wednesday of v. 2 2026, before the demo cohorts
 * (2026-01-12, 2026-02-16) and the builders' doctors (2026-03-02) start, so nothing is past yet
 * and no test depends on the day it runs.
 */
export const TEST_NOW = new Date('2026-01-07T12:00:00Z');

/** The key test servers derive feed links from. */
export const TEST_FEED_SECRET = 'test-feed-secret-0123456789abcdefghij';

export async function startApi(options: { solverQueue?: boolean } & Partial<Pick<AppDeps, 'auth' | 'loginsPerMinute' | 'trustProxy' | 'clientDir' | 'logger' | 'clock'>> = {}): Promise<TestApi> {
  const database = await freshDatabase();
  const db = await openDatabase({ url: database.url, dataDir: '' });
  const queue = options.solverQueue ? new SolverQueue(db.dataSource, { pollMs: 100 }) : undefined;
  const clock = options.clock ?? (() => TEST_NOW);
  const app = buildApp({
    dataSource: db.dataSource,
    // One clock for the routes and the use cases: "today" is the same everywhere.
    services: buildServices(db.dataSource, () => queue?.wake(), clock),
    auth: options.auth,
    loginsPerMinute: options.loginsPerMinute ?? 10_000,
    trustProxy: options.trustProxy,
    clientDir: options.clientDir,
    // Quiet test output; a test that reads the log passes its own (tests/server/ops/logs.test.ts).
    logger: options.logger ?? createLogger({ level: 'silent' }),
    clock,
    // A fixed key in deps: no DATA_DIR/feed-secret file; demo feeds answer as with npm start.
    feedSecret: TEST_FEED_SECRET,
    demoFeeds: true,
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  queue?.start();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const client = (cookie: string | undefined): Client => ({
    cookie,
    async request(method, path, body, headers = {}) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie: `bt_session=${cookie}` } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const json = /json/.test(res.headers.get('content-type') ?? '');
      return { status: res.status, body: text && json ? JSON.parse(text) : text || undefined, headers: res.headers };
    },
  });
  const anonymous = client(undefined);
  const signIn = async (email: string, password: string) => {
    const answer = await anonymous.request('POST', '/api/auth/login', { email, password });
    const cookie = /bt_session=([^;]+)/.exec(answer.headers.get('set-cookie') ?? '')?.[1];
    return { ...client(cookie), answer };
  };
  const userClient = async (user: UserBody) => {
    await db.dataSource.transaction((em) => createUserIn(em, user, 'test'));
    const signedIn = await signIn(user.email, user.password);
    if (signedIn.answer.status !== 200) throw new Error(`sign-in of ${user.email} failed: ${signedIn.answer.status}`);
    return signedIn;
  };
  const admin = await userClient({ ...ADMIN, role: 'admin', regions: [], sites: [] });
  return {
    ...admin,
    base,
    dataSource: db.dataSource,
    anonymous,
    userClient,
    signIn,
    async close() {
      await queue?.stop();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
      await database.drop();
    },
  };
}
