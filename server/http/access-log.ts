// One access line per request: request id, method, the route *pattern* (never the raw URL, which
// may hold a feed token or personal search terms), status and milliseconds. The request's own
// logger (with its id) is kept in res.locals for the error mapper.
import type { Request, RequestHandler, Response } from 'express';
import { fallbackLogger, type Logger } from '../log';

/** The matched route as registered, e.g. "/api/doctors/:id" or "/cal/:file"; undefined when none matched. */
export function routeOf(req: Request): string | undefined {
  const path = req.route?.path as unknown;
  if (path === undefined) return undefined;
  // Every router but the app's own is mounted at /api; the router resets baseUrl on the way out.
  const mount = req.originalUrl.startsWith('/api/') ? '/api' : '';
  return `${mount}${String(path)}`;
}

export function requestLog(res: Response): Logger {
  return (res.locals.log as Logger | undefined) ?? fallbackLogger();
}

export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const requestId = String(res.getHeader('x-request-id') ?? '');
    // Made when first asked for (a failure to log): most requests never need one.
    let log: Logger | undefined;
    Object.defineProperty(res.locals, 'log', { get: () => (log ??= logger.child({ requestId })), enumerable: true });
    const line = () => ({ requestId, method: req.method, route: routeOf(req) ?? (req.originalUrl.startsWith('/api/') ? 'api (no route)' : 'static'), status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 });
    res.once('finish', () => logger.info(line(), 'request'));
    // A response cut off before its end (client gone, server forced to stop) is worth a look.
    res.once('close', () => {
      if (!res.writableFinished) logger.warn({ ...line(), aborted: true }, 'request');
    });
    next();
  };
}
