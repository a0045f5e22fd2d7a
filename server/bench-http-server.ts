// The server under load in `npm run bench:http`, a child process of server/bench-http.ts started
// with --expose-gc: its own embedded PostgreSQL with a 200-doctor cohort and its published plan,
// one draft per load connection (so edits never clash), coordinator accounts, a calendar feed
// per doctor, the busiest site's and the cohort's, served by buildApp on 127.0.0.1:0. It answers the driver over IPC: "ready" with what
// the load needs, "memory" with process.memoryUsage() after a forced GC, "stop" to shut down.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Assignment } from '../shared/format/plan';
import { buildApp } from './app';
import { createUserIn } from './auth/service';
import { openDatabase } from './db/database';
import { DoctorEntity } from './entities/doctor';
import { RegionEntity } from './entities/region';
import { FeedService } from './feeds/service';
import { createLogger } from './log';
import { importProblem } from './services/cohorts';
import { PlanService } from './services/plans';
import { generateInstance, type Instance } from './solver/bench/generate';
import { planErrors } from '../shared/domain/validate-plan';

const DOCTORS = 200;
const COORDINATORS = 5;
const PASSWORD = 'bench-password-123';

export interface BenchSetup {
  base: string;
  cohortId: string;
  publishedId: string;
  drafts: { id: string; version: number }[];
  coordinators: { email: string; password: string }[];
  /** /cal/<token>.ics of every doctor. */
  feeds: string[];
  /** The feed of the site with the most doctors, and how many it has. */
  siteFeed: { path: string; doctors: number };
  /** The cohort's feed (every doctor). */
  cohortFeed: string;
  /** The published plan's assignments, which each edit sends less one. */
  assignments: Assignment[];
  gc: boolean;
}

export type ToServer = { type: 'memory' } | { type: 'stop' };
export type FromServer = { type: 'ready'; setup: BenchSetup } | { type: 'memory'; memory: NodeJS.MemoryUsage; gc: boolean };

const { values } = parseArgs({ options: { drafts: { type: 'string', default: '50' } } });
const drafts = Number(values.drafts);
const dataDir = await mkdtemp(join(tmpdir(), 'bt-bench-http-'));
const db = await openDatabase({ dataDir });
const send = (message: FromServer) => process.send?.(message);

let server: Server | undefined;
/** The connection pool of TypeORM's postgres driver (pg.Pool). */
const pool = () => (db.dataSource.driver as unknown as { master: { totalCount: number; idleCount: number; waitingCount: number } }).master;

/**
 * Until no request is at work: requests the load generator gave up on at the end of a round still
 * run their queries. Every handler waits on the database between its steps, so a pool with no
 * connection in use and nobody waiting, three checks in a row, means nothing is in flight.
 */
async function idle(limitMs = 60_000): Promise<void> {
  const until = Date.now() + limitMs;
  for (let quiet = 0; quiet < 3 && Date.now() < until; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { totalCount, idleCount, waitingCount } = pool();
    quiet = waitingCount === 0 && idleCount === totalCount ? quiet + 1 : 0;
  }
}

