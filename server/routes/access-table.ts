// The route table: every API route and who may call it. A route registered without a line
// here stops the app from building (and the authorization matrix test from passing).
//
// Each object rule also decides what a coordinator limited to some towns of the region may do
// (server/auth/access.ts): `coordinates` — their towns' part, the route filtering what it
// answers to their towns' doctors and sites (names of other doctors left out) and checking that
// what it writes is in their towns; `coordinatesRegion` — a whole-region task, 403 for them on a
// region-level object. Objects with a town (doctors, sites, and what is theirs) are judged by it
// either way. A new route on a region-level object must pick one.
import type { RequestHandler, Router } from 'express';
import type { DataSource } from 'typeorm';
import type { Rule, TownRule } from '../auth/access';
import { guard } from '../auth/access';
import type { Kind } from '../auth/scope';
import type { Role } from '../entities/user';

const PUBLIC: Rule = { access: 'public' };
const SIGNED_IN: Rule = { access: 'signed-in' };
const role = (...roles: Role[]): Rule => ({ access: 'role', roles });
const object = (kind: Kind, towns: TownRule, ...roles: Role[]): Rule => ({ access: 'object', kind, roles, towns });
const COORDINATION = ['admin', 'coordinator'] as const;
/** Admins and coordinators, town-limited ones for their towns' part. */
const coordinates = (kind: Kind) => object(kind, 'own', ...COORDINATION);
/** Admins and coordinators of the whole region. */
const coordinatesRegion = (kind: Kind) => object(kind, 'region', ...COORDINATION);

