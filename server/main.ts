// npm start: reads the configuration, opens the database (embedded PostgreSQL in DATA_DIR
// without DATABASE_URL) and migrates it, loads the demo regions on first start, serves API and
// client on one port and runs solver jobs (SOLVER_WORKERS at once; 0 leaves them to `npm run
// worker`); SIGINT/SIGTERM stop taking requests, let those in flight finish, put a running solver
// job back in the queue and close the database. Logs are JSON lines on stdout (server/log.ts).
import type { Server } from 'node:http';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { buildApp } from './app';
import { readConfig, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { loadDemoData } from './db/demo-data';
import { UserEntity } from './entities/user';
import { feedSecretOf } from './feeds/secret';
import { SolverQueue } from './jobs/solver-queue';
import { closeHttpServer, stopOnSignals } from './lifecycle';
import { createLogger, type Logger } from './log';
import { buildServices } from './services';

/** `npm start` builds the client here first. */
const CLIENT_DIR = resolve('dist/client');

async function main(config: Config, feedSecret: string, log: Logger): Promise<void> {
  const started = performance.now();
  log.info(config.DATABASE_URL ? 'BT-planeraren: using DATABASE_URL' : `BT-planeraren: starting the embedded PostgreSQL in ${config.DATA_DIR}`);
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  if (db.migrationsApplied) log.info(`BT-planeraren: ${db.migrationsApplied} migrations applied`);
  const production = config.NODE_ENV === 'production';
  const demo = config.DEMO_DATA ? config.DEMO_DATA === 'true' : !production;
  if (demo && (await loadDemoData(db.dataSource, { accounts: !production, feeds: !production }))) {
    log.info(`BT-planeraren: demo data loaded (Region Kronoberg, Region Västernorrland)${production ? '' : ' with demo accounts (see README)'}`);
  }
  if (!(await db.dataSource.getRepository(UserEntity).exists())) {
    await db.close();
    throw new Error('there is no account yet: create an admin with `npm run create-admin -- <email>` first');
  }

  const queues = solverQueues(db.dataSource, config, log);
  const app = buildApp({
    dataSource: db.dataSource,
    services: buildServices(db.dataSource, () => queues.forEach((q) => q.wake())),
    trustProxy: config.TRUST_PROXY,
    logger: log,
    feedSecret,
    demoFeeds: !production,
    ...(existsSync(CLIENT_DIR) ? { clientDir: CLIENT_DIR } : {}),
  });
  const server: Server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  for (const queue of queues) queue.start();
  log.info(
    { solverWorkers: config.SOLVER_WORKERS },
    `BT-planeraren listening on http://localhost:${config.PORT} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  stopOnSignals(log, async () => {
    // Both at once: requests finish while a running solver job goes back to the queue.
    const [closed] = await Promise.all([
      closeHttpServer(server, config.SHUTDOWN_TIMEOUT_SECONDS * 1000),
      Promise.all(queues.map((q) => q.stop())).catch((err: unknown) => log.warn({ err: { stack: (err as Error)?.stack } }, 'the solver queue did not stop cleanly')),
    ]);
    if (closed.forced) log.warn(`requests still in flight after ${config.SHUTDOWN_TIMEOUT_SECONDS} s were cut`);
    await db.close();
  });
}

/**
 * SOLVER_WORKERS queues that solve; with 0, one that only fails runs whose worker went silent,
 * so nothing stays "running" when every worker process is gone.
 */
function solverQueues(dataSource: Database['dataSource'], config: Config, log: Logger): SolverQueue[] {
  const queueLog = log.child({ component: 'solver-queue' });
  const options = { staleAfterSeconds: config.SOLVER_STALE_AFTER_SECONDS, log: (message: string, level: 'info' | 'warn' | 'error' = 'error') => queueLog[level](message) };
  if (config.SOLVER_WORKERS === 0) return [new SolverQueue(dataSource, { ...options, watchOnly: true })];
  return Array.from({ length: config.SOLVER_WORKERS }, (_, i) => new SolverQueue(dataSource, { ...options, ...(config.SOLVER_WORKERS > 1 ? { worker: `${hostname()}:${process.pid}/${i + 1}` } : {}) }));
}

let config: Config;
let feedSecret: string;
try {
  config = readConfig();
  feedSecret = feedSecretOf(config);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const log = createLogger({ level: config.LOG_LEVEL, base: { process: 'web' } });
main(config, feedSecret, log).catch((err: unknown) => {
  log.fatal({ err: { stack: (err as Error)?.stack } }, `BT-planeraren could not start: ${(err as Error).message}`);
  process.exit(1);
});
