// npm run bench:http [-- --duration 30 --connections 50 --soak 300 --timeout 10 --scenarios baseline,feed-304,site-feed,cohort-feed,mix]
// (any kind of request of the mix alone is a scenario too: feed, plan, problem, edit):
// load on loopback with autocannon against a server in a child process (server/bench-http-server.ts,
// its own embedded PostgreSQL, a 200-doctor cohort). Scenarios, each for --duration seconds:
//  - baseline: a bare Node `http` server (another child) answering a fixed 304 — what the machine
//    allows; feed-304 prints its throughput as a share of it;
//  - feed-304: doctors' feeds with If-None-Match only (calendar apps polling an unchanged feed);
//  - site-feed / cohort-feed: the busiest site's feed and the cohort's feed (200s) only;
//  - mix: 60 % doctors' calendar feeds (half of them with If-None-Match: 304), 30 % coordinators'
//    plan and problem reads, 10 % plan edits, each connection on a draft of its own.
// Prints throughput, p50/p99 per kind, answers by status and the server's memory after a forced
// GC; --soak repeats the mix in rounds and prints the heap's growth. Exit 1 on socket errors,
// timeouts, 5xx or any other answer the load did not expect.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchSetup, FromServer, ToServer } from './bench-http-server';
import { seededRandom } from './solver/random';

// autocannon ships no types: the part used here.
interface LoadRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  setupRequest?(request: LoadRequest, context: Record<string, unknown>): LoadRequest;
  onResponse?(status: number, body: string, context: Record<string, unknown>): void;
}
interface LoadResult {
  duration: number;
  requests: { total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (options: { url: string; connections: number; duration: number; timeout: number; requests?: LoadRequest[]; headers?: Record<string, string> }) => PromiseLike<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const KINDS = {
  feed: { label: 'feed GET /cal/<token>.ics', weight: 30, expected: [200] },
  'feed-304': { label: 'feed GET with If-None-Match', weight: 30, expected: [304] },
  plan: { label: 'GET /api/plans/:id', weight: 15, expected: [200] },
  problem: { label: 'GET /api/cohorts/:id/problem', weight: 15, expected: [200] },
  // A 409 would be an optimistic-lock conflict: an expected answer, counted on its own.
  edit: { label: 'PUT /api/plans/:id/assignments', weight: 10, expected: [200, 409] },
  // Not in the mix: scenarios of their own.
  'site-feed': { label: "the busiest site's feed", weight: 0, expected: [200] },
  'cohort-feed': { label: "the cohort's feed", weight: 0, expected: [200] },
} as const;
type Kind = keyof typeof KINDS;
type Weights = Partial<Record<Kind, number>>;

const SCENARIOS = {
  'feed-304': { label: 'feed 304 alone', weights: { 'feed-304': 1 } as Weights },
  'site-feed': { label: "the busiest site's feed (200) alone", weights: { 'site-feed': 1 } as Weights },
  'cohort-feed': { label: "the cohort's feed, 200 doctors (200) alone", weights: { 'cohort-feed': 1 } as Weights },
  mix: { label: 'the default mix', weights: Object.fromEntries(Object.entries(KINDS).map(([k, v]) => [k, v.weight])) as Weights },
};
type Scenario = keyof typeof SCENARIOS;

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    soak: { type: 'string' },
    // autocannon's default: a request without an answer after this many seconds is a timeout.
    timeout: { type: 'string', default: '10' },
    scenarios: { type: 'string', default: ['baseline', ...Object.keys(SCENARIOS)].join(',') },
  },
});
const scenarios = values.scenarios!.split(',');
for (const name of scenarios) {
  // Any kind of request alone is a scenario too (e.g. edit, plan, problem).
  if (name !== 'baseline' && !(name in SCENARIOS) && !(name in KINDS)) {
    console.error(`--scenarios: unknown scenario ${name} (baseline, ${[...Object.keys(SCENARIOS), ...Object.keys(KINDS)].join(', ')})`);
    process.exit(2);
  }
}
const scenarioOf = (name: string): { label: string; weights: Weights } =>
  name in SCENARIOS ? SCENARIOS[name as Scenario] : { label: `${KINDS[name as Kind].label} alone`, weights: { [name]: 1 } };
