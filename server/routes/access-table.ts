// The route table: every API route and who may call it. A route registered without a line
// here stops the app from building (and the authorization matrix test from passing).
import type { RequestHandler, Router } from 'express';
import type { DataSource } from 'typeorm';
import type { Rule } from '../auth/access';
import { guard } from '../auth/access';
import type { Kind } from '../auth/scope';
import type { Role } from '../entities/user';

const PUBLIC: Rule = { access: 'public' };
const SIGNED_IN: Rule = { access: 'signed-in' };
const role = (...roles: Role[]): Rule => ({ access: 'role', roles });
const object = (kind: Kind, ...roles: Role[]): Rule => ({ access: 'object', kind, roles });
const COORDINATION = ['admin', 'coordinator'] as const;
const coordinates = (kind: Kind) => object(kind, ...COORDINATION);

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
  'POST /api/users/:id/reset-link': object('user', 'admin'),

  'GET /api/regions': role(...COORDINATION),
  'POST /api/regions': role('admin'),
  'GET /api/regions/:id': coordinates('region'),
  'PATCH /api/regions/:id': coordinates('region'),
  'DELETE /api/regions/:id': object('region', 'admin'),
  'GET /api/regions/:id/audit': coordinates('region'),
  'GET /api/regions/:id/occupancy': coordinates('region'),

  'GET /api/regions/:id/sites': coordinates('region'),
  'POST /api/regions/:id/sites': coordinates('region'),
  'GET /api/sites/:id': object('site', 'admin', 'coordinator', 'clinic'),
  'PATCH /api/sites/:id': coordinates('site'),
  'DELETE /api/sites/:id': coordinates('site'),
  'GET /api/sites/:id/incoming': object('site', 'admin', 'coordinator', 'clinic'),

  'GET /api/regions/:id/templates': coordinates('region'),
  'POST /api/regions/:id/templates': coordinates('region'),
  'GET /api/templates/:id': coordinates('template'),
  'PATCH /api/templates/:id': coordinates('template'),
  'DELETE /api/templates/:id': coordinates('template'),

  'GET /api/regions/:id/cohorts': coordinates('region'),
  'POST /api/regions/:id/cohorts': coordinates('region'),
  'POST /api/regions/:id/cohorts/import': coordinates('region'),
  'GET /api/cohorts/:id': coordinates('cohort'),
  'PATCH /api/cohorts/:id': coordinates('cohort'),
  'DELETE /api/cohorts/:id': coordinates('cohort'),
  'GET /api/cohorts/:id/problem': coordinates('cohort'),
  'POST /api/cohorts/:id/intake': coordinates('cohort'),

  'GET /api/cohorts/:id/doctors': coordinates('cohort'),
  'POST /api/cohorts/:id/doctors': coordinates('cohort'),
  'GET /api/doctors/:id': object('doctor', 'admin', 'coordinator', 'doctor'),
  'PATCH /api/doctors/:id': coordinates('doctor'),
  'DELETE /api/doctors/:id': coordinates('doctor'),
  'GET /api/doctors/:id/schedule': object('doctor', 'admin', 'coordinator', 'doctor'),
  'GET /api/doctors/:id/export': object('doctor', 'admin', 'coordinator', 'doctor'),
  'POST /api/doctors/:id/erase': coordinates('doctor'),

  'POST /api/doctors/:id/requests': object('doctor', 'admin', 'coordinator', 'doctor'),
  'GET /api/doctors/:id/requests': object('doctor', 'admin', 'coordinator', 'doctor'),
  'GET /api/cohorts/:id/requests': coordinates('cohort'),
  'POST /api/requests/:id/decision': coordinates('request'),

  'GET /api/cohorts/:id/plans': coordinates('cohort'),
  'POST /api/cohorts/:id/plans': coordinates('cohort'),
  'GET /api/plans/:id': coordinates('plan'),
  'DELETE /api/plans/:id': coordinates('plan'),
  'PUT /api/plans/:id/assignments': coordinates('plan'),
  'GET /api/plans/:id/diff': coordinates('plan'),
  'POST /api/plans/:id/publish': coordinates('plan'),
  'POST /api/plans/:id/archive': coordinates('plan'),

  'GET /api/doctors/:id/feed': object('doctor', 'admin', 'coordinator', 'doctor'),
  'POST /api/doctors/:id/feed': object('doctor', 'admin', 'coordinator', 'doctor'),
  'POST /api/doctors/:id/feed/renew': object('doctor', 'admin', 'coordinator', 'doctor'),
  'GET /api/sites/:id/feed': object('site', 'admin', 'coordinator', 'clinic'),
  'POST /api/sites/:id/feed': object('site', 'admin', 'coordinator', 'clinic'),
  'POST /api/sites/:id/feed/renew': object('site', 'admin', 'coordinator', 'clinic'),
  'GET /api/cohorts/:id/feed': coordinates('cohort'),
  'POST /api/cohorts/:id/feed': coordinates('cohort'),
  'POST /api/cohorts/:id/feed/renew': coordinates('cohort'),
  'DELETE /api/feeds/:id': object('feed', 'admin', 'coordinator', 'clinic', 'doctor'),
  'GET /api/doctors/:id/calendar.ics': object('doctor', 'admin', 'coordinator', 'doctor'),

  'GET /api/doctors/:id/checklist': object('doctor', 'admin', 'coordinator', 'doctor', 'supervisor'),
  'GET /api/doctors/:id/assessments': object('doctor', 'admin', 'coordinator', 'doctor', 'supervisor'),
  'POST /api/doctors/:id/assessments': object('doctor', 'admin', 'coordinator', 'supervisor'),
  'DELETE /api/assessments/:id': object('assessment', 'admin', 'coordinator', 'supervisor'),
  'GET /api/cohorts/:id/checklist': coordinates('cohort'),
  'GET /api/doctors/:id/supervisors': object('doctor', 'admin', 'coordinator', 'doctor'),
  'PUT /api/doctors/:id/supervisors': coordinates('doctor'),
  'GET /api/supervision': role('supervisor'),

  'GET /api/cohorts/:id/solver-runs': coordinates('cohort'),
  'POST /api/cohorts/:id/solver-runs': coordinates('cohort'),
  'GET /api/solver-runs/:id': coordinates('solver-run'),
  'POST /api/solver-runs/:id/cancel': coordinates('solver-run'),
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
