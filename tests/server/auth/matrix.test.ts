// The authorization matrix: every API route × every persona, with the expected answer. The
// expectations are written here, apart from the access table, and the test fails when the app
// has a route this table lacks (or the other way round). A persona who may call a route sends
// it a valid request and gets exactly its 2xx; everyone else gets exactly 401, 403 or 404.
// Besides the demo accounts: coordinators limited to towns of Region Kronoberg (the towns of
// the doctor "self" and of the clinic's site; another town), a supervisor of "self" and a
// supervisor of nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { DEMO_ACCOUNTS, loadDemoData } from '../../../server/db/demo-data';
import { ACCESS } from '../../../server/routes/access-table';
import type { UserBody } from '../../../shared/api/auth';
import { ok, startApi, type Client, type TestApi } from '../../support/api';
import { aProblem } from '../../support/builders';

type Persona =
  | 'admin'
  | 'coordinator'
  | 'otherCoordinator'
  | 'town'
  | 'otherTown'
  | 'clinic'
  | 'otherClinic'
  | 'self'
  | 'otherDoctor'
  | 'supervisor'
  | 'idleSupervisor'
  | 'anonymous';
const PERSONAS: Persona[] = ['admin', 'coordinator', 'otherCoordinator', 'town', 'otherTown', 'clinic', 'otherClinic', 'self', 'otherDoctor', 'supervisor', 'idleSupervisor', 'anonymous'];

// Who may call each route (everyone else is refused). The objects are all in Region Kronoberg:
// the coordinator's region, the clinic's site, the doctor "self" (whom "supervisor" supervises);
// "town" coordinates the towns of "self" and of the clinic's site, "otherTown" another town.
const A = 'admin';
const C = 'coordinator';
/** Coordination of the whole region, and of towns of it: region-level reads, and writes checked town by town. */
const CT = `${A} ${C} town otherTown`;
/** An object in the towns of "town". */
const CO = `${A} ${C} town`;
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
  'GET /api/regions': `${A} ${C} otherCoordinator town otherTown`,
  'POST /api/regions': A,
  'GET /api/regions/:id': CT,
  'PATCH /api/regions/:id': `${A} ${C}`,
  'DELETE /api/regions/:id': A,
  'GET /api/regions/:id/audit': `${A} ${C}`,
  'GET /api/regions/:id/occupancy': CT,
  'GET /api/regions/:id/sites': CT,
  'POST /api/regions/:id/sites': CT,
  'GET /api/sites/:id': `${CO} clinic`,
  'PATCH /api/sites/:id': CO,
  'DELETE /api/sites/:id': CO,
  'GET /api/sites/:id/incoming': `${CO} clinic`,
  'GET /api/regions/:id/templates': CT,
  'POST /api/regions/:id/templates': `${A} ${C}`,
  'GET /api/templates/:id': CT,
  'PATCH /api/templates/:id': `${A} ${C}`,
  'DELETE /api/templates/:id': `${A} ${C}`,
  'GET /api/regions/:id/cohorts': CT,
  'POST /api/regions/:id/cohorts': `${A} ${C}`,
  'POST /api/regions/:id/cohorts/import': `${A} ${C}`,
  'GET /api/cohorts/:id': CT,
  'PATCH /api/cohorts/:id': `${A} ${C}`,
  'DELETE /api/cohorts/:id': `${A} ${C}`,
  'GET /api/cohorts/:id/problem': CT,
  'POST /api/cohorts/:id/intake': `${A} ${C}`,
  'GET /api/cohorts/:id/doctors': CT,
  'POST /api/cohorts/:id/doctors': CT,
  'GET /api/doctors/:id': `${CO} self`,
  'PATCH /api/doctors/:id': CO,
  'DELETE /api/doctors/:id': CO,
  'GET /api/doctors/:id/schedule': `${CO} self`,
  'GET /api/doctors/:id/export': `${CO} self`,
  'POST /api/doctors/:id/erase': CO,
  'POST /api/doctors/:id/requests': `${CO} self`,
  'GET /api/doctors/:id/requests': `${CO} self`,
  'GET /api/cohorts/:id/requests': CT,
  'POST /api/requests/:id/decision': CO,
  'GET /api/cohorts/:id/plans': CT,
  'POST /api/cohorts/:id/plans': `${A} ${C}`,
  'GET /api/plans/:id': CT,
  'DELETE /api/plans/:id': `${A} ${C}`,
  'PUT /api/plans/:id/assignments': CT,
  'GET /api/plans/:id/diff': CT,
  'POST /api/plans/:id/publish': `${A} ${C}`,
  'POST /api/plans/:id/archive': `${A} ${C}`,
  'GET /api/doctors/:id/feed': `${CO} self`,
  'POST /api/doctors/:id/feed': `${CO} self`,
  'POST /api/doctors/:id/feed/renew': `${CO} self`,
  'GET /api/sites/:id/feed': `${CO} clinic`,
  'POST /api/sites/:id/feed': `${CO} clinic`,
  'POST /api/sites/:id/feed/renew': `${CO} clinic`,
  'GET /api/cohorts/:id/feed': `${A} ${C}`,
  'POST /api/cohorts/:id/feed': `${A} ${C}`,
  'POST /api/cohorts/:id/feed/renew': `${A} ${C}`,
  'DELETE /api/feeds/:id': `${CO} self`,
  'GET /api/doctors/:id/calendar.ics': `${CO} self`,
  'GET /api/cohorts/:id/solver-runs': CT,
  'POST /api/cohorts/:id/solver-runs': `${A} ${C}`,
  'GET /api/solver-runs/:id': CT,
  'POST /api/solver-runs/:id/cancel': `${A} ${C}`,
  'GET /api/doctors/:id/checklist': `${CO} self supervisor`,
  'GET /api/doctors/:id/assessments': `${CO} self supervisor`,
  'POST /api/doctors/:id/assessments': `${CO} supervisor`,
  'DELETE /api/assessments/:id': `${CO} supervisor`,
  'GET /api/cohorts/:id/checklist': CT,
  'GET /api/doctors/:id/supervisors': `${CO} self`,
  'PUT /api/doctors/:id/supervisors': CO,
  'GET /api/supervision': 'supervisor idleSupervisor',
};

