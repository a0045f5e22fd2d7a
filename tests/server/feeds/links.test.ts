// Feed links that stay: the same link on every visit until renewed; a renewal or a new key ends
// the earlier URL at once; nothing in the database makes a working URL; a tampered token is 404;
// links from before derived tokens keep working until renewed; the demo links (public key) work
// in development and never in production.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { tokenHash } from '../../../server/auth/tokens';
import { DEMO_FEEDS, demoFeedPath, loadDemoData } from '../../../server/db/demo-data';
import { createLogger } from '../../../server/log';
import { startApi, ok, type Client, type TestApi } from '../../support/api';

let api: TestApi;
let coordinator: Client;
let region: string;
let cohortId: string;

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  coordinator = await api.signIn('koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026');
  region = (await ok(coordinator.request('GET', '/api/auth/me'))).regions[0];
  cohortId = (await ok(coordinator.request('GET', `/api/regions/${region}/cohorts`)))[0].uuid;
});
afterAll(() => api.close());

const status = async (base: string, url: string) => (await fetch(url.replace(/^https?:\/\/[^/]+/, base))).status;

/** Another app on the same database, as after a restart with other settings. */
async function otherServer(options: { feedSecret?: string; demoFeeds?: boolean }): Promise<{ base: string; close: () => Promise<void> }> {
  const server: Server = buildApp({ dataSource: api.dataSource, logger: createLogger({ level: 'silent' }), ...options }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function aSite(): Promise<string> {
  const sites = await ok(coordinator.request('GET', `/api/regions/${region}/sites`));
  const demo = await api.dataSource.query(`SELECT target_id FROM feed_tokens WHERE scope = 'site'`);
  return sites.find((s: { uuid: string }) => !demo.some((d: { target_id: string }) => d.target_id === s.uuid)).uuid;
}

describe('a feed link', () => {
  it('is 404 before there is one; POST makes the first (201), then every GET and POST shows the same', async () => {
    const site = await aSite();
    const none = await coordinator.request('GET', `/api/sites/${site}/feed`);
    expect(none.status).toBe(404);
    expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const first = await ok(coordinator.request('POST', `/api/sites/${site}/feed`), 201);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cal\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(first.webcal).toBe(first.url.replace(/^http:/, 'webcal:'));
    expect(await ok(coordinator.request('GET', `/api/sites/${site}/feed`))).toEqual(first);
    expect(await ok(coordinator.request('POST', `/api/sites/${site}/feed`), 200)).toEqual(first);
    expect(await status(api.base, first.url)).toBe(200);
  });

  it('is one link when two tabs ensure it at once', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => coordinator.request('POST', `/api/cohorts/${cohortId}/feed`)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.url)).size).toBe(1);
  });

  it('renewed: a new URL for the same feed, the old one 404 at once, audited', async () => {
    const before = await ok(coordinator.request('POST', `/api/cohorts/${cohortId}/feed`), 200);
    const renewed = await ok(coordinator.request('POST', `/api/cohorts/${cohortId}/feed/renew`), 201);
    expect(renewed.uuid).toBe(before.uuid);
    expect(renewed.url).not.toBe(before.url);
    expect(await status(api.base, before.url)).toBe(404);
    expect(await status(api.base, renewed.url)).toBe(200);
    expect(await ok(coordinator.request('GET', `/api/cohorts/${cohortId}/feed`))).toEqual(renewed);
    const [entry] = await api.dataSource.query(`SELECT action, entity, before, after FROM audit_log WHERE entity_id = $1 AND action = 'update' ORDER BY at DESC LIMIT 1`, [renewed.uuid]);
    expect(entry).toMatchObject({ action: 'update', entity: 'feed-cohort', before: { generation: 1 }, after: { generation: 2 } });
  });

  it('revoked: 404, and the next ensure makes a new feed', async () => {
    const site = await aSite();
    const link = await ok(coordinator.request('POST', `/api/sites/${site}/feed`), 201);
    expect((await coordinator.request('DELETE', `/api/feeds/${link.uuid}`)).status).toBe(204);
    expect(await status(api.base, link.url)).toBe(404);
    expect((await coordinator.request('GET', `/api/sites/${site}/feed`)).status).toBe(404);
    const next = await ok(coordinator.request('POST', `/api/sites/${site}/feed`), 201);
    expect(next.uuid).not.toBe(link.uuid);
    expect(await status(api.base, next.url)).toBe(200);
  });
});

