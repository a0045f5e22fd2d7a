// The lockout counts failed sign-ins sent at once: N parallel failures count N, so a burst of
// wrong passwords locks the email as surely as the same guesses one by one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { startApi, type TestApi } from '../../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
});
afterAll(() => api.close());

describe('failed sign-ins sent at once', () => {
  it('lock the email: twelve wrong passwords in parallel, then the right one is refused', async () => {
    const email = 'klinik.vasternorrland@bt-demo.se';
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api.anonymous.request('POST', '/api/auth/login', { email, password: `wrong-${i}` })),
    );
    // Four wrong, the fifth locks; the rest find it locked.
    expect(answers.filter((a) => a.status === 401)).toHaveLength(4);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(8);
    const right = await api.anonymous.request('POST', '/api/auth/login', { email, password: 'demo-klinik-2026' });
    expect(right).toMatchObject({ status: 429, body: { detail: 'too many failed sign-ins; try again later' } });
  });

  it('count every one of them: four at once leave four failures, and one more locks', async () => {
    const email = 'lakare.vasternorrland@bt-demo.se';
    await Promise.all(Array.from({ length: 4 }, (_, i) => api.anonymous.request('POST', '/api/auth/login', { email, password: `wrong-${i}` })));
    const [row] = await api.dataSource.query('SELECT failures, locked_until FROM login_attempts WHERE email = $1', [email]);
    expect(row).toEqual({ failures: 4, locked_until: null });
    expect((await api.anonymous.request('POST', '/api/auth/login', { email, password: 'wrong-5' })).status).toBe(429);
  });
});