/** Who can see the object a path names at all: refusing them is 403, anyone else 404. */
const SEES: Record<string, Persona[]> = {
  regions: ['admin', 'coordinator', 'town', 'otherTown'],
  sites: ['admin', 'coordinator', 'town', 'clinic'],
  templates: ['admin', 'coordinator', 'town', 'otherTown'],
  cohorts: ['admin', 'coordinator', 'town', 'otherTown'],
  doctors: ['admin', 'coordinator', 'town', 'self', 'supervisor'],
  plans: ['admin', 'coordinator', 'town', 'otherTown'],
  'solver-runs': ['admin', 'coordinator', 'town', 'otherTown'],
  requests: ['admin', 'coordinator', 'town', 'self', 'supervisor'],
  users: ['admin'],
  feeds: ['admin', 'coordinator', 'town', 'self', 'supervisor'],
  assessments: ['admin', 'coordinator', 'town', 'self', 'supervisor'],
};

type Signed = Exclude<Persona, 'anonymous'>;
const DEMO_PERSONAS = ['admin', 'coordinator', 'otherCoordinator', 'clinic', 'otherClinic', 'self', 'otherDoctor'] as const;
const ACCOUNT_OF: Record<Signed, string> = {
  admin: 'admin@bt-demo.se',
  coordinator: 'koordinator.kronoberg@bt-demo.se',
  otherCoordinator: 'koordinator.vasternorrland@bt-demo.se',
  town: 'town@test.example',
  otherTown: 'other-town@test.example',
  clinic: 'klinik.kronoberg@bt-demo.se',
  otherClinic: 'klinik.vasternorrland@bt-demo.se',
  self: 'lakare.kronoberg@bt-demo.se',
  otherDoctor: 'lakare.vasternorrland@bt-demo.se',
  supervisor: 'supervisor@test.example',
  idleSupervisor: 'idle-supervisor@test.example',
};
const TEST_PASSWORD = 'persona-password-123';
const passwordOf = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)?.password ?? TEST_PASSWORD;

