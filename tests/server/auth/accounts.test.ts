// Accounts over HTTP: sign-in and lockout (the same for unknown emails), session expiry and
// sign-out, password change and admin-issued reset links, cross-site writes refused, and no
// password or session id in any log line or response.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { createLogger } from '../../../server/log';
import { ADMIN, startApi, type TestApi } from '../../support/api';

let api: TestApi;
beforeAll(async () => {
  // The server's JSON log lines land in `logged` too (the logger writes to fd 1, not through console).
  api = await startApi({ logger: createLogger({ level: 'trace', destination: { write: (line: string) => void logged.push(line) } }) });
  await loadDemoData(api.dataSource);
});
afterAll(() => api.close());

// Everything the process writes while a test runs.
let logged: string[] = [];
const originals = { log: console.log, error: console.error, warn: console.warn, info: console.info, out: process.stdout.write, err: process.stderr.write };
beforeEach(() => {
  logged = [];
  const keep = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  Object.assign(console, { log: keep, error: keep, warn: keep, info: keep });
  process.stdout.write = ((chunk: unknown) => (logged.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown) => (logged.push(String(chunk)), true)) as typeof process.stderr.write;
});
afterEach(() => {
  Object.assign(console, { log: originals.log, error: originals.error, warn: originals.warn, info: originals.info });
  process.stdout.write = originals.out;
  process.stderr.write = originals.err;
});

