// The key every feed link derives from (feeds/tokens.ts): FEED_SECRET, or — not in production —
// a random one the server keeps in DATA_DIR/feed-secret (mode 0600), made on the first start.
// A new key ends every feed link at once; that is how all of them are rotated.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';

export const FEED_SECRET_FILE = 'feed-secret';
export const MIN_FEED_SECRET_LENGTH = 32;

export function feedSecretOf(config: Pick<Config, 'FEED_SECRET' | 'NODE_ENV' | 'DATA_DIR'>): string {
  if (config.FEED_SECRET) return config.FEED_SECRET;
  if (config.NODE_ENV === 'production') {
    // A file beside the server would differ per instance behind a load balancer, and vanish with the container.
    throw new Error(`FEED_SECRET: required with NODE_ENV=production — at least ${MIN_FEED_SECRET_LENGTH} characters that every server shares (e.g. \`openssl rand -base64 48\`); calendar feed links derive from it`);
  }
  const file = join(config.DATA_DIR, FEED_SECRET_FILE);
  const kept = read(file);
  if (kept !== undefined) return kept;
  mkdirSync(config.DATA_DIR, { recursive: true });
  try {
    // 'wx': of two processes starting at once, one writes and the other reads what it wrote.
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return read(file)!;
}

function read(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (text.length < MIN_FEED_SECRET_LENGTH) throw new Error(`${file}: a feed secret of at least ${MIN_FEED_SECRET_LENGTH} characters expected; delete the file for a new one (every feed link changes)`);
  return text;
}