/** "supervisor" supervises "self" in one block (PUT /api/doctors/:id/supervisors keeps it so). */
const SUPERVISORS = { supervisors: [{ block: 'pc', name: 'Handledare Test', email: 'supervisor@test.example' }] };
const anAssessment = () => ({ kind: 'mini-cex', date: extra.today, assessor: 'Handledare Test', block: 'pc' });

/** Accounts of their own for signing in and for reset links, so no persona's session is touched. */
const SIGN_IN = { email: 'sign-in@test.example', password: 'sign-in-password-123' };
const RESET = { email: 'reset@test.example', password: 'reset-password-123' };

let api: TestApi;
const clients = new Map<Persona, Client>();
const ids: Record<string, string> = {};
/** Request bodies copied from the demo objects, and the ids the valid calls need besides `ids`. */
const bodies: Record<'site' | 'template' | 'cohort' | 'doctor', Record<string, unknown>> = {} as never;
const extra: Record<'published' | 'resetUser' | 'doctorCohort' | 'otherTown' | 'today', string> = {} as never;

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  const signIn = async (email: string) => (await api.signIn(email, passwordOf(email))) as Client;
  for (const persona of DEMO_PERSONAS) clients.set(persona, await signIn(ACCOUNT_OF[persona]));
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

  const strip = (resource: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(resource).filter(([k]) => !keys.includes(k)));
  const read = async (path: string) => ok(admin.request('GET', path));
  bodies.site = strip(await read(`/api/sites/${ids.sites}`), 'uuid', 'version');
  bodies.template = strip(await read(`/api/templates/${ids.templates}`), 'uuid', 'version');
  bodies.cohort = strip(await read(`/api/cohorts/${ids.cohorts}`), 'uuid', 'version', 'region', 'doctors');
  bodies.doctor = strip(await read(`/api/doctors/${ids.doctors}`), 'uuid', 'version');
  extra.published = (await read(`/api/cohorts/${ids.cohorts}/plans`)).find((p: { status: string }) => p.status === 'published').uuid;
  // New doctors join a cohort of their own: in the demo cohort they would lack placements in its
  // published plan, and a copy of that plan (publish below) could not be published.
  extra.doctorCohort = (await ok(admin.request('POST', `/api/regions/${ids.regions}/cohorts`, { ...bodies.cohort, name: 'Läkarkohort' }), 201)).uuid;
  const coordinatorRole = { role: 'coordinator' as const, regions: [ids.regions!], sites: [] };
  await api.userClient({ ...SIGN_IN, ...coordinatorRole });

  // Town coordinators: the towns of "self" and of the clinic's site; a third town of the region.
  const towns = [bodies.doctor.town as string, bodies.site.town as string];
  extra.otherTown = (await read(`/api/regions/${ids.regions}/sites`)).map((site: { town: string }) => site.town).find((town: string) => !towns.includes(town));
  expect(extra.otherTown).toBeDefined();
  const persona = async (who: Signed, body: Omit<UserBody, 'email' | 'password'>) => {
    clients.set(who, await api.userClient({ email: ACCOUNT_OF[who], password: TEST_PASSWORD, ...body }));
  };
  await persona('town', { ...coordinatorRole, towns: [...new Set(towns)] });
  await persona('otherTown', { ...coordinatorRole, towns: [extra.otherTown] });
  await persona('supervisor', { role: 'supervisor', regions: [], sites: [] });
  await persona('idleSupervisor', { role: 'supervisor', regions: [], sites: [] });
  await ok(admin.request('PUT', `/api/doctors/${ids.doctors}/supervisors`, SUPERVISORS));
  extra.today = (await me('admin')).today;
  ids.assessments = (await ok(admin.request('POST', `/api/doctors/${ids.doctors}/assessments`, anAssessment()), 201)).uuid;
  await api.userClient({ ...RESET, ...coordinatorRole });
  extra.resetUser = (await read('/api/users')).find((u: { email: string }) => u.email === RESET.email).uuid;
});
afterAll(() => api.close());

