// Real server and worker processes for the operations tests, started the way `npm start` and
// `npm run worker` start them (node + tsx), on a database of the test PostgreSQL: their JSON log
// lines, signals, exit codes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import pg from 'pg';

export interface RunningProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines so far. */
  lines(): { level: string; msg: string; [key: string]: unknown }[];
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Waits until a log line's message contains `text`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `server/main.ts` or `server/worker-main.ts` and waits for `ready` in its log. */
export async function startProcess(script: 'server/main.ts' | 'server/worker-main.ts', env: Record<string, string>, ready: string): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, LOG_LEVEL: 'info', ...env } });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = () =>
    output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: string; msg: string });
  const waitFor = async (text: string, timeoutMs = 20_000) => {
    for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
      if (lines().some((l) => l.msg.includes(text))) return;
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${script} exited before "${text}":\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${script} did not log "${text}" in ${timeoutMs} ms:\n${output}`);
  };
  const running = { child, output: () => output, lines, exited, waitFor };
  try {
    await waitFor(ready, 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return running;
}

/** Sends `signal` and resolves with the exit code. */
export async function stopProcess(running: RunningProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return running.child.exitCode;
  running.child.kill(signal);
  return running.exited;
}

/** Polls `read` until `ok` holds. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  for (const end = Date.now() + timeoutMs; ; ) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `npm start` on a test database: demo data (and its accounts), on 127.0.0.1:`port`. */
export function startWeb(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<RunningProcess> {
  return startProcess('server/main.ts', { DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'true', ...env }, 'listening on');
}

/** `npm run worker` on a test database. */
export function startWorker(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningProcess> {
  return startProcess('server/worker-main.ts', { DATABASE_URL: databaseUrl, ...env }, 'ready');
}

export interface SolverRunAnswer {
  status: string;
  error: string | null;
  plan: string | null;
}

/** The demo Kronoberg coordinator signed in on the server at `port`: start and read solver runs of "Kronoberg BT 2026". */
export async function kronobergCoordinator(port: number) {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'koordinator.kronoberg@bt-demo.se', password: 'demo-koordinator-2026' }),
  });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const request = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: (await res.json()) as any };
  };
  const region = (await request('GET', '/api/auth/me')).body.regions[0];
  const cohort: string = (await request('GET', `/api/regions/${region}/cohorts`)).body.find((c: { name: string }) => c.name === 'Kronoberg BT 2026').uuid;
  return {
    async startRun(parameters: Record<string, unknown>): Promise<string> {
      const answer = await request('POST', `/api/cohorts/${cohort}/solver-runs`, parameters);
      if (answer.status !== 202) throw new Error(`starting a solver run: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body.uuid;
    },
    /** GET /api/solver-runs/:id */
    run: async (id: string) => (await request('GET', `/api/solver-runs/${id}`)).body as SolverRunAnswer,
  };
}

/** The run's row as the queue sees it (also while no server is up). */
export async function solverRunRow(databaseUrl: string, id: string): Promise<{ status: string; worker: string | null; started_at: Date | null }> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    return (await client.query('SELECT status, worker, started_at FROM solver_runs WHERE id = $1', [id])).rows[0];
  } finally {
    await client.end();
  }
}
