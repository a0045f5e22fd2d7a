// Reset links are strictly one-time: one live link per user (a new one cancels the earlier),
// any password change cancels it, and a link used at once by several requests works once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { startApi, type TestApi } from '../../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
});
afterAll(() => api.close());

async function linkFor(email: string): Promise<string> {
  const user = (await api.request('GET', '/api/users')).body.find((u: { email: string }) => u.email === email);
  const issued = await api.request('POST', `/api/users/${user.uuid}/reset-link`, {});
  expect(issued.status).toBe(201);
  return /#(.+)$/.exec(issued.body.link)![1]!;
}
const reset = (token: string, password: string) => api.anonymous.request('POST', '/api/auth/reset', { token, password });

describe('reset links', () => {
  it('are one per user: a new link cancels the one before', async () => {
    const first = await linkFor('lakare.kronoberg@bt-demo.se');
    const second = await linkFor('lakare.kronoberg@bt-demo.se');
    expect((await reset(first, 'first-link-password')).status).toBe(422);
    expect((await reset(second, 'second-link-password')).status).toBe(204);
    expect((await api.signIn('lakare.kronoberg@bt-demo.se', 'second-link-password')).answer.status).toBe(200);
  });

  it('are cancelled by a password change', async () => {
    const account = { email: 'reset-byte@bt-demo.se', password: 'first-password-1', role: 'admin' as const, regions: [], sites: [] };
    const client = await api.userClient(account);
    const link = await linkFor(account.email);
    expect((await client.request('POST', '/api/auth/password', { current: account.password, password: 'second-password-2' })).status).toBe(204);
    expect((await reset(link, 'link-password-3')).status).toBe(422);
    expect((await api.signIn(account.email, 'second-password-2')).answer.status).toBe(200);
  });

  it('work once when used by six requests at once', async () => {
    const link = await linkFor('klinik.kronoberg@bt-demo.se');
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => reset(link, `parallel-password-${i}`)));
    expect(answers.map((a) => a.status).sort()).toEqual([204, 422, 422, 422, 422, 422]);
  });
});