/** What a persona allowed on a route sends (by default the route's path with its demo object, no body) and the status it gets. */
interface AllowedCall {
  status: number;
  path?: string;
  body?: unknown;
  /** Sends it instead of the persona's own client. */
  client?: Client;
}

let serial = 0;
/** A name or code no earlier call used. */
const unique = (what: string) => `${what}-${++serial}`;
const admin = () => clients.get('admin')!;
const created = async (path: string, body: unknown = {}) => (await ok(admin().request('POST', path, body), 201)).uuid as string;
const versionOf = async (path: string) => (await ok(admin().request('GET', path))).version as number;

/** Objects in Region Kronoberg for a route that uses up its object, one per call. */
const fresh = {
  region: () => created('/api/regions', { name: unique('Region') }),
  site: () => created(`/api/regions/${ids.regions}/sites`, { ...bodies.site, id: unique('site') }),
  template: () => created(`/api/regions/${ids.regions}/templates`, { ...bodies.template, name: unique('Mall') }),
  cohort: () => created(`/api/regions/${ids.regions}/cohorts`, { ...bodies.cohort, name: unique('Kohort') }),
  doctor: () => created(`/api/cohorts/${extra.doctorCohort}/doctors`, { ...bodies.doctor, id: unique('doctor') }),
  /** A draft that copies the published plan: it can be published as it is. */
  draft: () => created(`/api/cohorts/${ids.cohorts}/plans`, { from: 'published' }),
  request: () => created(`/api/doctors/${ids.doctors}/requests`, { kind: 'wish', wish: { block: 'pc', weight: 1 } }),
  run: async () => (await ok(admin().request('POST', `/api/cohorts/${ids.cohorts}/solver-runs`, { timeLimit: 5 }), 202)).uuid as string,
  /** The doctor's new current calendar link. */
  feed: () => created(`/api/doctors/${ids.doctors}/feed/renew`),
};

/**
 * A valid call for each route that needs more than a GET of its demo object: a body the route
 * accepts, a fresh object where the call deletes or closes one, so the answer is the route's 2xx
 * whichever persona or route went before.
 */
