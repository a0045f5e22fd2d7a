// The server over real HTTP on a real PostgreSQL: health, readiness, the start page,
// problem+json for unknown routes and bad JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

describe('server', () => {
  it('answers the health check and is ready once migrated', async () => {
    expect(await api.request('GET', '/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await api.request('GET', '/api/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('serves a Swedish start page listing both presets as valid', async () => {
    const res = await fetch(`${api.base}/`);
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<td>Kronoberg BT 2026</td><td>8</td>');
    expect(html).toContain('<td>Västernorrland VT 2026</td><td>8</td>');
    expect(html.match(/<td>giltig<\/td>/g)).toHaveLength(2);
  });

  it('sends security headers with a same-origin content security policy', async () => {
    const res = await fetch(`${api.base}/`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers an unknown route with 404 problem+json and a request id header', async () => {
    const res = await api.request('GET', '/api/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'no route GET /api/nope' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a body that is not JSON with 400 problem+json', async () => {
    const res = await fetch(`${api.base}/api/regions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'the body is not valid JSON' });
  });
});
