// The authorization matrix: every API route × every persona, with the expected answer. The
// expectations are written here, apart from the access table, and the test fails when the app
// has a route this table lacks (or the other way round).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { DEMO_ACCOUNTS, loadDemoData } from '../../../server/db/demo-data';
import { ACCESS } from '../../../server/routes/access-table';
import { startApi, type Client, type TestApi } from '../../support/api';

type Persona = 'admin' | 'coordinator' | 'otherCoordinator' | 'clinic' | 'otherClinic' | 'self' | 'otherDoctor' | 'anonymous';
const PERSONAS: Persona[] = ['admin', 'coordinator', 'otherCoordinator', 'clinic', 'otherClinic', 'self', 'otherDoctor', 'anonymous'];

// Who may call each route (everyone else is refused). The objects are all in Region Kronoberg:
// the coordinator's region, the clinic's site, the doctor "self".
const A = 'admin';
const C = 'coordinator';
const EVERYONE = PERSONAS.join(' ');
const SIGNED_IN = PERSONAS.filter((p) => p !== 'anonymous').join(' ');
const EXPECTED: Record<string, string> = {
  'GET /api/health': EVERYONE,
  'GET /api/ready': EVERYONE,
  'POST /api/auth/login': EVERYONE,
  'POST /api/auth/logout': EVERYONE,
  'POST /api/auth/reset': EVERYONE,
  'GET /api/auth/me': SIGNED_IN,
  'POST /api/auth/password': SIGNED_IN,
  'GET /api/users': A,
  'POST /api/users': A,
  'POST /api/users/:id/reset-link': A,
  'GET /api/regions': `${A} ${C} otherCoordinator`,
  'POST /api/regions': A,
  'GET /api/regions/:id': `${A} ${C}`,
  'PATCH /api/regions/:id': `${A} ${C}`,
  'DELETE /api/regions/:id': A,
  'GET /api/regions/:id/audit': `${A} ${C}`,
  'GET /api/regions/:id/occupancy': `${A} ${C}`,
  'GET /api/regions/:id/sites': `${A} ${C}`,
  'POST /api/regions/:id/sites': `${A} ${C}`,
  'GET /api/sites/:id': `${A} ${C} clinic`,
  'PATCH /api/sites/:id': `${A} ${C}`,
  'DELETE /api/sites/:id': `${A} ${C}`,
  'GET /api/sites/:id/incoming': `${A} ${C} clinic`,
  'GET /api/regions/:id/templates': `${A} ${C}`,
  'POST /api/regions/:id/templates': `${A} ${C}`,
  'GET /api/templates/:id': `${A} ${C}`,
  'PATCH /api/templates/:id': `${A} ${C}`,
  'DELETE /api/templates/:id': `${A} ${C}`,
  'GET /api/regions/:id/cohorts': `${A} ${C}`,
  'POST /api/regions/:id/cohorts': `${A} ${C}`,
  'POST /api/regions/:id/cohorts/import': `${A} ${C}`,
  'GET /api/cohorts/:id': `${A} ${C}`,
  'PATCH /api/cohorts/:id': `${A} ${C}`,
  'DELETE /api/cohorts/:id': `${A} ${C}`,
  'GET /api/cohorts/:id/problem': `${A} ${C}`,
  'POST /api/cohorts/:id/intake': `${A} ${C}`,
  'GET /api/cohorts/:id/doctors': `${A} ${C}`,
  'POST /api/cohorts/:id/doctors': `${A} ${C}`,
  'GET /api/doctors/:id': `${A} ${C} self`,
  'PATCH /api/doctors/:id': `${A} ${C}`,
  'DELETE /api/doctors/:id': `${A} ${C}`,
  'GET /api/doctors/:id/schedule': `${A} ${C} self`,
  'GET /api/doctors/:id/export': `${A} ${C} self`,
  'POST /api/doctors/:id/erase': `${A} ${C}`,
  'POST /api/doctors/:id/requests': `${A} ${C} self`,
  'GET /api/doctors/:id/requests': `${A} ${C} self`,
  'GET /api/cohorts/:id/requests': `${A} ${C}`,
  'POST /api/requests/:id/decision': `${A} ${C}`,
  'GET /api/cohorts/:id/plans': `${A} ${C}`,
  'POST /api/cohorts/:id/plans': `${A} ${C}`,
  'GET /api/plans/:id': `${A} ${C}`,
  'DELETE /api/plans/:id': `${A} ${C}`,
  'PUT /api/plans/:id/assignments': `${A} ${C}`,
  'GET /api/plans/:id/diff': `${A} ${C}`,
  'POST /api/plans/:id/publish': `${A} ${C}`,
  'POST /api/plans/:id/archive': `${A} ${C}`,
  'GET /api/doctors/:id/feed': `${A} ${C} self`,
  'POST /api/doctors/:id/feed': `${A} ${C} self`,
  'POST /api/doctors/:id/feed/renew': `${A} ${C} self`,
  'GET /api/sites/:id/feed': `${A} ${C} clinic`,
  'POST /api/sites/:id/feed': `${A} ${C} clinic`,
  'POST /api/sites/:id/feed/renew': `${A} ${C} clinic`,
  'GET /api/cohorts/:id/feed': `${A} ${C}`,
  'POST /api/cohorts/:id/feed': `${A} ${C}`,
  'POST /api/cohorts/:id/feed/renew': `${A} ${C}`,
  'DELETE /api/feeds/:id': `${A} ${C} self`,
  'GET /api/doctors/:id/calendar.ics': `${A} ${C} self`,
  'GET /api/cohorts/:id/solver-runs': `${A} ${C}`,
  'POST /api/cohorts/:id/solver-runs': `${A} ${C}`,
  'GET /api/solver-runs/:id': `${A} ${C}`,
  'POST /api/solver-runs/:id/cancel': `${A} ${C}`,
};