const ALLOWED: Record<string, (persona: Persona) => Promise<AllowedCall>> = {
  'POST /api/auth/login': async () => ({ status: 200, body: SIGN_IN }),
  // A session of its own to end: ending the persona's would sign it out of the other routes.
  'POST /api/auth/logout': async (persona) => ({
    status: 204,
    client: persona === 'anonymous' ? api.anonymous : await api.signIn(ACCOUNT_OF[persona], passwordOf(ACCOUNT_OF[persona])),
  }),
  'POST /api/auth/reset': async () => {
    const { link } = await ok(admin().request('POST', `/api/users/${extra.resetUser}/reset-link`), 201);
    return { status: 204, body: { token: link.split('#')[1], password: RESET.password } };
  },
  // The same password again: the persona signs in with it for the logout above.
  'POST /api/auth/password': async (persona) => {
    const password = passwordOf(ACCOUNT_OF[persona as Signed]);
    return { status: 204, body: { current: password, password } };
  },
  'POST /api/users': async () => ({ status: 201, body: { email: `${unique('konto')}@test.example`, password: 'new-user-password-123', role: 'coordinator', regions: [ids.regions] } }),
  'POST /api/users/:id/reset-link': async () => ({ status: 201 }),
  'POST /api/regions': async () => ({ status: 201, body: { name: unique('Region') } }),
  'PATCH /api/regions/:id': async () => ({ status: 200, body: { name: 'Region Kronoberg', version: await versionOf(`/api/regions/${ids.regions}`) } }),
  'DELETE /api/regions/:id': async () => ({ status: 204, path: `/api/regions/${await fresh.region()}?version=1` }),
  // A town coordinator's site is in their town.
  'POST /api/regions/:id/sites': async (persona) => ({ status: 201, body: { ...bodies.site, id: unique('site'), ...(persona === 'otherTown' ? { town: extra.otherTown } : {}) } }),
  'PATCH /api/sites/:id': async () => ({ status: 200, body: { ...bodies.site, version: await versionOf(`/api/sites/${ids.sites}`) } }),
  'DELETE /api/sites/:id': async () => ({ status: 204, path: `/api/sites/${await fresh.site()}?version=1` }),
  'POST /api/regions/:id/templates': async () => ({ status: 201, body: { ...bodies.template, name: unique('Mall') } }),
  'PATCH /api/templates/:id': async () => ({ status: 200, body: { ...bodies.template, version: await versionOf(`/api/templates/${ids.templates}`) } }),
  'DELETE /api/templates/:id': async () => ({ status: 204, path: `/api/templates/${await fresh.template()}?version=1` }),
  'POST /api/regions/:id/cohorts': async () => ({ status: 201, body: { ...bodies.cohort, name: unique('Kohort') } }),
  'POST /api/regions/:id/cohorts/import': async () => ({ status: 201, body: { name: unique('Import'), problem: aProblem() } }),
  'PATCH /api/cohorts/:id': async () => ({ status: 200, body: { ...bodies.cohort, version: await versionOf(`/api/cohorts/${ids.cohorts}`) } }),
  'DELETE /api/cohorts/:id': async () => ({ status: 204, path: `/api/cohorts/${await fresh.cohort()}?version=1` }),
  'POST /api/cohorts/:id/intake': async () => ({ status: 201, body: { name: unique('Intag'), start: '2027-01-11', copyDoctors: true } }),
  'POST /api/cohorts/:id/doctors': async (persona) => ({
    status: 201,
    path: `/api/cohorts/${extra.doctorCohort}/doctors`,
    body: { ...bodies.doctor, id: unique('doctor'), ...(persona === 'otherTown' ? { town: extra.otherTown } : {}) },
  }),
  'PATCH /api/doctors/:id': async () => ({ status: 200, body: { ...bodies.doctor, version: await versionOf(`/api/doctors/${ids.doctors}`) } }),
  'DELETE /api/doctors/:id': async () => ({ status: 204, path: `/api/doctors/${await fresh.doctor()}?version=1` }),
  'POST /api/doctors/:id/erase': async () => ({ status: 200, path: `/api/doctors/${await fresh.doctor()}/erase`, body: { version: 1 } }),
  'POST /api/doctors/:id/requests': async () => ({ status: 201, body: { kind: 'wish', wish: { block: 'pc', weight: 1 } } }),
  'POST /api/requests/:id/decision': async () => ({ status: 200, path: `/api/requests/${await fresh.request()}/decision`, body: { decision: 'reject', version: 1 } }),
  'POST /api/cohorts/:id/plans': async () => ({ status: 201, body: { from: 'empty' } }),
  'DELETE /api/plans/:id': async () => ({ status: 204, path: `/api/plans/${await fresh.draft()}?version=1` }),
  'PUT /api/plans/:id/assignments': async () => {
    const draft = await fresh.draft();
    const { assignments } = await ok(admin().request('GET', `/api/plans/${draft}`));
    const edited = assignments.map(({ doctor, block, site, from, to }: Record<string, unknown>) => ({ doctor, block, site, from, to }));
    return { status: 200, path: `/api/plans/${draft}/assignments`, body: { version: 1, assignments: edited } };
  },
  'GET /api/plans/:id/diff': async () => ({ status: 200, path: `/api/plans/${ids.plans}/diff?against=${extra.published}` }),
  'POST /api/plans/:id/publish': async () => ({ status: 200, path: `/api/plans/${await fresh.draft()}/publish`, body: { version: 1 } }),
  'POST /api/plans/:id/archive': async () => ({ status: 200, path: `/api/plans/${await fresh.draft()}/archive`, body: { version: 1 } }),
  // A current link first (DELETE /api/feeds/:id revokes one): it reads 200, and ensuring it
  // again answers 200 with the same link (201 is for the first).
  'GET /api/doctors/:id/feed': async () => (await fresh.feed(), { status: 200 }),
  'POST /api/doctors/:id/feed': async () => (await fresh.feed(), { status: 200 }),
  'POST /api/doctors/:id/feed/renew': async () => ({ status: 201 }),
  'POST /api/sites/:id/feed': async () => ({ status: 200 }),
  'POST /api/sites/:id/feed/renew': async () => ({ status: 201 }),
  'POST /api/cohorts/:id/feed': async () => ({ status: 200 }),
  'POST /api/cohorts/:id/feed/renew': async () => ({ status: 201 }),
  'DELETE /api/feeds/:id': async () => ({ status: 204, path: `/api/feeds/${await fresh.feed()}` }),
  'POST /api/cohorts/:id/solver-runs': async () => ({ status: 202, body: { timeLimit: 5 } }),
  'POST /api/doctors/:id/assessments': async () => ({ status: 201, body: anAssessment() }),
  // A supervisor removes what they recorded themselves.
  'DELETE /api/assessments/:id': async (persona) => {
    const by = persona === 'supervisor' ? clients.get('supervisor')! : admin();
    return { status: 204, path: `/api/assessments/${(await ok(by.request('POST', `/api/doctors/${ids.doctors}/assessments`, anAssessment()), 201)).uuid}` };
  },
  'PUT /api/doctors/:id/supervisors': async () => ({ status: 200, body: SUPERVISORS }),
  'POST /api/solver-runs/:id/cancel': async () => ({ status: 200, path: `/api/solver-runs/${await fresh.run()}/cancel` }),
};

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

  it('has a valid call for every route but the plain GETs of a demo object', () => {
    const plainGet = (route: string) => route.startsWith('GET ') && !ALLOWED[route];
    expect(Object.keys(EXPECTED).filter((r) => !plainGet(r)).sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', async (route) => {
    const [method, pattern] = route.split(' ') as [string, string];
    const kind = /^\/api\/([a-z-]+)\/:id/.exec(pattern)?.[1];
    const path = kind ? pattern.replace(':id', ids[kind]!) : pattern;
    const allowed = new Set(EXPECTED[route]!.split(' '));
    const got: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const persona of PERSONAS) {
      if (allowed.has(persona)) {
        const call = (await ALLOWED[route]?.(persona)) ?? { status: 200 };
        const answer = await (call.client ?? clients.get(persona)!).request(method, call.path ?? path, call.body);
        expected[persona] = String(call.status);
        got[persona] = answer.status === call.status ? String(answer.status) : `${answer.status} ${JSON.stringify(answer.body?.detail ?? answer.body ?? '').slice(0, 200)}`;
      } else {
        // The demo object, and no body: the refusal comes before the route reads either.
        const status = (await clients.get(persona)!.request(method, path, method === 'GET' ? undefined : {})).status;
        expected[persona] = String(persona === 'anonymous' ? 401 : kind && !SEES[kind]!.includes(persona) ? 404 : 403);
        got[persona] = String(status);
      }
    }
    expect(got).toEqual(expected);
  });
});

describe('a supervisor', () => {
  it("reaches only the doctors they supervise: another doctor's checklist and assessments do not exist for them (404)", async () => {
    const supervisor = clients.get('supervisor')!;
    const others = (await ok(admin().request('GET', `/api/cohorts/${ids.cohorts}/doctors`))).filter((d: { uuid: string }) => d.uuid !== ids.doctors);
    expect(others.length).toBeGreaterThan(0);
    const other = others[0].uuid;
    expect((await supervisor.request('GET', `/api/doctors/${other}/checklist`)).status).toBe(404);
    expect((await supervisor.request('GET', `/api/doctors/${other}/assessments`)).status).toBe(404);
    expect((await supervisor.request('POST', `/api/doctors/${other}/assessments`, anAssessment())).status).toBe(404);
    const supervision = await ok(supervisor.request('GET', '/api/supervision'));
    expect(JSON.stringify(supervision)).toContain(ids.doctors);
    expect(JSON.stringify(supervision)).not.toContain(other);
    expect(await ok(clients.get('idleSupervisor')!.request('GET', '/api/supervision'))).toEqual([]);
  });
});
