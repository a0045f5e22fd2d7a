// Where the feed key comes from: FEED_SECRET when set (at least 32 characters); required with
// NODE_ENV=production; otherwise a random one kept in DATA_DIR/feed-secret (0600), made once.
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/config';
import { FEED_SECRET_FILE, feedSecretOf } from '../../../server/feeds/secret';

const SECRET = 'a-feed-secret-of-forty-characters-long!!';
const dataDir = async () => join(await mkdtemp(join(tmpdir(), 'bt-feed-secret-')), 'data');

describe('the feed secret', () => {
  it('is FEED_SECRET when set, and touches no file', async () => {
    const dir = await dataDir();
    expect(feedSecretOf({ FEED_SECRET: SECRET, NODE_ENV: 'production', DATA_DIR: dir })).toBe(SECRET);
    await expect(stat(dir)).rejects.toThrow(/ENOENT/);
  });

  it('is refused shorter than 32 characters', () => {
    expect(() => readConfig({ FEED_SECRET: 'too-short' })).toThrow(/FEED_SECRET: must be at least 32 characters/);
    expect(readConfig({ FEED_SECRET: SECRET }).FEED_SECRET).toBe(SECRET);
  });

  it('is required with NODE_ENV=production, saying how to make one', async () => {
    expect(() => feedSecretOf({ NODE_ENV: 'production', DATA_DIR: 'unused' })).toThrow(/^FEED_SECRET: required with NODE_ENV=production .*openssl rand/);
  });

  it('otherwise is made once in DATA_DIR/feed-secret, readable by the owner only, and kept', async () => {
    const dir = await dataDir();
    const first = feedSecretOf({ DATA_DIR: dir });
    // 32 random bytes in base64url.
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = join(dir, FEED_SECRET_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(feedSecretOf({ DATA_DIR: dir })).toBe(first);
    expect((await readFile(file, 'utf8')).trim()).toBe(first);
  });

  it('refuses a kept file that is too short to be a key', async () => {
    const dir = await dataDir();
    feedSecretOf({ DATA_DIR: dir });
    await writeFile(join(dir, FEED_SECRET_FILE), 'short\n');
    expect(() => feedSecretOf({ DATA_DIR: dir })).toThrow(/at least 32 characters expected; delete the file/);
  });
});