const duration = positive('duration', values.duration);
const connections = positive('connections', values.connections);
const soak = values.soak === undefined ? undefined : positive('soak', values.soak);
const timeout = positive('timeout', values.timeout);

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name}: expected a positive whole number, got ${value}`);
    process.exit(2);
  }
  return n;
}

interface RoundStats {
  seconds: number;
  total: number;
  /** autocannon's errors: socket errors and timeouts together. */
  errors: number;
  timeouts: number;
  latencies: Record<Kind, number[]>;
  statuses: Record<Kind, Map<number, number>>;
}

interface Memory {
  rss: number;
  heapUsed: number;
}

// ---- the server child ---------------------------------------------------------------------

function startServer(): Promise<{ child: ChildProcess; setup: BenchSetup }> {
  const child = fork(fileURLToPath(new URL('./bench-http-server.ts', import.meta.url)), ['--drafts', String(connections)], {
    // BENCH_CPU_PROF=dir: the server writes a V8 CPU profile there on exit (open it in Chrome's DevTools).
    execArgv: ['--expose-gc', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), '--import', 'tsx'],
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the bench server stopped before it was ready (exit ${code})`));
    child.once('exit', onExit);
    child.on('message', (message: FromServer) => {
      if (message.type !== 'ready') return;
      child.off('exit', onExit);
      resolve({ child, setup: message.setup });
    });
  });
}

