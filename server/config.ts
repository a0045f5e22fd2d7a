// The server's configuration, read once from the environment and checked.
import { z } from 'zod';
import { LOG_LEVELS } from './log';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** PostgreSQL to use; without it an embedded one runs with its data in DATA_DIR. */
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional()),
  DATA_DIR: z.string().min(1).default('.data'),
  /** The key calendar feed links derive from; required with NODE_ENV=production (else kept in DATA_DIR/feed-secret). */
  FEED_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32, { error: 'must be at least 32 characters' }).optional()),
  /** Load the demo regions into an empty database (default: yes unless NODE_ENV=production). */
  DEMO_DATA: z.enum(['true', 'false']).optional(),
  NODE_ENV: z.string().optional(),
  /** Behind a TLS-terminating proxy: Express's "trust proxy" (e.g. 1, loopback), so cookies get Secure. */
  TRUST_PROXY: z.string().min(1).optional(),
  /** JSON log lines on stdout from this level up; 'silent' for none. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Solver runs this process works on at once; 0 leaves them to `npm run worker` processes. */
  SOLVER_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  /** A running solver run without a heartbeat for this long is failed (its worker is gone), s. */
  SOLVER_STALE_AFTER_SECONDS: z.coerce.number().min(1).max(3600).default(60),
  /** On SIGTERM/SIGINT, requests in flight get this long to finish before they are cut, s. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).max(600).default(10),
});

export type Config = z.infer<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
