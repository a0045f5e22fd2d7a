// The sign-in limit per address holds across server processes: two apps on one database count
// the same hits, so running more of them does not multiply the guesses allowed.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { loadDemoData } from '../../../server/db/demo-data';
import { createLogger } from '../../../server/log';
import { startApi, type TestApi } from '../../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
});
afterAll(() => api.close());

async function server(loginsPerMinute: number): Promise<{ base: string; close: () => Promise<void> }> {
  const listening: Server = buildApp({ dataSource: api.dataSource, logger: createLogger({ level: 'silent' }), loginsPerMinute }).listen(0, '127.0.0.1');
  await new Promise((resolve) => listening.once('listening', resolve));
  return { base: `http://127.0.0.1:${(listening.address() as AddressInfo).port}`, close: () => new Promise((resolve) => listening.close(() => resolve())) };
}

const login = (base: string, email: string) =>
  fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'wrong-password' }) });

describe('the sign-in limit per address', () => {
  it('counts the hits of every server on the database', async () => {
    const [a, b] = [await server(4), await server(4)];
    // The test's own sign-ins (same address, same database) count too: start from none.
    await api.dataSource.query('DELETE FROM rate_limits');
    try {
      // Four accounts, so no email's own lockout answers first.
      const statuses = [];
      for (const [i, base] of [a.base, b.base, a.base, b.base, a.base].entries()) statuses.push((await login(base, `nobody-${i}@bt-demo.se`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      const refused = await login(b.base, 'nobody-5@bt-demo.se');
      expect([refused.status, (await refused.json()).detail]).toEqual([429, 'too many sign-in attempts from here; wait a minute']);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
