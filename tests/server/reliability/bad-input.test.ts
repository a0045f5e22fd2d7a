// Bad input never breaks the API: every route gets random and malformed ids, queries and
// bodies (and valid bodies with one field broken), wrong content types, invalid JSON, deep
// nesting and oversized bodies. The answer is a 2xx when the input happens to be valid, else a
// 4xx application/problem+json — never a 500 — and a refused request writes nothing (every
// table's rows are fingerprinted before and after).
//
// Every run uses the same seeds (FC_SEED, default 20260112, and the route): a failure shows its
// seed and path, and repeats with the same FC_SEED; another FC_SEED explores other inputs.
// DEBUG_BAD_INPUT=1 prints every request and answer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../../server/app';
import { MAX_JSON_DEPTH } from '../../../server/http/json-body';
import { loadDemoData } from '../../../server/db/demo-data';
import { ACCESS } from '../../../server/routes/access-table';
import { problemDetailsSchema } from '../../../shared/api/common';
import { aProblem } from '../../support/builders';
import { idSegment, mutationOf, queryMutationOf, randomQuery, hostileValue, toJsonText, deepArray, DEEP_LEVELS } from '../../support/bad-input';
import { changedTables, snapshotter, type Snapshot, type Snapshotter } from '../../support/db-snapshot';
import { startApi, type TestApi } from '../../support/api';

const SEED = Number(process.env.FC_SEED ?? 20260112);

/** Each route and property its own fixed seed (one seed for all would send every route the same ids). */
function seedFor(...parts: string[]): number {
  let hash = SEED | 0;
  for (const c of parts.join(' ')) hash = (Math.imul(hash, 31) + c.codePointAt(0)!) | 0;
  return hash;
}

/** Runs per route and property: about 40 requests a route, the file well under a minute on 2 cores. */
const RANDOM_RUNS = 14;
const MUTATION_RUNS = 26;

/** Stands for "the version the row has now" in an example; swapped in at send time so a mutation gets past the lock. */
const LIVE = 987_654_321;

type Kind = 'regions' | 'sites' | 'templates' | 'cohorts' | 'doctors' | 'plans' | 'solver-runs' | 'requests' | 'users' | 'feeds';
const TABLES: Partial<Record<Kind, string>> = { regions: 'regions', sites: 'sites', templates: 'templates', cohorts: 'cohorts', doctors: 'doctors', plans: 'plans', requests: 'doctor_requests' };

/** A route's valid input: the object `:id` names, a body and a query (a stale-proof version is LIVE). */
interface Example {
  id?: string;
  body?: unknown;
  query?: Record<string, string>;
  /** Tables a refusal writes on purpose (a failed sign-in counts towards the lockout). */
  refusalWrites?: string[];
  /** The session that sends it: the admin's unless given; null is signed out. */
  cookie?: string | null;
}

/**
 * Accounts of their own for the routes that sign in, change or reset a password: the lockout the
 * fuzz's wrong passwords cause, and the sessions it ends, touch no other route.
 */
const ACCOUNTS = {
  signIn: { email: 'sign-in@test.example', password: 'sign-in-password-123' },
  password: { email: 'password@test.example', password: 'password-password-123' },
  reset: { email: 'reset@test.example', password: 'reset-password-123' },
  supervisor: { email: 'supervisor@test.example', password: 'supervisor-password-123' },
};

let api: TestApi;
let snapshots: Snapshotter;
let baseline: Snapshot;
type Spare = 'regions' | 'sites' | 'templates' | 'cohorts' | 'doctors' | 'erasable' | 'plans' | 'archivable' | 'drafts' | 'assessments';
const ids = {} as Record<Kind, string> & Record<`spare-${Spare}`, string> & Record<'resetUser' | 'doctorCohort', string>;
let examples: Record<string, Example>;
/** What the examples are made of, read once from the demo data. */
let base: {
  siteBody: Record<string, unknown>;
  templateBody: Record<string, unknown>;
  doctorBody: Record<string, unknown>;
  cohortBody: Record<string, unknown>;
  assignments: unknown[];
  passwordCookie: string;
  /** A supervisor's session, for GET /api/supervision. */
  supervisorCookie: string;
  /** The server's today: an assessment is recorded once done. */
  today: string;
};
/** The token of the reset user's one live reset link. */
let resetToken: string;

