// npm run worker: a solver worker process without HTTP. It opens the web servers' database
// (DATABASE_URL), migrates it like a server would, and works the PostgreSQL job queue
// (SOLVER_WORKERS runs at once, at least 1), so any number of web servers and workers share one
// queue. SIGTERM/SIGINT put a running job back in the queue for another worker, then exit 0.
import { hostname } from 'node:os';
import { readConfig, type Config } from './config';
import { openDatabase } from './db/database';
import { SolverQueue } from './jobs/solver-queue';
import { stopOnSignals } from './lifecycle';
import { createLogger, type Logger } from './log';

async function main(config: Config & { DATABASE_URL: string }, log: Logger): Promise<void> {
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  if (db.migrationsApplied) log.info(`solver worker: ${db.migrationsApplied} migrations applied`);
  const count = Math.max(1, config.SOLVER_WORKERS);
  const queues = Array.from(
    { length: count },
    (_, i) =>
      new SolverQueue(db.dataSource, {
        staleAfterSeconds: config.SOLVER_STALE_AFTER_SECONDS,
        log: (message, level = 'error') => log[level](message),
        ...(count > 1 ? { worker: `${hostname()}:${process.pid}/${i + 1}` } : {}),
      }),
  );
  for (const queue of queues) queue.start();
  log.info({ solverWorkers: count }, `solver worker ${hostname()}:${process.pid} ready`);
  stopOnSignals(log, async () => {
    await Promise.all(queues.map((q) => q.stop()));
    await db.close();
  });
}

let config: Config;
try {
  config = readConfig();
  if (!config.DATABASE_URL) throw new Error('Invalid configuration:\nDATABASE_URL: npm run worker needs the database the web servers use');
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const log = createLogger({ level: config.LOG_LEVEL, base: { process: 'solver-worker' } });
main({ ...config, DATABASE_URL: config.DATABASE_URL }, log).catch((err: unknown) => {
  log.fatal({ err: { stack: (err as Error)?.stack } }, `solver worker could not start: ${(err as Error).message}`);
  process.exit(1);
});
