// Authorization by route: each route names who may call it. Roles reach objects through
// their scope — an admin everything, a coordinator the objects of their regions, a clinic user
// their sites, a doctor their own record, a supervisor the doctors whose placements they
// supervise. Outside one's scope an object does not exist (404); within it, a call the role may
// not make is 403; without a session 401.
//
// Towns. A coordinator may be limited to some towns of a region (user_regions.towns). Objects
// with a town — a doctor and what is the doctor's (request, assessment, calendar link), by the
// doctor's home town; a site and its calendar link, by the site's town — are theirs only in
// those towns; elsewhere they do not exist (404), and a doctor without a home town is outside
// every limit. Region-level objects (region, template, cohort, plan, solver run) they see, and
// every rule says what a town-limited coordinator may do there (Rule.towns):
//   'own'    — the route serves them their towns' part: reads filter lists to their towns' doctors
//              and sites and show other doctors without names (counts and codes), writes check
//              that what they create or change is in their towns (townsOf, refuseOtherTowns);
//   'region' — a whole-region task (publish, solve, templates, audit log…): 403.
import type { Request, RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { PROBLEM_TYPES, uuidSchema } from '../../shared/api/common';
import type { Role } from '../entities/user';
import { HttpError, notFound } from '../http/errors';
import type { Principal } from './principal';
import { scopeOf, type Kind, type Scope } from './scope';

export type Rule =
  | { access: 'public' }
  | { access: 'signed-in' }
  /** No object: the role decides (e.g. creating a region). */
  | { access: 'role'; roles: Role[] }
  /** The object named by `:id`, of this kind; `towns`: what a town-limited coordinator may do (above). */
  | { access: 'object'; kind: Kind; roles: Role[]; towns: TownRule };

export type TownRule = 'own' | 'region';

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
    case 'coordinator': {
      if (scope.regionId === null || !principal.regions.has(scope.regionId)) return false;
      const towns = principal.towns.get(scope.regionId);
      if (!towns || scope.town === undefined) return true;
      return scope.town !== null && towns.has(scope.town);
    }
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
  return async (req, res, next) => {
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
    res.locals.scope = scope;
    if (rule.roles.some((role) => allows(principal, role, scope))) {
      // An object with a town was judged by it above; a region-level one is the whole region's.
      if (rule.towns === 'region' && scope.town === undefined && townLimit(principal, scope) !== undefined) throw wholeRegionOnly();
      return next();
    }
    throw sees(principal, scope) ? forbidden() : notFound(rule.kind);
  };
}

export const wholeRegionOnly = () =>
  new HttpError(403, 'Forbidden', 'your account is limited to towns of the region: this is for a coordinator of the whole region', PROBLEM_TYPES.townsOnly);

/** The towns a coordinator is limited to in the scope's region; undefined when not limited (any other role, or the whole region). */
export function townLimit(principal: Principal, scope: Scope): ReadonlySet<string> | undefined {
  if (principal.role !== 'coordinator' || scope.regionId === null) return undefined;
  return principal.towns.get(scope.regionId);
}

/** The caller's town limit in the region of the object `:id` named (the guard's scope). */
export function townsOf(req: Request): ReadonlySet<string> | undefined {
  const principal = principalOf(req);
  const scope = req.res?.locals.scope as Scope | undefined;
  return principal && scope ? townLimit(principal, scope) : undefined;
}

/** Refuses (422 at `path`) a town outside the caller's limit: what a town coordinator creates or moves stays in their towns. */
export function refuseOtherTowns(req: Request, town: string | null | undefined, path = 'town'): void {
  const towns = townsOf(req);
  if (towns && (town == null || !towns.has(town))) {
    const message = `not one of your towns (${[...towns].join(', ')})`;
    throw new HttpError(422, 'Unprocessable Content', `${path}: ${message}`, undefined, { errors: [{ path, message }] });
  }
}
