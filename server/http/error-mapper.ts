// The one error mapper: every failure becomes application/problem+json. Invalid input 400
// with "<path>: <issue>" per field, missing 404, stale version or unique clash 409, a broken
// rule 422, the database down or restarting 503 with Retry-After, anything else 500 with the
// request id and nothing internal (its stack goes to the log). Field messages of invalid input
// are in Swedish when the request's Accept-Language prefers it, else English.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { QueryFailedError } from 'typeorm';
import { ZodError } from 'zod';
import { PROBLEM_TYPES, type ProblemDetails } from '../../shared/api/common';
import type { Lang } from '../../shared/domain/labels';
import { formatPath } from '../../shared/format/issues';
import { issueMessage } from '../../shared/format/messages';
import { requestLog, routeOf } from './access-log';
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
  // Two writes at once in one region wait for each other's revision rows (migrations/…-RevisionTriggers.ts);
  // PostgreSQL ends one of a rare crossing. Nothing of it was stored: the same request again succeeds.
  '40P01': { status: 409, detail: 'another change was being saved at the same time; nothing was saved, try again' },
  '40001': { status: 409, detail: 'another change was being saved at the same time; nothing was saved, try again' },
  '22P02': { status: 400, detail: 'a value has the wrong form' },
  '22008': { status: 400, detail: 'a date is out of range' },
  '22007': { status: 400, detail: 'a date has the wrong form' },
  '22003': { status: 400, detail: 'a number is out of range' },
  // PostgreSQL cannot store NUL in text (22021) nor \u0000 in jsonb (22P05).
  '22021': { status: 400, detail: 'a text contains a NUL character (\\u0000), which cannot be stored' },
  '22P05': { status: 400, detail: 'a text contains a NUL character (\\u0000), which cannot be stored' },
  // Raised by the triggers of migration PublishedPlansImmutable.
  ZP001: { status: 409, detail: 'a published plan cannot be changed; make a new draft instead', type: PROBLEM_TYPES.published },
};

/** Failures that mean "the database is down or restarting", not a bug: 503, try again. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

/** The connection error's code (or "connection"), when `err` is one; pg's errors come raw or inside TypeORM's. */
export function databaseUnavailable(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 3) return undefined;
  // An HTTP error of the request itself (body-parser: a client that hung up) is not the database.
  if (typeof (err as { statusCode?: unknown }).statusCode === 'number') return undefined;
  const { code, message, driverError, errors, cause } = err as { code?: unknown; message?: unknown; driverError?: unknown; errors?: unknown; cause?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return code;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return 'connection';
  // AggregateError: Node's connect tried several addresses (localhost → ::1 and 127.0.0.1).
  for (const inner of [driverError, cause, ...(Array.isArray(errors) ? errors : [])]) {
    const found = databaseUnavailable(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Seconds a client should wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** Swedish when Accept-Language prefers `sv` (or `sv-SE`…) over English; English otherwise and without the header. */
export function answerLanguage(req: Pick<Request, 'acceptsLanguages'>): Lang {
  return req.acceptsLanguages('en', 'sv') === 'sv' ? 'sv' : 'en';
}

export function toProblem(err: unknown, lang: Lang = 'en'): ProblemDetails {
  if (databaseUnavailable(err)) return problem(503, 'the database is not reachable; try again shortly');
  if (err instanceof ZodError) {
    const errors = err.issues.map((i) => ({ path: formatPath(i.path), message: issueMessage(i, lang) }));
    return problem(400, errors.map((e) => `${e.path}: ${e.message}`).join('\n'), errors);
  }
  if (err instanceof HttpError) return { ...problem(err.status, err.detail), title: err.title, ...(err.type ? { type: err.type } : {}), ...err.extensions };
  if (err instanceof QueryFailedError) {
    const code = (err.driverError as { code?: string } | undefined)?.code;
    const known = code ? PG_STATUS[code] : undefined;
    if (known) {
      const constraint = (err.driverError as { constraint?: string }).constraint;
      const details = problem(known.status, constraint ? `${known.detail} (${constraint})` : known.detail);
      return known.type ? { ...details, type: known.type } : details;
    }
    // Class 22 is PostgreSQL's "data exception": a value it cannot take (our queries take values as parameters).
    if (code?.startsWith('22')) return problem(400, 'a value is out of range or has the wrong form');
  }
  const body = err as { type?: string; status?: number };
  if (body?.type === 'entity.parse.failed') return problem(400, 'the body is not valid JSON');
  if (body?.type === 'entity.too.large') return problem(413, 'the body is too large');
  if (body?.type === 'encoding.unsupported' || body?.status === 415) return problem(415, 'send application/json');
  // The router could not decode a path parameter ("%E0%A4%A").
  if (err instanceof URIError) return problem(400, 'the path is not valid percent-encoded UTF-8');
  // Other errors of Express and body-parser (a gzip body that is not gzip, a body too deep)
  // carry the status of the client's mistake; `expose` says their message is meant for it.
  const clientError = err as { status?: unknown; expose?: boolean; message?: string };
  if (typeof clientError?.status === 'number' && clientError.status >= 400 && clientError.status < 500) {
    return problem(clientError.status, clientError.expose ? clientError.message : undefined);
  }
  return problem(500);
}

export const errorMapper: ErrorRequestHandler = (err, req, res, _next) => {
  const details = toProblem(err, answerLanguage(req));
  // The field messages follow Accept-Language: caches keep one answer per language.
  if (err instanceof ZodError) res.vary('Accept-Language');
  const requestId = String(res.getHeader('x-request-id') ?? '');
  // Only the 500s are ours to look at; the stack is logged, never sent. A database error's
  // message may quote the values it was given (personal data): only its code is logged.
  const unavailable = databaseUnavailable(err);
  if (unavailable) {
    requestLog(res).warn({ method: req.method, route: routeOf(req), dbCode: unavailable }, 'database unavailable');
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  } else if (details.status >= 500) {
    requestLog(res).error({ method: req.method, route: routeOf(req) ?? 'unrouted', err: describeForLog(err) }, 'request failed');
  }
  res.status(details.status).type('application/problem+json').json(details.status >= 500 ? { ...details, detail: unavailable ? `${details.detail} (request id ${requestId})` : `request id ${requestId}`, requestId } : details);
};

function describeForLog(err: unknown): { code?: string; constraint?: string; stack: string } {
  if (err instanceof QueryFailedError) {
    const driver = err.driverError as { code?: string; constraint?: string } | undefined;
    // The stack without its first line, which is the message.
    return { code: driver?.code ?? '?', ...(driver?.constraint ? { constraint: driver.constraint } : {}), stack: err.stack?.split('\n').slice(1).join('\n') ?? '' };
  }
  const code = (err as { code?: unknown })?.code;
  return { ...(typeof code === 'string' ? { code } : {}), stack: (err as Error)?.stack ?? String(err) };
}

export const notFoundRoute: RequestHandler = (req, res) => {
  res.status(404).type('application/problem+json').json(problem(404, `no route ${req.method} ${req.path}`));
};
