// Invalid input is answered in the user's language: a 400's field messages (errors[].message and
// the detail) are Swedish when Accept-Language prefers Swedish (sv, sv-SE, by q-value), English
// without the header or for any other language; the paths stay as they are, and the answer says
// it varies by Accept-Language. Titles stay English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startApi, type TestApi } from '../../support/api';
import { aDoctor, aProblem } from '../../support/builders';

let api: TestApi;
let sites: string;

beforeAll(async () => {
  api = await startApi();
  sites = `/api/regions/${(await ok(api.request('POST', '/api/regions', { name: 'Region Språk' }), 201)).uuid}/sites`;
});
afterAll(() => api.close());

/** A site with an empty name, a capacity of 1.5 and an override from a day that is no date. */
const broken = { id: 'vc-sprak', name: '', town: 'Växjö', kinds: ['primary-care'], capacity: 1.5, overrides: [{ from: '2026-13-01', to: '2026-08-17', capacity: 1 }] };

const SWEDISH = [
  { path: 'name', message: 'Fyll i fältet' },
  { path: 'capacity', message: 'Måste vara ett heltal' },
  { path: 'overrides[0].from', message: '2026-13-01 är inget datum; skriv ÅÅÅÅ-MM-DD' },
];
const ENGLISH = [
  { path: 'name', message: 'Required' },
  { path: 'capacity', message: 'Must be a whole number' },
  { path: 'overrides[0].from', message: '2026-13-01 is not a date (YYYY-MM-DD)' },
];

const post = (headers: Record<string, string> = {}) => api.request('POST', sites, broken, headers);

describe('field messages of a 400 by Accept-Language', () => {
  it('answers Accept-Language: sv in Swedish, the paths, title and the Vary header as they are', async () => {
    const answer = await post({ 'accept-language': 'sv' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(answer.body).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'name: Fyll i fältet\ncapacity: Måste vara ett heltal\noverrides[0].from: 2026-13-01 är inget datum; skriv ÅÅÅÅ-MM-DD',
      errors: SWEDISH,
    });
  });

  it('answers in English without the header', async () => {
    const answer = await post();
    expect(answer.body.errors).toEqual(ENGLISH);
    expect(answer.body.detail).toBe('name: Required\ncapacity: Must be a whole number\noverrides[0].from: 2026-13-01 is not a date (YYYY-MM-DD)');
    expect(answer.headers.get('vary')).toMatch(/Accept-Language/i);
  });

  it.each([
    ['sv-SE', SWEDISH],
    ['sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7', SWEDISH],
    ['en;q=0.5, sv', SWEDISH],
    ['de-DE, sv;q=0.3', SWEDISH],
    ['en-GB,en;q=0.9,sv;q=0.8', ENGLISH],
    ['sv;q=0.4, en;q=0.6', ENGLISH],
    ['de-DE', ENGLISH],
    ['*', ENGLISH],
  ])('Accept-Language: %s', async (header, errors) => {
    expect((await post({ 'accept-language': header })).body.errors).toEqual(errors);
  });

  it('asks for a missing field to be filled in, not for another type', async () => {
    const { town: _town, ...withoutTown } = broken;
    const answer = await api.request('POST', sites, { ...withoutTown, name: 'Vårdcentralen Språk', capacity: 1, overrides: [] }, { 'accept-language': 'sv' });
    expect(answer.body.errors).toEqual([{ path: 'town', message: 'Fyll i fältet' }]);
  });

  it('words a rule of the schema (a start that is no Monday) with its week, in Swedish', async () => {
    const answer = await api.request('POST', sites, { ...broken, name: 'Vårdcentralen Språk', capacity: 1, overrides: [{ from: '2026-06-23', to: '2026-08-17', capacity: 1 }] }, { 'accept-language': 'sv-SE' });
    expect(answer.body.errors).toEqual([{ path: 'overrides[0].from', message: '2026-06-23 är ingen måndag (v. 26 2026 börjar 2026-06-22)' }]);
  });

  it("words a problem file's cross-references in Swedish too (an imported cohort's wish for a block it lacks)", async () => {
    const problem = aProblem({ doctors: [aDoctor({ wishes: [{ block: 'ortopedi', weight: 1 }] })] });
    const answer = await api.request('POST', `${sites.replace(/sites$/, 'cohorts/import')}`, { name: 'Importerad', problem }, { 'accept-language': 'sv' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ path: 'problem.doctors[0].wishes[0].block', message: 'ortopedi är inget block i problemet' }]);
  });

  it('leaves answers other than invalid input in English', async () => {
    const missing = await api.request('GET', '/api/regions/00000000-0000-4000-8000-000000000009', undefined, { 'accept-language': 'sv' });
    expect(missing.status).toBe(404);
    expect(missing.body.title).toBe('Not Found');
  });
});
