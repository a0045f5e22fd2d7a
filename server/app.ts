// buildApp: the HTTP application on a database: the JSON API under /api (sessions, every
// route behind its access rule) and, until the client issue lands, a placeholder start page.
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { DataSource } from 'typeorm';
import { PRESETS } from '../shared/domain/presets';
import { planErrors } from '../shared/domain/validate-plan';
import helmet from 'helmet';
import { authenticate, refuseCrossSiteWrites } from './auth/middleware';
import { PostgresRateLimitStore } from './auth/rate-limit-store';
import { AuthService } from './auth/service';
import { systemClock, type Clock } from './clock';
import { accessLog } from './http/access-log';
import { errorMapper, notFoundRoute, problem } from './http/error-mapper';
import { jsonBody } from './http/json-body';
import { fallbackLogger, type Logger } from './log';
import { guardedRoutes } from './routes/access-table';
import { assessmentRoutes } from './routes/assessments';
import { authRoutes } from './routes/auth';
import { feedRoutes, publicFeedRoute } from './routes/feeds';
import { FeedService } from './feeds/service';
import { planRoutes } from './routes/plans';
import { setupRoutes } from './routes/setup';
import { supervisorRoutes } from './routes/supervisors';
import { buildServices, type Services } from './services';

export interface AppDeps {
  dataSource: DataSource;
  services?: Services;
  auth?: AuthService;
  /** Sign-in attempts per address and minute before 429 (tests raise it). */
  loginsPerMinute?: number;
  /** Express's "trust proxy": a hop count, "loopback", addresses, or true. */
  trustProxy?: string;
  /** The built web client (vite build); without it a start page stands in. */
  clientDir?: string;
  /** Access lines and failures (server/log.ts); without it only warnings and errors, on stdout. */
  logger?: Logger;
  /** Where "today" comes from (the past is a record up to it); tests set it. Hand the same one to buildServices. */
  clock?: Clock;
  /** The key feed links derive from (server/feeds/secret.ts); without it a random one for this process, so links last until it stops. */
  feedSecret?: string;
  /** Whether demo feeds answer (their key is public): never with NODE_ENV=production; off unless set. */
  demoFeeds?: boolean;
}

/** Request bodies above this are refused (413 problem+json); they must be JSON (415) nested at most MAX_JSON_DEPTH deep (400): http/json-body.ts. */
export const BODY_LIMIT = '5mb';

export function buildApp(deps: AppDeps): Express {
  const clock = deps.clock ?? systemClock;
  const services = deps.services ?? buildServices(deps.dataSource, undefined, clock);
  const auth = deps.auth ?? new AuthService(deps.dataSource);
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy) app.set('trust proxy', /^\d+$/.test(deps.trustProxy) ? Number(deps.trustProxy) : deps.trustProxy === 'true' ? true : deps.trustProxy);
  app.use((req, res, next) => {
    res.setHeader('x-request-id', randomUUID());
    next();
  });
  app.use(accessLog(deps.logger ?? fallbackLogger()));
  const feeds = new FeedService(deps.dataSource, { secret: deps.feedSecret ?? randomBytes(32).toString('base64url'), demoFeeds: deps.demoFeeds ?? false });
  // Before helmet: calendar apps poll feeds far more than anyone opens a page, and a page's
  // headers (CSP, frame and opener policies) mean nothing to a calendar file; the route sends its own.
  publicFeedRoute(app, feeds);
  // Same-origin only. Inline styles stay allowed for the client's components; no forced https
  // upgrade, which would break http://localhost (a proxy in front adds HSTS in production).
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'default-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'upgrade-insecure-requests': null } },
    }),
  );

  const api = express.Router();
  // API answers carry personal data (names, absences, plans): no cache, shared or private, keeps them.
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(authenticate(auth), refuseCrossSiteWrites, ...jsonBody(BODY_LIMIT));
  const routes = guardedRoutes(deps.dataSource, api);
  routes.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  routes.get('/ready', async (_req, res) => {
    try {
      await deps.dataSource.query('SELECT 1');
      if (await deps.dataSource.showMigrations()) throw new Error('migrations pending');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).type('application/problem+json').json(problem(503, 'the database is not reachable or not migrated'));
    }
  });
  authRoutes(routes, auth, clock, { loginsPerMinute: deps.loginsPerMinute, store: new PostgresRateLimitStore(deps.dataSource, 'login:') });
  setupRoutes(routes, services, clock);
  planRoutes(routes, services);
  assessmentRoutes(routes, services);
  feedRoutes(routes, feeds, deps.dataSource);
  supervisorRoutes(routes, services);
  app.use('/api', api);

  if (deps.clientDir) {
    const index = join(deps.clientDir, 'index.html');
    app.use(express.static(deps.clientDir, { index: false }));
    // Every other page of the client is the same document; the client routes.
    app.get(/^\/(?!api\/|cal\/).*/, (_req, res) => res.sendFile(index));
  }

  app.get('/', (_req, res) => {
    const rows = PRESETS.map((p) => {
      const errors = planErrors(p.problem, p.plan).length;
      return `<tr><td>${escapeHtml(p.problem.name)}</td><td>${p.problem.doctors.length}</td><td>${p.problem.sites.length}</td><td>${errors === 0 ? 'giltig' : `${errors} fel`}</td></tr>`;
    }).join('');
    res.type('html').send(`<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>BT-planeraren</title></head>
<body><h1>BT-planeraren</h1>
<p>Planering av bastjänstgöring. Webbgränssnittet kommer; här är de inbyggda förinställningarna.</p>
<table><thead><tr><th>Kohort</th><th>Läkare</th><th>Arbetsplatser</th><th>Exempelplan</th></tr></thead>
<tbody>${rows}</tbody></table></body></html>`);
  });

  app.use(notFoundRoute);
  app.use(errorMapper);
  return app;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
