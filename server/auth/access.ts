// Authorization by route: each route names who may call it. Roles reach objects through
// their scope — an admin everything, a coordinator the objects of their regions, a clinic user
// their sites, a doctor their own record, a supervisor the doctors whose placements they supervise. Outside one's scope an object does not exist (404);
// within it, a call the role may not make is 403; without a session 401.
import type { Request, RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { uuidSchema } from '../../shared/api/common';
import type { Role } from '../entities/user';
import { HttpError, notFound } from '../http/errors';
import type { Principal } from './principal';
import { scopeOf, type Kind, type Scope } from './scope';

export type Rule =
  | { access: 'public' }
  | { access: 'signed-in' }
  /** No object: the role decides (e.g. creating a region). */
  | { access: 'role'; roles: Role[] }
  /** The object named by `:id`, of this kind. */
  | { access: 'object'; kind: Kind; roles: Role[] };

export const unauthenticated = () => new HttpError(401, 'Unauthorized', 'sign in first');
export const forbidden = () => new HttpError(403, 'Forbidden', 'your role may not do this');

export function principalOf(req: Request): Principal | undefined {
  return req.res?.locals.principal as Principal | undefined;
}

export function allows(principal: Principal, role: Role, scope: Scope): boolean {
  if (principal.role !== role) return false;
  switch (role) {
    case 'admin':
      return true;
    case 'coordinator':
      return scope.regionId !== null && principal.regions.has(scope.regionId);
    case 'clinic':
      return scope.siteId !== undefined && principal.sites.has(scope.siteId);
    case 'doctor':
      return scope.doctorId !== undefined && scope.doctorId === principal.doctorId;
    case 'supervisor':
      return scope.doctorId !== undefined && principal.supervises.has(scope.doctorId);
  }
}

/** The object is within the principal's reach at all (so a refusal is 403, not 404). */
function sees(principal: Principal, scope: Scope): boolean {
  return allows(principal, principal.role, scope);
}

export function guard(ds: DataSource, rule: Rule): RequestHandler {
  return async (req, _res, next) => {
    if (rule.access === 'public') return next();
    const principal = principalOf(req);
    if (!principal) throw unauthenticated();
    if (rule.access === 'signed-in') return next();
    if (rule.access === 'role') {
      if (!rule.roles.includes(principal.role)) throw forbidden();
      return next();
    }
    const id = uuidSchema.safeParse(req.params.id);
    if (!id.success) return next(); // the route's own parsing answers 400
    const scope = await scopeOf(ds.manager, rule.kind, id.data);
    if (!scope) throw notFound(rule.kind);
    if (rule.roles.some((role) => allows(principal, role, scope))) return next();
    throw sees(principal, scope) ? forbidden() : notFound(rule.kind);
  };
}
