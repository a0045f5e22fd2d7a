// The placeholder server over real HTTP: health, the start page, problem+json for unknown routes.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';

let server: Server;
let base: string;

beforeAll(async () => {
  server = buildApp().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('server', () => {
  it('answers the health check', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves a Swedish start page listing both presets as valid', async () => {
    const res = await fetch(`${base}/`);
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<td>Kronoberg BT 2026</td><td>8</td>');
    expect(html).toContain('<td>Västernorrland VT 2026</td><td>8</td>');
    expect(html.match(/<td>giltig<\/td>/g)).toHaveLength(2);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await fetch(`${base}/api/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toEqual({ type: 'about:blank', title: 'Not Found', status: 404 });
  });
});