function memoryOf(child: ChildProcess): Promise<Memory> {
  return new Promise((resolve) => {
    const onMessage = (message: FromServer) => {
      if (message.type !== 'memory') return;
      child.off('message', onMessage);
      resolve({ rss: message.memory.rss, heapUsed: message.memory.heapUsed });
    };
    child.on('message', onMessage);
    child.send({ type: 'memory' } satisfies ToServer);
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' } satisfies ToServer);
  const timer = setTimeout(() => child.kill('SIGTERM'), 30_000);
  await exited;
  clearTimeout(timer);
}

// ---- the load -------------------------------------------------------------------------------

interface Draft {
  id: string;
  version: number;
}

interface Load {
  base: string;
  cookies: string[];
  feeds: { path: string; etag: string }[];
  siteFeed: string;
  cohortFeed: string;
  publishedId: string;
  cohortId: string;
  /** Drafts not in flight; an edit takes one and gives it back with its new version. */
  freeDrafts: Draft[];
  /** Drafts of edits without an answer yet (at the end of a round: given up on). */
  editing: Set<Draft>;
  /** Each assignment as JSON, so an edit's body is a join. */
  assignmentJson: string[];
}

async function prepareLoad(setup: BenchSetup): Promise<Load> {
  const cookies: string[] = [];
  for (const { email, password } of setup.coordinators) {
    const res = await fetch(`${setup.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('bt_session='))?.split(';')[0];
    if (res.status !== 200 || !cookie) throw new Error(`sign-in of ${email} failed: ${res.status}`);
    cookies.push(cookie);
  }
  const feeds: Load['feeds'] = [];
  for (const path of setup.feeds) {
    const res = await fetch(`${setup.base}${path}`);
    await res.arrayBuffer();
    const etag = res.headers.get('etag');
    if (res.status !== 200 || !etag) throw new Error(`feed ${feeds.length + 1} answered ${res.status}`);
    feeds.push({ path, etag });
  }
  for (const [name, path] of [["the busiest site's feed", setup.siteFeed.path], ["the cohort's feed", setup.cohortFeed]]) {
    const res = await fetch(`${setup.base}${path}`);
    const bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) throw new Error(`${name} answered ${res.status}`);
    console.log(`bench:http: ${name}: ${(bytes / 1024).toFixed(0)} KiB`);
  }
  return {
    base: setup.base,
    cookies,
    feeds,
    siteFeed: setup.siteFeed.path,
    cohortFeed: setup.cohortFeed,
    publishedId: setup.publishedId,
    cohortId: setup.cohortId,
    freeDrafts: [...setup.drafts],
    editing: new Set(),
    assignmentJson: setup.assignments.map(({ doctor, block, site, from, to }) => JSON.stringify({ doctor, block, site, from, to })),
  };
}

async function currentVersion(load: Load, draft: Draft): Promise<void> {
  const res = await fetch(`${load.base}/api/plans/${draft.id}`, { headers: { cookie: load.cookies[0]! } });
  draft.version = ((await res.json()) as { version: number }).version;
}

/** After a round (the server idle): edits cut off by its end may or may not have been stored. */
async function recoverDrafts(load: Load): Promise<void> {
  for (const draft of load.editing) {
    await currentVersion(load, draft);
    load.freeDrafts.push(draft);
  }
  load.editing.clear();
}

function emptyByKind<T>(make: () => T): Record<Kind, T> {
  return Object.fromEntries(Object.keys(KINDS).map((k) => [k, make()])) as Record<Kind, T>;
}

async function runRound(load: Load, random: () => number, weights: Weights): Promise<RoundStats> {
  const latencies = emptyByKind<number[]>(() => []);
  const statuses = emptyByKind(() => new Map<number, number>());
  const weighted = (Object.entries(weights) as [Kind, number][]).filter(([, weight]) => weight > 0);
  const totalWeight = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const pickKind = (): Kind => {
    let r = random() * totalWeight;
    for (const [kind, weight] of weighted) {
      if ((r -= weight) < 0) return kind;
    }
    return weighted[0]![0];
  };
  const get = (request: LoadRequest, path: string, headers: Record<string, string>): LoadRequest => ({ ...request, method: 'GET', path, headers, body: '' });

  const request: LoadRequest = {
    // Called just before the request is written; autocannon keeps `context` until its answer.
    setupRequest(base, context) {
      let kind = pickKind();
      const draft = kind === 'edit' ? load.freeDrafts.pop() : undefined;
      if (kind === 'edit' && !draft) kind = 'plan'; // never with a draft per connection
      context.kind = kind;
      context.started = performance.now();
      const cookie = pick(load.cookies);
      switch (kind) {
        case 'feed':
          return get(base, pick(load.feeds).path, {});
        case 'feed-304': {
          const feed = pick(load.feeds);
          return get(base, feed.path, { 'if-none-match': feed.etag });
        }
        case 'site-feed':
          return get(base, load.siteFeed, {});
        case 'cohort-feed':
          return get(base, load.cohortFeed, {});
        case 'plan':
          return get(base, `/api/plans/${load.publishedId}`, { cookie });
        case 'problem':
          return get(base, `/api/cohorts/${load.cohortId}/problem`, { cookie });
        case 'edit': {
          context.draft = draft;
          load.editing.add(draft!);
          // Each edit leaves out a different assignment of the published plan.
          const left = Math.floor(random() * load.assignmentJson.length);
          const assignments = load.assignmentJson.filter((_, i) => i !== left).join(',');
          return { ...base, method: 'PUT', path: `/api/plans/${draft!.id}/assignments`, headers: { cookie, 'content-type': 'application/json' }, body: `{"version":${draft!.version},"assignments":[${assignments}]}` };
        }
      }
    },
    onResponse(status, _body, context) {
      const kind = context.kind as Kind;
      latencies[kind].push(performance.now() - (context.started as number));
      statuses[kind].set(status, (statuses[kind].get(status) ?? 0) + 1);
      if (kind !== 'edit') return;
      const draft = context.draft as Draft;
      load.editing.delete(draft);
      if (status === 200) {
        draft.version++;
        load.freeDrafts.push(draft);
      } else {
        // Someone else's version: read the current one before the draft is edited again.
        void currentVersion(load, draft).finally(() => load.freeDrafts.push(draft));
      }
    },
  };
  const result = await autocannon({ url: load.base, connections, duration, timeout, requests: [request] });
  return { seconds: result.duration, total: result.requests.total, errors: result.errors, timeouts: result.timeouts, latencies, statuses };
}

// ---- the report -----------------------------------------------------------------------------

function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : NaN;
}

const ms = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Verdict {
  unexpected: Map<string, number>;
  serverErrors: number;
}

function judge(stats: RoundStats): Verdict {
  const unexpected = new Map<string, number>();
  let serverErrors = 0;
  for (const kind of Object.keys(KINDS) as Kind[]) {
    for (const [status, count] of stats.statuses[kind]) {
      if (status >= 500) serverErrors += count;
      if (!(KINDS[kind].expected as readonly number[]).includes(status)) unexpected.set(`${kind} ${status}`, (unexpected.get(`${kind} ${status}`) ?? 0) + count);
    }
  }
  return { unexpected, serverErrors };
}

function merge(rounds: RoundStats[]): RoundStats {
  const all: RoundStats = { seconds: 0, total: 0, errors: 0, timeouts: 0, latencies: emptyByKind(() => []), statuses: emptyByKind(() => new Map()) };
  for (const r of rounds) {
    all.seconds += r.seconds;
    all.total += r.total;
    all.errors += r.errors;
    all.timeouts += r.timeouts;
    for (const kind of Object.keys(KINDS) as Kind[]) {
      for (const l of r.latencies[kind]) all.latencies[kind].push(l);
      for (const [s, c] of r.statuses[kind]) all.statuses[kind].set(s, (all.statuses[kind].get(s) ?? 0) + c);
    }
  }
  return all;
}

function printRound(stats: RoundStats): void {
  const rows: string[][] = [['kind', 'requests', 'share', 'p50 ms', 'p99 ms', 'answers']];
  const everything: number[] = [];
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const sorted = [...stats.latencies[kind]].sort((a, b) => a - b);
    if (sorted.length === 0) continue;
    sorted.forEach((l) => everything.push(l));
    const answers = [...stats.statuses[kind]].sort(([a], [b]) => a - b).map(([s, c]) => `${s}×${c}`).join(' ');
    rows.push([KINDS[kind].label, String(sorted.length), `${((100 * sorted.length) / Math.max(1, stats.total)).toFixed(0)} %`, ms(percentile(sorted, 0.5)), ms(percentile(sorted, 0.99)), answers]);
  }
  everything.sort((a, b) => a - b);
  rows.push(['all', String(everything.length), '100 %', ms(percentile(everything, 0.5)), ms(percentile(everything, 0.99)), '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 || i === 5 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
  const verdict = judge(stats);
  const byStatus = new Map<number, number>();
  for (const kind of Object.keys(KINDS) as Kind[]) for (const [s, c] of stats.statuses[kind]) if (s >= 400) byStatus.set(s, (byStatus.get(s) ?? 0) + c);
  console.log(`total requests: ${stats.total} in ${stats.seconds.toFixed(1)} s, throughput ${(stats.total / stats.seconds).toFixed(1)} req/s`);
  const conflicts = stats.statuses.edit.get(409) ?? 0;
  console.log(
    `non-2xx/3xx by status: ${byStatus.size ? [...byStatus].sort(([a], [b]) => a - b).map(([s, c]) => `${s}: ${c}`).join(', ') : 'none'}` +
      (conflicts ? ` (409 on edits: ${conflicts}, expected optimistic-lock conflicts)` : ''),
  );
  console.log(
    `errors: socket ${stats.errors - stats.timeouts}, timeouts ${stats.timeouts}, 5xx ${verdict.serverErrors}` +
      (verdict.unexpected.size ? `, unexpected answers: ${[...verdict.unexpected].map(([k, c]) => `${k}×${c}`).join(', ')}` : ''),
  );
}

function failed(stats: RoundStats): boolean {
  const verdict = judge(stats);
  return stats.errors > 0 || stats.timeouts > 0 || verdict.serverErrors > 0 || [...verdict.unexpected.keys()].some((k) => !k.endsWith(' 409'));
}

// ---- the baseline ---------------------------------------------------------------------------

/** What the machine allows: a bare Node `http` server in a child of its own, answering a fixed 304 to every request. */
const BASELINE_SERVER = `
const server = require('node:http').createServer((req, res) => { res.writeHead(304, { etag: '"baseline"' }); res.end(); });
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();`;

interface Figures {
  throughput: number;
  p50: number;
  p99: number;
}

async function runBaseline(): Promise<Figures> {
  const child = spawn(process.execPath, ['-e', BASELINE_SERVER], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the baseline server stopped (exit ${code})`)));
      child.stdout!.once('data', (data: Buffer) => resolve(Number(String(data).trim())));
    });
    const result = await autocannon({ url: `http://127.0.0.1:${port}/cal/baseline.ics`, connections, duration, timeout, headers: { 'if-none-match': '"baseline"' } });
    return { throughput: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99 };
  } finally {
    child.stdin!.end();
    child.kill();
  }
}