/** Who can see the object a path names at all: refusing them is 403, anyone else 404. */
const SEES: Record<string, Persona[]> = {
  regions: ['admin', 'coordinator'],
  sites: ['admin', 'coordinator', 'clinic'],
  templates: ['admin', 'coordinator'],
  cohorts: ['admin', 'coordinator'],
  doctors: ['admin', 'coordinator', 'self'],
  plans: ['admin', 'coordinator'],
  'solver-runs': ['admin', 'coordinator'],
  requests: ['admin', 'coordinator', 'self'],
  users: ['admin'],
  feeds: ['admin', 'coordinator', 'self'],
};

let api: TestApi;
const clients = new Map<Persona, Client>();
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  const account = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)!;
  const signIn = async (email: string) => (await api.signIn(email, account(email).password)) as Client;
  clients.set('admin', await signIn('admin@bt-demo.se'));
  clients.set('coordinator', await signIn('koordinator.kronoberg@bt-demo.se'));
  clients.set('otherCoordinator', await signIn('koordinator.vasternorrland@bt-demo.se'));
  clients.set('clinic', await signIn('klinik.kronoberg@bt-demo.se'));
  clients.set('otherClinic', await signIn('klinik.vasternorrland@bt-demo.se'));
  clients.set('self', await signIn('lakare.kronoberg@bt-demo.se'));
  clients.set('otherDoctor', await signIn('lakare.vasternorrland@bt-demo.se'));
  clients.set('anonymous', api.anonymous);

  const admin = clients.get('admin')!;
  const me = (persona: Persona) => clients.get(persona)!.request('GET', '/api/auth/me').then((r) => r.body);
  const clinic = await me('clinic');
  const self = await me('self');
  const coordinator = await me('coordinator');
  ids.regions = coordinator.regions[0];
  ids.sites = clinic.sites[0];
  ids.doctors = self.doctor;
  ids.users = self.uuid;
  ids.cohorts = (await admin.request('GET', `/api/regions/${ids.regions}/cohorts`)).body[0].uuid;
  ids.templates = (await admin.request('GET', `/api/regions/${ids.regions}/templates`)).body[0].uuid;
  ids.plans = (await admin.request('GET', `/api/cohorts/${ids.cohorts}/plans`)).body[0].uuid;
  ids['solver-runs'] = (await admin.request('POST', `/api/cohorts/${ids.cohorts}/solver-runs`, { timeLimit: 5 })).body.uuid;
  ids.requests = (await admin.request('POST', `/api/doctors/${ids.doctors}/requests`, { kind: 'wish', wish: { block: 'pc', weight: 1 } })).body.uuid;
  ids.feeds = (await admin.request('POST', `/api/doctors/${ids.doctors}/feed`)).body.uuid;
  // A link for the site's and the cohort's GET to show (the demo data gives the site one).
  await admin.request('POST', `/api/sites/${ids.sites}/feed`);
  await admin.request('POST', `/api/cohorts/${ids.cohorts}/feed`);
  expect(Object.values(ids).every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
});
afterAll(() => api.close());

function appRoutes(): string[] {
  const app = buildApp({ dataSource: {} as never });
  const routes: string[] = [];
  for (const layer of (app as unknown as { router: { stack: { handle?: { stack?: { route?: { path: string; methods: Record<string, boolean> } }[] } }[] } }).router.stack) {
    for (const inner of layer.handle?.stack ?? []) {
      if (inner.route) for (const method of Object.keys(inner.route.methods)) routes.push(`${method.toUpperCase()} /api${inner.route.path}`);
    }
  }
  return routes.sort();
}

describe('authorization matrix', () => {
  it('covers exactly the routes the app serves, each of which has an access rule', () => {
    expect(appRoutes()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(ACCESS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', async (route) => {
    const [method, pattern] = route.split(' ') as [string, string];
    const kind = /^\/api\/([a-z-]+)\/:id/.exec(pattern)?.[1];
    const path = kind ? pattern.replace(':id', ids[kind]!) : pattern;
    const allowed = new Set(EXPECTED[route]!.split(' '));
    const answers: Record<string, number> = {};
    const expected: Record<string, string> = {};
    for (const persona of PERSONAS) {
      // Signing out would end the persona's session for the other routes.
      const client = route === 'POST /api/auth/logout' ? api.anonymous : clients.get(persona)!;
      const body = method === 'GET' ? undefined : {};
      const status = (await client.request(method, path, body)).status;
      answers[persona] = status;
      if (allowed.has(persona)) {
        expected[persona] = [401, 403, 404].includes(status) ? `allowed, got ${status}` : 'allowed';
        answers[persona] = 0;
      } else {
        const refusal = persona === 'anonymous' ? 401 : kind && !SEES[kind]!.includes(persona) ? 404 : 403;
        expected[persona] = String(refusal);
        answers[persona] = status;
      }
    }
    const got = Object.fromEntries(PERSONAS.map((p) => [p, answers[p] === 0 ? 'allowed' : String(answers[p])]));
    expect(got).toEqual(Object.fromEntries(PERSONAS.map((p) => [p, expected[p]])));
  });
});