const tally = { requests: 0, valid: 0, refused: 0, serverErrors: 0, partialWrites: 0, routes: new Set<string>() };
const started = Date.now();

const strip = <T extends Record<string, unknown>>(resource: T, ...keys: string[]) => Object.fromEntries(Object.entries(resource).filter(([k]) => !keys.includes(k)));

const get = async (path: string) => (await api.request('GET', path)).body;
const post = async (path: string, body?: unknown) => {
  const answer = await api.request('POST', path, body);
  if (answer.status >= 300) throw new Error(`setup: POST ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
};

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  const regions = await get('/api/regions');
  ids.regions = regions.find((r: { name: string }) => r.name === 'Region Kronoberg').uuid;
  const site = (await get(`/api/regions/${ids.regions}/sites`))[0];
  const template = (await get(`/api/regions/${ids.regions}/templates`))[0];
  const cohort = (await get(`/api/regions/${ids.regions}/cohorts`))[0];
  const doctor = (await get(`/api/cohorts/${cohort.uuid}/doctors`))[0];
  Object.assign(ids, { sites: site.uuid, templates: template.uuid, cohorts: cohort.uuid, doctors: doctor.uuid });
  const draft = await post(`/api/cohorts/${cohort.uuid}/plans`, { from: 'published' });
  ids.plans = draft.uuid;
  ids.users = (await get('/api/users')).find((u: { role: string }) => u.role === 'doctor').uuid;
  const coordinator = { role: 'coordinator' as const, regions: [ids.regions], sites: [] };
  await api.userClient({ ...ACCOUNTS.signIn, ...coordinator });
  const passwordUser = await api.userClient({ ...ACCOUNTS.password, ...coordinator });
  await api.userClient({ ...ACCOUNTS.reset, ...coordinator });
  const supervisor = await api.userClient({ ...ACCOUNTS.supervisor, role: 'supervisor', regions: [], sites: [] });
  const supervised = await api.request('PUT', `/api/doctors/${doctor.uuid}/supervisors`, SUPERVISORS);
  if (supervised.status !== 200) throw new Error(`setup: PUT supervisors → ${supervised.status} ${JSON.stringify(supervised.body)}`);
  ids.resetUser = (await get('/api/users')).find((u: { email: string }) => u.email === ACCOUNTS.reset.email).uuid;
  // New doctors join a cohort of their own: in the demo cohort they would lack placements in
  // its published plan, and a copy of that plan could not be published.
  ids.doctorCohort = (await post(`/api/regions/${ids.regions}/cohorts`, { ...strip(cohort, 'uuid', 'version', 'region', 'doctors'), name: 'Läkarkohort' })).uuid;
  base = {
    siteBody: strip(site, 'uuid', 'version'),
    templateBody: strip(template, 'uuid', 'version'),
    doctorBody: strip(doctor, 'uuid', 'version'),
    cohortBody: strip(cohort, 'uuid', 'version', 'region', 'doctors'),
    assignments: draft.assignments.map(({ doctor: d, block, site: s, from, to }: Record<string, unknown>) => ({ doctor: d, block, site: s, from, to })),
    passwordCookie: passwordUser.cookie!,
    supervisorCookie: supervisor.cookie!,
    today: (await get('/api/auth/me')).today,
  };
  await makeConsumables(1);
  snapshots = await snapshotter(api.dataSource);
  baseline = await snapshots.take();
}, 120_000);

/**
 * The objects a valid example uses up — deleted, erased, published, archived, cancelled, decided,
 * revoked, a one-time reset link — made anew for each round (1: the examples themselves; 2: the
 * fuzzing after them, whose valid mutations should still reach the handler), and the examples
 * that name them. Spares keep the demo objects the other routes use.
 */
async function makeConsumables(round: number): Promise<void> {
  const { siteBody, templateBody, doctorBody, cohortBody } = base;
  const cohort = ids.cohorts;
  const published = (await get(`/api/cohorts/${cohort}/plans`)).find((p: { status: string }) => p.status === 'published');
  ids['solver-runs'] = (await post(`/api/cohorts/${cohort}/solver-runs`, { timeLimit: 5 })).uuid;
  ids.requests = (await post(`/api/doctors/${ids.doctors}/requests`, { kind: 'wish', wish: { block: 'pc', weight: 1 } })).uuid;
  ids.feeds = (await post(`/api/doctors/${ids.doctors}/feed`)).uuid;
  // A link for the site's and the cohort's GET to show.
  await post(`/api/sites/${ids.sites}/feed`);
  await post(`/api/cohorts/${cohort}/feed`);
  ids['spare-regions'] = (await post('/api/regions', { name: `Reservregion ${round}` })).uuid;
  ids['spare-sites'] = (await post(`/api/regions/${ids.regions}/sites`, { ...siteBody, id: `spare-site-${round}` })).uuid;
  ids['spare-templates'] = (await post(`/api/regions/${ids.regions}/templates`, { ...templateBody, name: `Reservmall ${round}` })).uuid;
  ids['spare-cohorts'] = (await post(`/api/regions/${ids.regions}/cohorts`, { ...cohortBody, name: `Reservkohort ${round}` })).uuid;
  ids['spare-doctors'] = (await post(`/api/cohorts/${ids.doctorCohort}/doctors`, { ...doctorBody, id: `spare-doctor-${round}` })).uuid;
  ids['spare-erasable'] = (await post(`/api/cohorts/${ids.doctorCohort}/doctors`, { ...doctorBody, id: `spare-erasable-${round}` })).uuid;
  ids['spare-plans'] = (await post(`/api/cohorts/${cohort}/plans`, { from: 'published' })).uuid;
  ids['spare-archivable'] = (await post(`/api/cohorts/${cohort}/plans`, { from: 'published' })).uuid;
  ids['spare-drafts'] = (await post(`/api/cohorts/${cohort}/plans`, { from: 'version', plan: published.uuid })).uuid;
  ids['spare-assessments'] = (await post(`/api/doctors/${ids.doctors}/assessments`, anAssessment())).uuid;
  resetToken = (await post(`/api/users/${ids.resetUser}/reset-link`)).link.split('#')[1];
  examples = examplesNow(published.uuid);
}

const anAssessment = () => ({ kind: 'mini-cex', date: base.today, assessor: 'Handledare Test', block: 'pc', note: 'Genomförd på akuten' });
/** The supervisor account supervises the doctor in one block. */
const SUPERVISORS = { supervisors: [{ block: 'pc', name: 'Handledare Test', email: ACCOUNTS.supervisor.email }] };

function examplesNow(publishedPlan: string): Record<string, Example> {
  const { siteBody, templateBody, doctorBody, cohortBody, assignments } = base;
  const version = { version: LIVE };
  const versionQuery = { version: String(LIVE) };
  return {
    'GET /api/health': {},
    'GET /api/ready': {},
    // A refused sign-in is counted per email and per address.
    'POST /api/auth/login': { body: ACCOUNTS.signIn, refusalWrites: ['login_attempts', 'rate_limits'] },
    // Signed out: signing out would end the admin's session for the other routes.
    'POST /api/auth/logout': { cookie: null },
    'POST /api/auth/reset': { body: { token: resetToken, password: 'a-new-password-123' } },
    'GET /api/auth/me': {},
    // The same password again: the example stays valid after it is sent. A wrong current password
    // counts like a failed sign-in, and the fifth ends the account's sessions.
    'POST /api/auth/password': {
      body: { current: ACCOUNTS.password.password, password: ACCOUNTS.password.password },
      cookie: base.passwordCookie,
      refusalWrites: ['login_attempts', 'sessions'],
    },
    'GET /api/users': {},
    // Limited to a town of the region: `towns` gets its share of broken values too.
    'POST /api/users': { body: { email: 'fuzz@test.example', password: 'fuzz-password-123', role: 'coordinator', regions: [ids.regions], sites: [], towns: [siteBody.town] } },
    'POST /api/users/:id/reset-link': { id: ids.users },
    'GET /api/regions': {},
    'POST /api/regions': { body: { name: 'Region Fuzz' } },
    'GET /api/regions/:id': { id: ids.regions },
    'PATCH /api/regions/:id': { id: ids.regions, body: { name: 'Region Kronoberg', ...version } },
    'DELETE /api/regions/:id': { id: ids['spare-regions'], query: versionQuery },
    'GET /api/regions/:id/audit': { id: ids.regions },
    'GET /api/regions/:id/occupancy': { id: ids.regions },
    'GET /api/regions/:id/sites': { id: ids.regions },
    'POST /api/regions/:id/sites': { id: ids.regions, body: { ...siteBody, id: 'fuzz-site', overrides: [{ from: '2026-06-22', to: '2026-08-17', capacity: 0 }], address: 'Storgatan 1' } },
    'GET /api/sites/:id': { id: ids.sites },
    'PATCH /api/sites/:id': { id: ids.sites, body: { ...siteBody, ...version } },
    'DELETE /api/sites/:id': { id: ids['spare-sites'], query: versionQuery },
    'GET /api/sites/:id/incoming': { id: ids.sites, query: { from: '2026-01-12' } },
    'GET /api/regions/:id/templates': { id: ids.regions },
    'POST /api/regions/:id/templates': { id: ids.regions, body: { ...templateBody, name: 'Fuzzmall' } },
    'GET /api/templates/:id': { id: ids.templates },
    'PATCH /api/templates/:id': { id: ids.templates, body: { ...templateBody, ...version } },
    'DELETE /api/templates/:id': { id: ids['spare-templates'], query: versionQuery },
    'GET /api/regions/:id/cohorts': { id: ids.regions },
    'POST /api/regions/:id/cohorts': { id: ids.regions, body: { ...cohortBody, name: 'Fuzzkohort', kollegiumMonths: [6] } },
    'POST /api/regions/:id/cohorts/import': { id: ids.regions, body: { name: 'Fuzzimport', problem: aProblem() } },
    'GET /api/cohorts/:id': { id: ids.cohorts },
    'PATCH /api/cohorts/:id': { id: ids.cohorts, body: { ...cohortBody, ...version } },
    'DELETE /api/cohorts/:id': { id: ids['spare-cohorts'], query: versionQuery },
    'GET /api/cohorts/:id/problem': { id: ids.cohorts },
    'POST /api/cohorts/:id/intake': { id: ids.cohorts, body: { name: 'Fuzzintag', start: '2027-01-11', copyDoctors: true } },
    'GET /api/cohorts/:id/doctors': { id: ids.cohorts },
    'POST /api/cohorts/:id/doctors': { id: ids.doctorCohort, body: { ...doctorBody, id: 'fuzz-doctor', absences: [{ first: '2026-09-07', last: '2026-10-02', reason: 'Föräldraledighet' }], pins: [], wishes: [{ block: 'pc', weight: 2 }] } },
    'GET /api/doctors/:id': { id: ids.doctors },
    'PATCH /api/doctors/:id': { id: ids.doctors, body: { ...doctorBody, ...version } },
    'DELETE /api/doctors/:id': { id: ids['spare-doctors'], query: versionQuery },
    'GET /api/doctors/:id/schedule': { id: ids.doctors },
    'GET /api/doctors/:id/export': { id: ids.doctors },
    'POST /api/doctors/:id/erase': { id: ids['spare-erasable'], body: version },
    'POST /api/doctors/:id/requests': { id: ids.doctors, body: { kind: 'leave', leave: { first: '2026-09-07', last: '2026-09-11', reason: 'Kurs' } } },
    'GET /api/doctors/:id/requests': { id: ids.doctors },
    'GET /api/cohorts/:id/requests': { id: ids.cohorts, query: { status: 'pending' } },
    'POST /api/requests/:id/decision': { id: ids.requests, body: { decision: 'reject', ...version } },
    'GET /api/cohorts/:id/plans': { id: ids.cohorts },
    'POST /api/cohorts/:id/plans': { id: ids.cohorts, body: { from: 'empty' } },
    'GET /api/plans/:id': { id: ids.plans },
    'DELETE /api/plans/:id': { id: ids['spare-drafts'], query: versionQuery },
    'PUT /api/plans/:id/assignments': { id: ids.plans, body: { ...version, assignments } },
    'GET /api/plans/:id/diff': { id: ids.plans, query: { against: publishedPlan } },
    'POST /api/plans/:id/publish': { id: ids['spare-plans'], body: version },
    'POST /api/plans/:id/archive': { id: ids['spare-archivable'], body: version },
    'GET /api/doctors/:id/feed': { id: ids.doctors },
    'POST /api/doctors/:id/feed': { id: ids.doctors },
    'POST /api/doctors/:id/feed/renew': { id: ids.doctors },
    'GET /api/sites/:id/feed': { id: ids.sites },
    'POST /api/sites/:id/feed': { id: ids.sites },
    'POST /api/sites/:id/feed/renew': { id: ids.sites },
    'GET /api/cohorts/:id/feed': { id: ids.cohorts },
    'POST /api/cohorts/:id/feed': { id: ids.cohorts },
    'POST /api/cohorts/:id/feed/renew': { id: ids.cohorts },
    'DELETE /api/feeds/:id': { id: ids.feeds },
    'GET /api/doctors/:id/calendar.ics': { id: ids.doctors },
    'GET /api/doctors/:id/checklist': { id: ids.doctors },
    'GET /api/doctors/:id/assessments': { id: ids.doctors },
    'POST /api/doctors/:id/assessments': { id: ids.doctors, body: anAssessment() },
    'DELETE /api/assessments/:id': { id: ids['spare-assessments'] },
    'GET /api/cohorts/:id/checklist': { id: ids.cohorts },
    'GET /api/doctors/:id/supervisors': { id: ids.doctors },
    'PUT /api/doctors/:id/supervisors': { id: ids.doctors, body: SUPERVISORS },
    'GET /api/supervision': { cookie: base.supervisorCookie },
    'GET /api/cohorts/:id/solver-runs': { id: ids.cohorts },
    'POST /api/cohorts/:id/solver-runs': { id: ids.cohorts, body: { timeLimit: 5, seed: 7, variants: 2, frozenBefore: '2026-03-02' } },
    'GET /api/solver-runs/:id': { id: ids['solver-runs'] },
    'POST /api/solver-runs/:id/cancel': { id: ids['solver-runs'] },
  };
}

afterAll(async () => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `bad input: ${tally.requests.toLocaleString('sv-SE')} requests over ${tally.routes.size} routes (${tally.valid} valid 2xx, ${tally.refused} refused 4xx), ` +
      `${tally.serverErrors} × 500, ${tally.partialWrites} partial writes, ${seconds} s, seed ${SEED}`,
  );
  await api?.close();
});

interface Attempt {
  route: string;
  /** The `:id` segment, already URL-encoded (or deliberately malformed). */
  id?: string;
  query?: string;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/** The version the object has now, for an example's LIVE. */
async function liveVersion(route: string, id: string): Promise<number> {
  const kind = /^\w+ \/api\/([a-z-]+)\/:id/.exec(route)?.[1] as Kind | undefined;
  const table = kind && TABLES[kind];
  if (!table) return LIVE;
  const [row] = await api.dataSource.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  return row?.version ?? LIVE;
}

/** Sends one request and checks the answer: 2xx, or a 4xx problem+json that changed no table. */
async function attempt({ route, id, query, body, headers = {} }: Attempt): Promise<{ status: number; detail?: string }> {
  const [method, pattern] = route.split(' ') as [string, string];
  const example: Example = examples[route] ?? {};
  let path = pattern.replace(':id', id ?? '');
  let text = body;
  if (id === example.id && example.id && (typeof body === 'string' || query)) {
    const version = String(await liveVersion(route, example.id));
    if (typeof text === 'string') text = text.replace(`"version":${LIVE}`, `"version":${version}`);
    if (query) query = query.replace(`version=${LIVE}`, `version=${version}`);
  }
  if (query) path += `?${query}`;
  const cookie = example.cookie === undefined ? api.cookie : example.cookie;
  const init: RequestInit & { duplex?: 'half' } = {
    method,
    headers: { ...(typeof text === 'string' ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie: `bt_session=${cookie}` } : {}), ...headers },
    ...(text === undefined ? {} : { body: text, duplex: 'half' }),
  };
  const res = await fetch(`${api.base}${path}`, init);
  const answer = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const after = await snapshots.take(baseline);
  tally.requests += 1;
  if (process.env.DEBUG_BAD_INPUT) console.log(`${res.status} ${method} ${path.slice(0, 120)} ${typeof text === 'string' ? text.slice(0, 200) : ''} → ${answer.slice(0, 200)}`);
  tally.routes.add(route);
  const where = `${method} ${path.slice(0, 300)}${path.length > 300 ? '…' : ''} → ${res.status}`;
  if (res.status >= 500) tally.serverErrors += 1;
  expect(res.status, `${where} ${answer.slice(0, 500)}`).toBeLessThan(500);
  if (res.status < 300) {
    tally.valid += 1;
    baseline = after;
    return { status: res.status };
  }
  tally.refused += 1;
  expect(res.status, where).toBeGreaterThanOrEqual(400);
  expect(type, where).toMatch(/^application\/problem\+json/);
  const problem = problemDetailsSchema.safeParse(JSON.parse(answer));
  expect(problem.success, `${where}: not problem details: ${answer.slice(0, 300)}`).toBe(true);
  expect(problem.data!.status, where).toBe(res.status);
  const changed = changedTables(baseline, after, example.refusalWrites);
  baseline = after;
  if (changed.length) tally.partialWrites += 1;
  expect(changed, `${where} wrote to ${changed.join(', ')}`).toEqual([]);
  return { status: res.status, detail: problem.data!.detail };
}

const ROUTES = Object.keys(ACCESS);
const hasBody = (route: string) => !route.startsWith('GET ');
const allIds = () => Object.values(ids);
/** Destructive routes only ever get spares and unknown ids, so the other routes keep their objects. */
const idPool = (route: string) => (/^DELETE |\/(erase|publish|archive)$/.test(route) ? Object.entries(ids).filter(([k]) => k.startsWith('spare-')).map(([, v]) => v) : allIds());

/** A body of random JSON, often an object with the route's own keys and hostile values. */
function randomBody(keys: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.dictionary(fc.oneof(fc.constantFrom('version', 'name', 'id', ...keys), fc.string({ maxLength: 10 })), hostileValue, { maxKeys: 6 }),
    fc.jsonValue({ maxDepth: 4 }),
    fc.anything({ maxDepth: 3 }),
  );
}

describe('the harness', () => {
  it('has an example for every route in the access table', () => {
    expect(Object.keys(examples).sort()).toEqual([...ROUTES].sort());
  });

  it('sees a committed write in the snapshot, also on the fast path from the previous one', async () => {
    const before = await snapshots.take();
    await api.dataSource.query(`UPDATE regions SET name = name || '!' WHERE id = $1`, [ids.regions]);
    const after = await snapshots.take(before);
    await api.dataSource.query(`UPDATE regions SET name = left(name, -1) WHERE id = $1`, [ids.regions]);
    expect(changedTables(before, after)).toEqual(['regions (changed)']);
    baseline = await snapshots.take(after);
    expect(changedTables(before, baseline)).toEqual([]);
  });
});

// First, while every example's object still exists (later a valid DELETE may remove a spare).
describe('queries with repeated and bracketed keys', () => {
  const withQuery = () => ROUTES.filter((r) => examples[r]!.query);

  it.for(ROUTES.filter((r) => /^(GET|DELETE) /.test(r)))('%s', async (route, { skip }) => {
    const example = examples[route]!;
    if (!withQuery().includes(route)) return skip();
    const [key, value] = Object.entries(example.query!)[0]!;
    for (const query of [`${key}=${value}&${key}=${value}`, `${key}[]=${value}`, `${key}[a]=${value}`, `${key}=`, `${key}=${value}&x=1`]) {
      expect((await attempt({ route, id: example.id, query })).status, `${route}?${query}`).toBe(400);
    }
  });
});

// Before the fuzzing, while each example's objects are as the example expects (later a valid
// mutation may have made its name taken or used up its spare): each example is accepted, so its
// mutations test one broken part at a time. What they use up is made anew for the fuzzing.
describe('the examples themselves', () => {
  it.for(ROUTES)('%s is valid input', async (route) => {
    const example = examples[route]!;
    const { status } = await attempt({ route, id: example.id, body: toJsonText(example.body), query: example.query && new URLSearchParams(example.query).toString() });
    expect(status, route).toBeGreaterThanOrEqual(200);
    expect(status, route).toBeLessThan(300);
  });

  afterAll(async () => {
    await makeConsumables(2);
    baseline = await snapshots.take();
  });
});

describe('random ids, queries and bodies', () => {
  it.each(ROUTES)('%s', async (route) => {
    const example = examples[route]!;
    const keys = example.body && typeof example.body === 'object' ? Object.keys(example.body) : [];
    const needsId = route.includes(':id');
    await fc.assert(
      fc.asyncProperty(
        needsId ? idSegment(example.id, idPool(route)) : fc.constant(undefined),
        randomQuery,
        hasBody(route) ? fc.option(randomBody(keys), { freq: 5 }) : fc.constant(null),
        async (id, query, body) => {
          await attempt({ route, id, query, body: body === null ? undefined : toJsonText(body) });
        },
      ),
      { numRuns: RANDOM_RUNS, seed: seedFor(route, 'random') },
    );
  });
});

describe('a valid body or query with one part broken', () => {
  const mutable = () => ROUTES.filter((r) => examples[r]!.body !== undefined || examples[r]!.query !== undefined);

  it.for(ROUTES)('%s', async (route, { skip }) => {
    if (!mutable().includes(route)) return skip();
    const example = examples[route]!;
    const body = example.body !== undefined ? mutationOf(example.body).map(toJsonText) : fc.constant(undefined);
    const query = example.query ? queryMutationOf(example.query) : fc.constant(undefined);
    // Break the body or the query, never both: the answer then says what is wrong with the one.
    const input = example.body !== undefined && example.query
      ? fc.oneof(body.map((b) => ({ body: b, query: new URLSearchParams(example.query).toString() })), query.map((q) => ({ body: toJsonText(example.body), query: q })))
      : fc.record({ body, query: example.query ? query : fc.constant(undefined) });
    await fc.assert(
      fc.asyncProperty(input, async ({ body: text, query: q }) => {
        await attempt({ route, id: example.id, query: q, body: text });
      }),
      { numRuns: MUTATION_RUNS, seed: seedFor(route, 'mutation') },
    );
  });
});

/** Bytes of BODY_LIMIT ('5mb' → 5 MiB, as body-parser reads it). */
function limitBytes(limit: string): number {
  const m = /^(\d+)(kb|mb)$/i.exec(limit);
  if (!m) throw new Error(`BODY_LIMIT ${limit}: expected <n>kb or <n>mb`);
  return Number(m[1]) * (m[2]!.toLowerCase() === 'mb' ? 1024 * 1024 : 1024);
}

describe('bodies the JSON parser must refuse', () => {
  const json = { 'content-type': 'application/json' };
  const oversized = () => `{"name":"${'x'.repeat(limitBytes(BODY_LIMIT))}"}`;
  const CASES: { name: string; status: number; headers: Record<string, string>; body: () => BodyInit }[] = [
    { name: 'text/plain', status: 415, headers: { 'content-type': 'text/plain' }, body: () => '{"name":"x"}' },
    { name: 'form-urlencoded', status: 415, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: () => 'name=x&version=1' },
    { name: 'multipart', status: 415, headers: { 'content-type': 'multipart/form-data; boundary=b' }, body: () => '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--\r\n' },
    { name: 'no content type', status: 415, headers: {}, body: () => new TextEncoder().encode('{"name":"x"}') },
    { name: 'a charset that is not UTF', status: 415, headers: { 'content-type': 'application/json; charset=latin1' }, body: () => '{"name":"x"}' },
    { name: 'an unknown content encoding', status: 415, headers: { ...json, 'content-encoding': 'compress' }, body: () => '{"name":"x"}' },
    { name: 'gzip that is not gzip', status: 400, headers: { ...json, 'content-encoding': 'gzip' }, body: () => '{"name":"x"}' },
    { name: 'invalid JSON', status: 400, headers: json, body: () => '{"name": ' },
    { name: 'JSON and then garbage', status: 400, headers: json, body: () => '{"name":"x"} trailing' },
    { name: 'a bare JSON string', status: 400, headers: json, body: () => '"name"' },
    { name: `${DEEP_LEVELS} levels deep`, status: 400, headers: json, body: () => deepArray.text },
    { name: `over BODY_LIMIT (${BODY_LIMIT})`, status: 413, headers: json, body: oversized },
  ];

  it.each(ROUTES.filter(hasBody))('%s', async (route) => {
    const example = examples[route]!;
    for (const c of CASES) {
      const { status } = await attempt({ route, id: example.id, body: c.body(), headers: c.headers });
      expect(status, `${route} with ${c.name}`).toBe(c.status);
    }
  });

  it('refuses an oversized body sent in chunks, without a length, with 413 too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"name":"'));
        if (sent > limitBytes(BODY_LIMIT)) {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    expect((await attempt({ route: 'POST /api/regions', body, headers: { 'content-type': 'application/json' } })).status).toBe(413);
  });

  it('takes a body of exactly BODY_LIMIT bytes to validation (400, not 413)', async () => {
    const text = `{"name":"${'x'.repeat(limitBytes(BODY_LIMIT) - '{"name":""}'.length)}"}`;
    expect(text.length).toBe(limitBytes(BODY_LIMIT));
    expect((await attempt({ route: 'POST /api/regions', body: text })).status).toBe(400);
  });

  it(`counts nesting outside strings only, and allows ${MAX_JSON_DEPTH} levels`, async () => {
    const nested = (levels: number) => `{"name":"x","a":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    const atLimit = await attempt({ route: 'POST /api/regions', body: nested(MAX_JSON_DEPTH) });
    expect(atLimit).toEqual({ status: 400, detail: '(root): Unknown field: "a"' });
    const over = await attempt({ route: 'POST /api/regions', body: nested(MAX_JSON_DEPTH + 1) });
    expect(over).toEqual({ status: 400, detail: `the body nests deeper than ${MAX_JSON_DEPTH} levels` });
    // Two million levels in 4 MB: JSON.parse alone would hold the event loop for seconds.
    const extreme = await attempt({ route: 'POST /api/regions', body: '['.repeat(2_000_000) + ']'.repeat(2_000_000) });
    expect(extreme).toEqual({ status: 400, detail: `the body nests deeper than ${MAX_JSON_DEPTH} levels` });
    const inString = await attempt({ route: 'POST /api/regions', body: JSON.stringify({ name: `[{\\"${'['.repeat(150)}` }) });
    expect(inString.status).toBe(201);
  });
});

describe('the public calendar route', () => {
  it('answers a malformed or unknown feed name with 400 or 404 problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(idSegment(undefined, allIds()), fc.constantFrom('A'.repeat(43), `${'A'.repeat(43)}.ics`, `${'A'.repeat(42)}%00.ics`, '..%2F.ics', '.ics')), async (file) => {
        const { status } = await attempt({ route: 'GET /cal/:id', id: file });
        expect([400, 404]).toContain(status);
      }),
      { numRuns: RANDOM_RUNS, seed: seedFor('GET /cal/:id') },
    );
  });
});