export const ACCESS: Record<string, Rule> = {
  'GET /api/health': PUBLIC,
  'GET /api/ready': PUBLIC,

  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'POST /api/auth/reset': PUBLIC,
  'GET /api/auth/me': SIGNED_IN,
  'POST /api/auth/password': SIGNED_IN,
  'GET /api/users': role('admin'),
  'POST /api/users': role('admin'),
  'POST /api/users/:id/reset-link': object('user', 'own', 'admin'),

  'GET /api/regions': role(...COORDINATION),
  'POST /api/regions': role('admin'),
  'GET /api/regions/:id': coordinates('region'),
  'PATCH /api/regions/:id': coordinatesRegion('region'),
  'DELETE /api/regions/:id': object('region', 'region', 'admin'),
  'GET /api/regions/:id/audit': coordinatesRegion('region'),
  'GET /api/regions/:id/occupancy': coordinates('region'),

  'GET /api/regions/:id/sites': coordinates('region'),
  'POST /api/regions/:id/sites': coordinates('region'),
  'GET /api/sites/:id': object('site', 'own', 'admin', 'coordinator', 'clinic'),
  'PATCH /api/sites/:id': coordinates('site'),
  'DELETE /api/sites/:id': coordinates('site'),
  'GET /api/sites/:id/incoming': object('site', 'own', 'admin', 'coordinator', 'clinic'),

  'GET /api/regions/:id/templates': coordinates('region'),
  'POST /api/regions/:id/templates': coordinatesRegion('region'),
  'GET /api/templates/:id': coordinates('template'),
  'PATCH /api/templates/:id': coordinatesRegion('template'),
  'DELETE /api/templates/:id': coordinatesRegion('template'),

  'GET /api/regions/:id/cohorts': coordinates('region'),
  'POST /api/regions/:id/cohorts': coordinatesRegion('region'),
  'POST /api/regions/:id/cohorts/import': coordinatesRegion('region'),
  'GET /api/cohorts/:id': coordinates('cohort'),
  'PATCH /api/cohorts/:id': coordinatesRegion('cohort'),
  'DELETE /api/cohorts/:id': coordinatesRegion('cohort'),
  'GET /api/cohorts/:id/problem': coordinates('cohort'),
  'POST /api/cohorts/:id/intake': coordinatesRegion('cohort'),

  'GET /api/cohorts/:id/doctors': coordinates('cohort'),
  'POST /api/cohorts/:id/doctors': coordinates('cohort'),
  'GET /api/doctors/:id': object('doctor', 'own', 'admin', 'coordinator', 'doctor'),
  'PATCH /api/doctors/:id': coordinates('doctor'),
  'DELETE /api/doctors/:id': coordinates('doctor'),
  'GET /api/doctors/:id/schedule': object('doctor', 'own', 'admin', 'coordinator', 'doctor'),
  'GET /api/doctors/:id/export': object('doctor', 'own', 'admin', 'coordinator', 'doctor'),
  'POST /api/doctors/:id/erase': coordinates('doctor'),

  'POST /api/doctors/:id/requests': object('doctor', 'own', 'admin', 'coordinator', 'doctor'),
  'GET /api/doctors/:id/requests': object('doctor', 'own', 'admin', 'coordinator', 'doctor'),
  'GET /api/cohorts/:id/requests': coordinates('cohort'),
  'POST /api/requests/:id/decision': coordinates('request'),

  'GET /api/cohorts/:id/plans': coordinates('cohort'),
  'POST /api/cohorts/:id/plans': coordinatesRegion('cohort'),
  'GET /api/plans/:id': coordinates('plan'),
  'DELETE /api/plans/:id': coordinatesRegion('plan'),
  'PUT /api/plans/:id/assignments': coordinates('plan'),
  'GET /api/plans/:id/diff': coordinates('plan'),
  'POST /api/plans/:id/publish': coordinatesRegion('plan'),
  'POST /api/plans/:id/archive': coordinatesRegion('plan'),

  'GET /api/doctors/:id/feed': object('doctor', 'own', 'admin', 'coordinator', 'doctor'),
  'POST /api/doctors/:id/feed': object('doctor', 'own', 'admin', 'coordinator', 'doctor'),
  'POST /api/doctors/:id/feed/renew': object('doctor', 'own', 'admin', 'coordinator', 'doctor'),
  'GET /api/sites/:id/feed': object('site', 'own', 'admin', 'coordinator', 'clinic'),
  'POST /api/sites/:id/feed': object('site', 'own', 'admin', 'coordinator', 'clinic'),
  'POST /api/sites/:id/feed/renew': object('site', 'own', 'admin', 'coordinator', 'clinic'),
  'GET /api/cohorts/:id/feed': coordinatesRegion('cohort'),
  'POST /api/cohorts/:id/feed': coordinatesRegion('cohort'),
  'POST /api/cohorts/:id/feed/renew': coordinatesRegion('cohort'),
  // A cohort's link (region-level) is the whole region's; a doctor's or a site's by its town.
  'DELETE /api/feeds/:id': object('feed', 'region', 'admin', 'coordinator', 'clinic', 'doctor'),
  'GET /api/doctors/:id/calendar.ics': object('doctor', 'own', 'admin', 'coordinator', 'doctor'),

  'GET /api/doctors/:id/checklist': object('doctor', 'own', 'admin', 'coordinator', 'doctor', 'supervisor'),
  'GET /api/doctors/:id/assessments': object('doctor', 'own', 'admin', 'coordinator', 'doctor', 'supervisor'),
  'POST /api/doctors/:id/assessments': object('doctor', 'own', 'admin', 'coordinator', 'supervisor'),
  'DELETE /api/assessments/:id': object('assessment', 'own', 'admin', 'coordinator', 'supervisor'),
  'GET /api/cohorts/:id/checklist': coordinates('cohort'),
  'GET /api/doctors/:id/supervisors': object('doctor', 'own', 'admin', 'coordinator', 'doctor'),
  'PUT /api/doctors/:id/supervisors': coordinates('doctor'),
  'GET /api/supervision': role('supervisor'),

  'GET /api/cohorts/:id/solver-runs': coordinates('cohort'),
  'POST /api/cohorts/:id/solver-runs': coordinatesRegion('cohort'),
  'GET /api/solver-runs/:id': coordinates('solver-run'),
  'POST /api/solver-runs/:id/cancel': coordinatesRegion('solver-run'),
};

type Handler = RequestHandler;
export type Routes = Record<'get' | 'post' | 'put' | 'patch' | 'delete', (path: string, ...handlers: Handler[]) => void>;

/** Registers routes on `router` (mounted at /api), each behind its rule from ACCESS. */
export function guardedRoutes(ds: DataSource, router: Router): Routes {
  const add = (method: keyof Routes) => (path: string, ...handlers: Handler[]) => {
    const key = `${method.toUpperCase()} /api${path}`;
    const rule = ACCESS[key];
    if (!rule) throw new Error(`route ${key} has no line in server/routes/access-table.ts`);
    router[method](path, guard(ds, rule), ...handlers);
  };
  return { get: add('get'), post: add('post'), put: add('put'), patch: add('patch'), delete: add('delete') };
}
