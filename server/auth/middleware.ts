// The session cookie on every request (res.locals.principal), and the CSRF rule for writes
// made with it: a browser's cross-site write is refused (Origin, else Sec-Fetch-Site), on top of
// SameSite=Lax.
import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from '../http/errors';
import type { AuthService } from './service';

export const SESSION_COOKIE = 'bt_session';

export function sessionToken(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}

export function authenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const token = sessionToken(req);
    if (token) res.locals.principal = await auth.session(token);
    next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const refuseCrossSiteWrites: RequestHandler = (req, _res, next) => {
  if (SAFE.has(req.method) || !sessionToken(req)) return next();
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let from: string | undefined;
    try {
      from = new URL(origin).origin;
    } catch {
      from = undefined;
    }
    // Scheme and host: https://host is another origin than http://host (the scheme as the proxy says, with trust proxy).
    if (from !== `${req.protocol}://${req.headers.host}`) throw new HttpError(403, 'Forbidden', 'cross-site request refused');
  } else if (req.headers['sec-fetch-site'] === 'cross-site') {
    throw new HttpError(403, 'Forbidden', 'cross-site request refused');
  }
  next();
};
