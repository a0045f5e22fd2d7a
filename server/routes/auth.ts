// Signing in and out, the signed-in user, passwords, and users (admin).
import { rateLimit, type Store } from 'express-rate-limit';
import { loginSchema, passwordChangeSchema, passwordResetSchema, userBodySchema } from '../../shared/api/auth';
import { uuidParamsSchema } from '../../shared/api/common';
import { principalOf } from '../auth/access';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../auth/middleware';
import { actorName } from '../auth/principal';
import type { AuthService } from '../auth/service';
import { todayBy, type Clock } from '../clock';
import { problem } from '../http/error-mapper';
import { parse } from '../http/parse';
import type { Routes } from './access-table';

export function authRoutes(routes: Routes, auth: AuthService, clock: Clock, options: { loginsPerMinute?: number; store?: Store } = {}): void {
  // Per address, before the per-account lockout: slows guessing across many accounts. Counted
  // in the database when given a store, so it holds across server processes.
  const limiter = rateLimit({
    ...(options.store ? { store: options.store } : {}),
    windowMs: 60_000,
    limit: options.loginsPerMinute ?? 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).type('application/problem+json').json(problem(429, 'too many sign-in attempts from here; wait a minute'));
    },
  });

  routes.post('/auth/login', limiter, async (req, res) => {
    const { token, expiresAt, user } = await auth.login(parse(loginSchema, req.body));
    setSessionCookie(req, res, token, expiresAt);
    res.json({ ...user, today: todayBy(clock) });
  });
  routes.post('/auth/logout', async (req, res) => {
    const token = sessionToken(req);
    if (token) await auth.logout(token);
    clearSessionCookie(req, res);
    res.status(204).end();
  });
  routes.get('/auth/me', async (req, res) => {
    res.json({ ...(await auth.me(principalOf(req)!)), today: todayBy(clock) });
  });
  routes.post('/auth/password', async (req, res) => {
    const body = parse(passwordChangeSchema, req.body);
    await auth.changePassword(principalOf(req)!, body.current, body.password, sessionToken(req)!);
    res.status(204).end();
  });
  routes.post('/auth/reset', async (req, res) => {
    const body = parse(passwordResetSchema, req.body);
    await auth.reset(body.token, body.password);
    res.status(204).end();
  });

  routes.get('/users', async (_req, res) => {
    res.json(await auth.users());
  });
  routes.post('/users', async (req, res) => {
    res.status(201).json(await auth.createUser(parse(userBodySchema, req.body), actorName(principalOf(req))));
  });
  routes.post('/users/:id/reset-link', async (req, res) => {
    res.status(201).json(await auth.resetLink(parse(uuidParamsSchema, req.params).id, actorName(principalOf(req))));
  });
}