describe('a feed token', () => {
  it('is 404 with any character changed or added', async () => {
    const link = await ok(coordinator.request('POST', `/api/cohorts/${cohortId}/feed`));
    const token = /\/cal\/([A-Za-z0-9_-]{43})\.ics$/.exec(link.url)![1]!;
    for (const at of [0, 20, 30, 42]) {
      const changed = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
      expect(await status(api.base, `${api.base}/cal/${changed}.ics`), `character ${at}`).toBe(404);
    }
    // The last character's 2 unused bits: another spelling of the same bytes is no token either.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token[42]!);
    for (const spare of [1, 2, 3]) {
      const respelled = token.slice(0, 42) + alphabet[(last & ~3) | ((last + spare) & 3)];
      expect(Buffer.from(respelled, 'base64url').equals(Buffer.from(token, 'base64url'))).toBe(true);
      expect(await status(api.base, `${api.base}/cal/${respelled}.ics`), respelled).toBe(404);
    }
    expect(await status(api.base, `${api.base}/cal/${token}x.ics`)).toBe(404);
  });

  it('is nowhere in the database, and another key ends every link', async () => {
    const link = await ok(coordinator.request('POST', `/api/cohorts/${cohortId}/feed`));
    const token = /\/cal\/([A-Za-z0-9_-]{43})\.ics$/.exec(link.url)![1]!;
    const mac = Buffer.from(token, 'base64url').subarray(16);
    const rows = JSON.stringify(await api.dataSource.query('SELECT * FROM feed_tokens'));
    for (const secret of [token, tokenHash(token), mac.toString('hex'), mac.toString('base64url')]) expect(rows).not.toContain(secret);

    const rotated = await otherServer({ feedSecret: randomBytes(32).toString('base64url'), demoFeeds: true });
    try {
      expect(await status(rotated.base, link.url)).toBe(404);
      const answer = await fetch(`${rotated.base}/api/cohorts/${cohortId}/feed`, { headers: { cookie: `bt_session=${coordinator.cookie}` } });
      expect(answer.status).toBe(200);
      const shown = (await answer.json()) as { url: string };
      expect(shown.url.replace(/^https?:\/\/[^/]+/, '')).not.toBe(link.url.replace(/^https?:\/\/[^/]+/, ''));
      expect(await status(rotated.base, shown.url)).toBe(200);
    } finally {
      await rotated.close();
    }
  });

  it('from before derived tokens keeps working by its stored hash until the link is renewed', async () => {
    const site = await aSite();
    const legacy = randomBytes(32).toString('base64url');
    await api.dataSource.query(`INSERT INTO feed_tokens (token_hash, scope, target_id, created_by) VALUES ($1, 'site', $2, 'test')`, [tokenHash(legacy), site]);
    expect(await status(api.base, `${api.base}/cal/${legacy}.ics`)).toBe(200);
    // Ensuring gives a link that can be shown again, beside the old one.
    const shown = await ok(coordinator.request('POST', `/api/sites/${site}/feed`), 201);
    expect(await status(api.base, `${api.base}/cal/${legacy}.ics`)).toBe(200);
    const renewed = await ok(coordinator.request('POST', `/api/sites/${site}/feed/renew`), 201);
    expect(await status(api.base, `${api.base}/cal/${legacy}.ics`)).toBe(404);
    expect(await status(api.base, shown.url)).toBe(404);
    expect(await status(api.base, renewed.url)).toBe(200);
  });
});

describe('the demo links', () => {
  it('are the fixed URLs README prints: the demo doctor sees theirs, and it answers with the published plan', async () => {
    const doctor = await api.signIn('lakare.kronoberg@bt-demo.se', 'demo-lakare-2026');
    const doctorId = (await ok(doctor.request('GET', '/api/auth/me'))).doctor;
    const shown = await ok(doctor.request('GET', `/api/doctors/${doctorId}/feed`));
    const path = demoFeedPath(DEMO_FEEDS[0].id);
    expect(shown.url).toBe(`${api.base}${path}`);
    const res = await fetch(`${api.base}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    // The demo doctor's year: 6 placements, 4 assessments, BT-kollegium, the external assessment and the teaching series.
    expect((await res.text()).match(/BEGIN:VEVENT/g)!.length).toBe(13);
    for (const feed of DEMO_FEEDS) expect(await status(api.base, `${api.base}${demoFeedPath(feed.id)}`), `${feed.region} ${feed.scope}`).toBe(200);
  });

  it('answer 404 in production, where the doctor gets a real link instead', async () => {
    const production = await otherServer({ feedSecret: randomBytes(32).toString('base64url'), demoFeeds: false });
    try {
      const path = demoFeedPath(DEMO_FEEDS[2].id);
      expect(await status(api.base, `${api.base}${path}`)).toBe(200);
      expect(await status(production.base, `${production.base}${path}`)).toBe(404);
      const doctorId = (await api.dataSource.query('SELECT target_id FROM feed_tokens WHERE id = $1', [DEMO_FEEDS[2].id]))[0].target_id;
      const admin = { cookie: `bt_session=${api.cookie}` };
      expect((await fetch(`${production.base}/api/doctors/${doctorId}/feed`, { headers: admin })).status).toBe(404);
      const made = await fetch(`${production.base}/api/doctors/${doctorId}/feed`, { method: 'POST', headers: admin });
      expect(made.status).toBe(201);
      const link = (await made.json()) as { url: string };
      expect(await status(production.base, link.url)).toBe(200);
      expect(await status(production.base, `${production.base}${path}`)).toBe(404);
    } finally {
      await production.close();
    }
  });
});