describe('signing in', () => {
  it('sets an HttpOnly SameSite=Lax session cookie and answers with the user, never the token or a hash', async () => {
    const client = await api.signIn('koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026');
    expect(client.answer.status).toBe(200);
    const cookie = client.answer.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^bt_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/);
    expect(client.answer.body).toMatchObject({ email: 'koordinator.kronoberg@bt-demo.se', role: 'coordinator', regions: [expect.any(String)] });
    const text = JSON.stringify(client.answer.body) + JSON.stringify((await api.request('GET', '/api/users')).body);
    expect(text).not.toContain(client.cookie!);
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain('demo-koordinator-2026');
    expect((await client.request('GET', '/api/auth/me')).body.email).toBe('koordinator.kronoberg@bt-demo.se');
    expect(logged.some((line) => line.includes('"route":"/api/auth/me"'))).toBe(true);
    expect(logged.join('\n')).not.toContain(client.cookie!);
  });

  it('locks an email after 5 failures in a row, known or unknown alike', async () => {
    for (const email of ['klinik.kronoberg@bt-demo.se', 'nobody@bt-demo.se']) {
      const answers: number[] = [];
      for (let i = 0; i < 5; i++) answers.push((await api.anonymous.request('POST', '/api/auth/login', { email, password: `wrong-${i}` })).status);
      expect(answers).toEqual([401, 401, 401, 401, 429]);
    }
    const right = await api.anonymous.request('POST', '/api/auth/login', { email: 'klinik.kronoberg@bt-demo.se', password: 'demo-klinik-2026' });
    expect(right).toMatchObject({ status: 429, body: { detail: 'too many failed sign-ins; try again later' } });
    // The same words for a wrong password and an unknown email.
    const wrong = await api.anonymous.request('POST', '/api/auth/login', { email: 'lakare.kronoberg@bt-demo.se', password: 'nope' });
    const unknown = await api.anonymous.request('POST', '/api/auth/login', { email: 'ingen@bt-demo.se', password: 'nope' });
    expect(wrong.body).toEqual(unknown.body);
    expect(logged.join('\n')).not.toMatch(/wrong-\d|demo-klinik-2026/);
  });

  it('ends at expiry and at sign-out', async () => {
    const client = await api.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
    expect((await client.request('GET', '/api/auth/me')).status).toBe(200);
    await api.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = $1)`, ['koordinator.vasternorrland@bt-demo.se']);
    expect((await client.request('GET', '/api/auth/me')).status).toBe(401);

    const again = await api.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
    expect((await again.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await again.request('GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('passwords', () => {
  it('change with the current one; other sessions end; the old one stops working', async () => {
    const account = { email: 'byte@bt-demo.se', password: 'first-password-1', role: 'admin' as const, regions: [], sites: [] };
    const first = await api.userClient(account);
    const second = await api.signIn(account.email, account.password);
    expect((await first.request('POST', '/api/auth/password', { current: 'not-it-at-all', password: 'second-password-2' })).status).toBe(403);
    expect((await first.request('POST', '/api/auth/password', { current: account.password, password: 'short' })).body.errors[0].path).toBe('password');
    expect((await first.request('POST', '/api/auth/password', { current: account.password, password: 'second-password-2' })).status).toBe(204);
    expect((await first.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await second.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await api.signIn(account.email, account.password)).answer.status).toBe(401);
    expect((await api.signIn(account.email, 'second-password-2')).answer.status).toBe(200);
    expect(logged.join('\n')).not.toMatch(/first-password-1|second-password-2/);
  });

  it('reset by a one-time link an admin issues', async () => {
    const users = (await api.request('GET', '/api/users')).body;
    const doctor = users.find((u: { email: string }) => u.email === 'lakare.vasternorrland@bt-demo.se');
    const issued = await api.request('POST', `/api/users/${doctor.uuid}/reset-link`, {});
    expect(issued.status).toBe(201);
    const token = /#(.+)$/.exec(issued.body.link)![1]!;
    expect((await api.anonymous.request('POST', '/api/auth/reset', { token, password: 'a-brand-new-password' })).status).toBe(204);
    expect((await api.anonymous.request('POST', '/api/auth/reset', { token, password: 'another-new-password' })).status).toBe(422);
    expect((await api.signIn('lakare.vasternorrland@bt-demo.se', 'a-brand-new-password')).answer.status).toBe(200);
    expect(logged.join('\n')).not.toContain(token);
  });
});

describe('cross-site writes', () => {
  it('are refused with a session cookie from another origin; the same origin passes', async () => {
    const evil = await api.request('POST', '/api/regions', { name: 'Region Ond' }, { origin: 'http://evil.example' });
    expect(evil).toMatchObject({ status: 403, body: { detail: 'cross-site request refused' } });
    const fetchMeta = await api.request('POST', '/api/regions', { name: 'Region Ond' }, { 'sec-fetch-site': 'cross-site' });
    expect(fetchMeta.status).toBe(403);
    const same = await api.request('POST', '/api/regions', { name: 'Region God' }, { origin: api.base });
    expect(same.status).toBe(201);
    expect((await api.request('GET', '/api/regions')).body.map((r: { name: string }) => r.name)).not.toContain('Region Ond');
  });

  it('are refused from the same host under another scheme (https to an http server)', async () => {
    expect(api.base.startsWith('http://')).toBe(true);
    const https = await api.request('POST', '/api/regions', { name: 'Region Ond' }, { origin: api.base.replace('http://', 'https://') });
    expect(https).toMatchObject({ status: 403, body: { detail: 'cross-site request refused' } });
  });
});

describe('answers with personal data', () => {
  it('are never stored by a cache: every API answer says no-store', async () => {
    const doctor = (await api.request('GET', '/api/users')).body.find((u: { role: string }) => u.role === 'doctor');
    for (const path of ['/api/auth/me', '/api/users', `/api/doctors/${doctor.doctor}`, `/api/doctors/${doctor.doctor}/schedule`]) {
      const answer = await api.request('GET', path);
      expect([path, answer.status, answer.headers.get('cache-control')]).toEqual([path, 200, 'no-store']);
    }
  });
});

describe('admin', () => {
  it('creates accounts with their scope, refusing inconsistent ones', async () => {
    const bad = await api.request('POST', '/api/users', { email: 'x@bt-demo.se', password: 'long-enough-pass', role: 'coordinator' });
    expect(bad.body.errors).toEqual([{ path: 'regions', message: 'a coordinator needs at least one region' }]);
    expect((await api.request('POST', '/api/users', { email: ADMIN.email, password: 'long-enough-pass', role: 'admin' })).status).toBe(409);
  });
});

describe('behind a TLS-terminating proxy', () => {
  it('marks the session cookie Secure when the proxy says https', async () => {
    const proxied = await startApi({ trustProxy: 'loopback' });
    try {
      const answer = await proxied.anonymous.request('POST', '/api/auth/login', ADMIN, { 'x-forwarded-proto': 'https' });
      expect(answer.headers.get('set-cookie')).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
      const plain = await proxied.anonymous.request('POST', '/api/auth/login', ADMIN);
      expect(plain.headers.get('set-cookie')).not.toContain('Secure');
    } finally {
      await proxied.close();
    }
  });
});