let stopping: Promise<void> | undefined;
function stop(): Promise<void> {
  stopping ??= (async () => {
    server?.close();
    server?.closeAllConnections();
    await idle(10_000);
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  })();
  return stopping;
}
// The driver gone (finished, crashed or interrupted): never leave PostgreSQL running.
process.on('disconnect', () => void stop().then(() => process.exit(0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));

try {
  const { problem, planted } = withOneSiteFor(generateInstance({ name: 'bench-200', region: 'mixed', doctors: DOCTORS, seed: 1 }), 'psychiatry');
  const plans = new PlanService(db.dataSource);
  // The app below must derive feed links from the same key as this service.
  const feedSecret = randomBytes(32).toString('base64url');
  const feeds = new FeedService(db.dataSource, { secret: feedSecret, demoFeeds: false });
  const seeded = await db.dataSource.transaction(async (em) => {
    const region = await em.getRepository(RegionEntity).save({ name: 'Region Bench' });
    const cohort = await importProblem(em, region.id, 'Bench 200', problem, 'bench');
    const published = await plans.draftIn(em, cohort.uuid, planted.assignments, 'bench');
    await plans.publishIn(em, published.uuid, published.version, 'bench');
    const draftRows = [];
    for (let i = 0; i < drafts; i++) draftRows.push(await plans.draftIn(em, cohort.uuid, planted.assignments, 'bench'));
    const coordinators = [];
    for (let i = 0; i < COORDINATORS; i++) {
      const email = `coordinator${i + 1}@bench.example`;
      await createUserIn(em, { email, password: PASSWORD, role: 'coordinator', regions: [region.id], sites: [] }, 'bench');
      coordinators.push({ email, password: PASSWORD });
    }
    const doctors = await em.getRepository(DoctorEntity).find({ where: { cohortId: cohort.uuid }, select: { id: true } });
    return { regionId: region.id, cohortId: cohort.uuid, publishedId: published.uuid, drafts: draftRows.map((d) => ({ id: d.uuid, version: d.version })), coordinators, doctorIds: doctors.map((d) => d.id) };
  });
  const feedPaths: string[] = [];
  for (const doctorId of seeded.doctorIds) feedPaths.push((await feeds.ensure('doctor', doctorId, 'bench', seeded.regionId)).feed.path);
  const [busiest] = await db.dataSource.query(
    `SELECT a.site_id, count(DISTINCT a.doctor_id)::int AS doctors FROM assignments a WHERE a.plan_id = $1 AND a.site_id IS NOT NULL GROUP BY a.site_id ORDER BY doctors DESC, a.site_id LIMIT 1`,
    [seeded.publishedId],
  );
  const siteFeed = { path: (await feeds.ensure('site', busiest.site_id, 'bench', seeded.regionId)).feed.path, doctors: busiest.doctors as number };
  const cohortFeed = (await feeds.ensure('cohort', seeded.cohortId, 'bench', seeded.regionId)).feed.path;

  // Only failures in the log: an access line per request would be load of its own.
  server = buildApp({ dataSource: db.dataSource, loginsPerMinute: 10_000, feedSecret, logger: createLogger({ level: 'error' }) }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  send({
    type: 'ready',
    setup: {
      base: `http://127.0.0.1:${port}`,
      cohortId: seeded.cohortId,
      publishedId: seeded.publishedId,
      drafts: seeded.drafts,
      coordinators: seeded.coordinators,
      feeds: feedPaths,
      siteFeed,
      cohortFeed,
      assignments: planted.assignments,
      gc: typeof global.gc === 'function',
    },
  });
} catch (err) {
  console.error(`bench server: ${(err as Error).stack ?? err}`);
  await stop();
  process.exit(1);
}

/**
 * Every doctor's block of `kind` at one new site with room for all of them: a site feed of 200
 * doctors (a big clinic's calendar), on top of the instance's own sites.
 */
function withOneSiteFor({ problem, planted }: Instance, kind: string): Pick<Instance, 'problem' | 'planted'> {
  const blocks = new Set(problem.blocks.filter((b) => b.kind === kind).map((b) => b.id));
  const site = { ...problem.sites.find((s) => s.kinds.includes(kind))!, id: 'bench-all', name: 'Bench – alla läkare', capacity: problem.doctors.length, overrides: [] };
  const doctors = problem.doctors.map((d) => ({
    ...d,
    allowedSites: d.allowedSites && Object.fromEntries(Object.entries(d.allowedSites).filter(([block]) => !blocks.has(block))),
    pins: d.pins.filter((p) => !blocks.has(p.block)),
  }));
  const assignments = planted.assignments.map((a) => (blocks.has(a.block) ? { ...a, site: site.id } : a));
  const moved = { problem: { ...problem, sites: [...problem.sites, site], doctors }, planted: { ...planted, assignments } };
  const errors = planErrors(moved.problem, moved.planted);
  if (errors.length) throw new Error(`the bench's one-site plan is not valid: ${errors[0]!.message_en}`);
  return moved;
}

process.on('message', (message: ToServer) => {
  if (message.type === 'memory') void measure();
  else if (message.type === 'stop') void stop().then(() => process.exit(0));
});

async function measure(): Promise<void> {
  await idle();
  // Twice: the first pass may only queue finalizers whose memory the second one frees.
  global.gc?.();
  global.gc?.();
  send({ type: 'memory', memory: process.memoryUsage(), gc: typeof global.gc === 'function' });
}
