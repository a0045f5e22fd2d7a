// npm start: reads the configuration, opens the database (embedded PostgreSQL in DATA_DIR
// without DATABASE_URL) and migrates it, loads the demo regions on first start, serves API and
// client on one port and runs solver jobs; SIGINT/SIGTERM stop HTTP, jobs and the database.
import type { Server } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from './app';
import { readConfig, type Config } from './config';
import { openDatabase } from './db/database';
import { loadDemoData } from './db/demo-data';
import { UserEntity } from './entities/user';
import { SolverQueue } from './jobs/solver-queue';
import { buildServices } from './services';

/** `npm start` builds the client here first. */
const CLIENT_DIR = resolve('dist/client');

async function main(config: Config): Promise<void> {
  const started = performance.now();
  console.log(config.DATABASE_URL ? 'BT-planeraren: using DATABASE_URL' : `BT-planeraren: starting the embedded PostgreSQL in ${config.DATA_DIR}`);
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  if (db.migrationsApplied) console.log(`BT-planeraren: ${db.migrationsApplied} migrations applied`);
  const production = config.NODE_ENV === 'production';
  const demo = config.DEMO_DATA ? config.DEMO_DATA === 'true' : !production;
  if (demo && (await loadDemoData(db.dataSource, { accounts: !production }))) {
    console.log(`BT-planeraren: demo data loaded (Region Kronoberg, Region Västernorrland)${production ? '' : ' with demo accounts (see README)'}`);
  }
  if (!(await db.dataSource.getRepository(UserEntity).exists())) {
    await db.close();
    throw new Error('there is no account yet: create an admin with `npm run create-admin -- <email>` first');
  }

  const queue = new SolverQueue(db.dataSource, { log: (m) => console.error(m) });
  const app = buildApp({ dataSource: db.dataSource, services: buildServices(db.dataSource, () => queue.wake()), trustProxy: config.TRUST_PROXY, ...(existsSync(CLIENT_DIR) ? { clientDir: CLIENT_DIR } : {}) });
  const server: Server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  queue.start();
  console.log(`BT-planeraren listening on http://localhost:${config.PORT} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`BT-planeraren: ${signal}, stopping`);
      server.close();
      server.closeIdleConnections();
      void queue
        .stop()
        .then(() => db.close())
        .then(
          () => process.exit(0),
          (err: unknown) => {
            console.error(`BT-planeraren: stopping failed: ${(err as Error).message}`);
            process.exit(1);
          },
        );
    });
  }
}

let config: Config;
try {
  config = readConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
main(config).catch((err: unknown) => {
  console.error(`BT-planeraren could not start: ${(err as Error).message}`);
  process.exit(1);
});
