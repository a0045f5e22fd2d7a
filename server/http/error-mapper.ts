// The one error mapper: every failure becomes application/problem+json. Invalid input 400
// with "<path>: <issue>" per field, missing 404, stale version or unique clash 409, a broken
// rule 422, anything else 500 with the request id and nothing internal.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { QueryFailedError } from 'typeorm';
import { ZodError } from 'zod';
import { PROBLEM_TYPES, type ProblemDetails } from '../../shared/api/common';
import { formatPath } from '../../shared/format/issues';
import { HttpError } from './errors';

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

export function problem(status: number, detail?: string, errors?: ProblemDetails['errors']): ProblemDetails {
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) };
}

/** PostgreSQL error codes that are the client's doing. */
const PG_STATUS: Record<string, { status: number; detail: string; type?: string }> = {
  '23505': { status: 409, detail: 'an item with the same key already exists', type: PROBLEM_TYPES.duplicate },
  '23503': { status: 409, detail: 'it is referred to by, or refers to, something that does not allow it', type: PROBLEM_TYPES.inUse },
  '23001': { status: 409, detail: 'something else still uses it', type: PROBLEM_TYPES.inUse },
  '23514': { status: 422, detail: 'a rule of the data model forbids it' },
  '22P02': { status: 400, detail: 'a value has the wrong form' },
  '22008': { status: 400, detail: 'a date is out of range' },
};

export function toProblem(err: unknown): ProblemDetails {
  if (err instanceof ZodError) {
    const errors = err.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
    return problem(400, errors.map((e) => `${e.path}: ${e.message}`).join('\n'), errors);
  }
  if (err instanceof HttpError) return { ...problem(err.status, err.detail), title: err.title, ...(err.type ? { type: err.type } : {}) };
  if (err instanceof QueryFailedError) {
    const code = (err.driverError as { code?: string } | undefined)?.code;
    const known = code ? PG_STATUS[code] : undefined;
    if (known) {
      const constraint = (err.driverError as { constraint?: string }).constraint;
      const details = problem(known.status, constraint ? `${known.detail} (${constraint})` : known.detail);
      return known.type ? { ...details, type: known.type } : details;
    }
  }
  const body = err as { type?: string; status?: number };
  if (body?.type === 'entity.parse.failed') return problem(400, 'the body is not valid JSON');
  if (body?.type === 'entity.too.large') return problem(413, 'the body is too large');
  if (body?.type === 'encoding.unsupported' || body?.status === 415) return problem(415, 'send application/json');
  return problem(500);
}

export const errorMapper: ErrorRequestHandler = (err, req, res, _next) => {
  const details = toProblem(err);
  const requestId = String(res.getHeader('x-request-id') ?? '');
  // Only the 500s are ours to look at; the stack is logged, never sent. A database error's
  // message may quote the values it was given (personal data): only its code is logged.
  if (details.status >= 500) console.error(`request ${requestId} ${req.method} ${req.route?.path ?? 'unrouted'}: ${describeForLog(err)}`);
  res.status(details.status).type('application/problem+json').json(details.status >= 500 ? { ...details, detail: `request id ${requestId}`, requestId } : details);
};

function describeForLog(err: unknown): string {
  if (err instanceof QueryFailedError) {
    const driver = err.driverError as { code?: string; constraint?: string } | undefined;
    return `database error ${driver?.code ?? '?'}${driver?.constraint ? ` (${driver.constraint})` : ''}\n${err.stack?.split('\n').slice(1).join('\n') ?? ''}`;
  }
  return (err as Error)?.stack ?? String(err);
}

export const notFoundRoute: RequestHandler = (req, res) => {
  res.status(404).type('application/problem+json').json(problem(404, `no route ${req.method} ${req.path}`));
};
