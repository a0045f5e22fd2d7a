// The server's configuration, read once from the environment and checked.
import { z } from 'zod';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** PostgreSQL to use; without it an embedded one runs with its data in DATA_DIR. */
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional()),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Load the demo regions into an empty database (default: yes unless NODE_ENV=production). */
  DEMO_DATA: z.enum(['true', 'false']).optional(),
  NODE_ENV: z.string().optional(),
  /** Behind a TLS-terminating proxy: Express's "trust proxy" (e.g. 1, loopback), so cookies get Secure. */
  TRUST_PROXY: z.string().min(1).optional(),
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