function figuresOf(stats: RoundStats): Figures {
  const all = Object.values(stats.latencies).flat().sort((a, b) => a - b);
  return { throughput: stats.total / stats.seconds, p50: percentile(all, 0.5), p99: percentile(all, 0.99) };
}

// ---- main -----------------------------------------------------------------------------------

const summary: string[] = [];
let baseline: Figures | undefined;
if (scenarios.includes('baseline')) {
  console.log(`bench:http: baseline, a bare Node http server answering a fixed 304, ${connections} connections, ${duration} s…`);
  baseline = await runBaseline();
  const line = `baseline (bare Node 304): ${baseline.throughput.toFixed(0)} req/s, p50 ${ms(baseline.p50)} ms, p99 ${ms(baseline.p99)} ms`;
  console.log(line);
  summary.push(line);
}

console.log(`bench:http: starting the server (embedded PostgreSQL, 200 doctors, ${connections} drafts)…`);
const setupStarted = performance.now();
const { child, setup } = await startServer();
let exitCode = 0;
try {
  const load = await prepareLoad(setup);
  console.log(`bench:http: ready in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s; ${setup.base}, ${load.feeds.length} doctor feeds, the busiest site's (${setup.siteFeed.doctors} doctors), the cohort's; ${load.cookies.length} coordinators signed in`);
  if (!setup.gc) console.log('bench:http: the server has no global.gc (run without --expose-gc): memory is shown without a forced GC');
  const before = await memoryOf(child);
  console.log(`server memory before (after GC): rss ${mb(before.rss)}, heapUsed ${mb(before.heapUsed)}`);
  const random = seededRandom(1);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other processes count too)`);
  for (const name of scenarios.filter((n) => n !== 'baseline')) {
    const scenario = scenarioOf(name);
    const rounds = name === 'mix' && soak !== undefined ? Math.max(1, Math.ceil(soak / duration)) : 1;
    const share = (Object.entries(scenario.weights) as [Kind, number][]).filter(([, w]) => w > 0);
    const total = share.reduce((sum, [, w]) => sum + w, 0);
    console.log(`\n== ${scenario.label}: ${connections} connections, timeout ${timeout} s, ${rounds === 1 ? `${duration} s` : `${rounds} rounds of ${duration} s (soak ${soak} s)`}` + (share.length > 1 ? `, ${share.map(([k, w]) => `${Math.round((100 * w) / total)} % ${KINDS[k].label}`).join(', ')}` : ''));
    const results: RoundStats[] = [];
    const memory: Memory[] = [];
    for (let round = 1; round <= rounds; round++) {
      const stats = await runRound(load, random, scenario.weights);
      results.push(stats);
      const after = await memoryOf(child);
      memory.push(after);
      await recoverDrafts(load);
      if (rounds > 1) console.log(`\nround ${round}/${rounds}`);
      printRound(stats);
      console.log(`server memory after${rounds > 1 ? ` round ${round}` : ''} (after GC): rss ${mb(after.rss)}, heapUsed ${mb(after.heapUsed)}`);
      if (failed(stats)) exitCode = 1;
    }
    const all = merge(results);
    if (rounds > 1) {
      console.log(`\nsoak: all ${rounds} rounds`);
      printRound(all);
      console.log('round  rss        heapUsed (after GC)');
      memory.forEach((m, i) => console.log(`${String(i + 1).padStart(5)}  ${mb(m.rss).padStart(9)}  ${mb(m.heapUsed).padStart(9)}`));
      const first = memory[0]!;
      const last = memory.at(-1)!;
      const growth = (last.heapUsed - first.heapUsed) / first.heapUsed;
      console.log(`heap growth, round 1 → round ${rounds}: ${mb(last.heapUsed - first.heapUsed)} (${(100 * growth).toFixed(1)} %); rss ${mb(last.rss - first.rss)}`);
    }
    const figures = figuresOf(all);
    const ratio = name === 'feed-304' && baseline ? `, ${((100 * figures.throughput) / baseline.throughput).toFixed(1)} % of the baseline's throughput` : '';
    summary.push(`${scenario.label}: ${figures.throughput.toFixed(0)} req/s${ratio}, p50 ${ms(figures.p50)} ms, p99 ${ms(figures.p99)} ms`);
  }
  console.log('\nsummary');
  for (const line of summary) console.log(`  ${line}`);
  console.log(`machine load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (exitCode) console.log('\nbench:http FAILED: socket errors, timeouts, 5xx or unexpected answers (see above)');
} catch (err) {
  console.error(`bench:http: ${(err as Error).stack ?? err}`);
  exitCode = 1;
} finally {
  await stopServer(child);
}
process.exit(exitCode);
