// `npm start` as a user runs it: a real process with the embedded PostgreSQL in a fresh data
// directory answers with both demo regions and README's demo feed; a second start keeps the data without duplicates;
// SIGTERM stops it cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_FEEDS, demoFeedPath } from '../../server/db/demo-data';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function start(dataDir: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' } });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  for (let i = 0; i < 600 && !output.includes('listening on'); i++) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, output: () => output };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

/** The demo feed URL README prints (http://localhost:3000 + this): fixed by the demo data. */
const README_DEMO_FEED = '/cal/3jD-7QAAQACAAAAAAAAAAUnoJkzeGi5cCfOl7fN0B9g.ics';

describe('npm start', () => {
  it('prints the demo doctor feed README shows', async () => {
    expect(demoFeedPath(DEMO_FEEDS[0].id)).toBe(README_DEMO_FEED);
    expect(await readFile('README.md', 'utf8')).toContain(`http://localhost:3000${README_DEMO_FEED}`);
  });

  it('serves the demo regions from an embedded PostgreSQL, keeps them across restarts, stops on SIGTERM', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'bt-start-')), 'data');
    const port = await freePort();
    // The demo admin signs in; its session cookie reads the regions.
    const regions = async () => {
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@bt-demo.se', password: 'demo-admin-2026' }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const res = await fetch(`http://127.0.0.1:${port}/api/regions`, { headers: { cookie } });
      return ((await res.json()) as { name: string }[]).map((r) => r.name);
    };

    const first = await start(dataDir, port);
    expect(first.output()).toContain('demo data loaded');
    expect(await regions()).toEqual(['Region Kronoberg', 'Region Västernorrland']);
    // README's demo feed (the demo doctor's published year) answers at once; the install's own key is kept beside the database.
    const demoFeed = await fetch(`http://127.0.0.1:${port}${README_DEMO_FEED}`);
    expect(demoFeed.status).toBe(200);
    expect(demoFeed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    // The Kronoberg demo doctor's year: 13 events (as tests/server/feeds/feeds.test.ts counts them).
    expect((await demoFeed.text()).match(/BEGIN:VEVENT/g)).toHaveLength(13);
    expect((await stat(join(dataDir, 'feed-secret'))).mode & 0o777).toBe(0o600);
    expect((await fetch(`http://127.0.0.1:${port}/api/ready`)).status).toBe(200);
    expect(await stop(first.child)).toBe(0);

    const second = await start(dataDir, port);
    expect(second.output()).not.toContain('demo data loaded');
    expect(await regions()).toEqual(['Region Kronoberg', 'Region Västernorrland']);
    expect(await stop(second.child)).toBe(0);
  }, 120_000);

  it('refuses a data directory of another PostgreSQL major version, saying what to do', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'bt-old-pg-'));
    await mkdir(join(dataDir, 'pg'));
    await writeFile(join(dataDir, 'pg', 'PG_VERSION'), '18\n');
    const { DATABASE_URL: _url, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...env, DATA_DIR: dataDir } });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain(`${join(dataDir, 'pg')} holds a PostgreSQL 18 database; this version embeds PostgreSQL 15.`);
  });

  it('refuses a bad configuration with a clear message and exit code 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, PORT: 'abc', DATABASE_URL: 'mysql://x' } });
    let output = '';
    child.stderr!.on('data', (d) => (output += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(output).toContain('Invalid configuration:');
    expect(output).toContain('PORT: ');
    expect(output).toContain('DATABASE_URL: must be a postgres:// URL');
  });

  it('refuses NODE_ENV=production without FEED_SECRET, saying what to set, with exit code 2', async () => {
    const { FEED_SECRET: _secret, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...env, NODE_ENV: 'production' } });
    let output = '';
    child.stderr!.on('data', (d) => (output += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(output).toContain('FEED_SECRET: required with NODE_ENV=production');
  });
});
