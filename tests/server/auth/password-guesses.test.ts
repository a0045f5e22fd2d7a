// Guessing the current password when changing it counts like failed sign-ins: the fifth wrong
// guess ends the session and locks the email, so the right one comes too late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { startApi, type TestApi } from '../../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
});
afterAll(() => api.close());

describe('wrong current passwords', () => {
  it('end the session at the fifth and lock the email', async () => {
    const account = { email: 'gissare@bt-demo.se', password: 'right-password-1', role: 'admin' as const, regions: [], sites: [] };
    const client = await api.userClient(account);
    const guess = (current: string) => client.request('POST', '/api/auth/password', { current, password: 'new-password-2' });
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await guess(`guess-${i}`)).status);
    expect(answers).toEqual([403, 403, 403, 403, 429]);
    expect((await client.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await guess(account.password)).status).toBe(401);
    expect((await api.signIn(account.email, account.password)).answer.status).toBe(429);
  });
});
