// buildApp: the HTTP application on a database: the JSON API under /api (health, readiness,
// the routes) and, until the client issue lands, a placeholder start page.
import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import type { DataSource } from 'typeorm';
import { PRESETS } from '../shared/domain/presets';
import { planErrors } from '../shared/domain/validate-plan';
import { errorMapper, notFoundRoute, problem } from './http/error-mapper';
import { planRoutes } from './routes/plans';
import { setupRoutes } from './routes/setup';
import { buildServices, type Services } from './services';

export interface AppDeps {
  dataSource: DataSource;
  services?: Services;
}

/** Request bodies above this are refused (413). */
const BODY_LIMIT = '5mb';

export function buildApp(deps: AppDeps): Express {
  const services = deps.services ?? buildServices(deps.dataSource);
  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    res.setHeader('x-request-id', randomUUID());
    next();
  });

  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/api/ready', async (_req, res) => {
    try {
      await deps.dataSource.query('SELECT 1');
      if (await deps.dataSource.showMigrations()) throw new Error('migrations pending');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).type('application/problem+json').json(problem(503, 'the database is not reachable or not migrated'));
    }
  });
  app.use('/api', express.json({ limit: BODY_LIMIT }));
  app.use('/api', setupRoutes(services), planRoutes(services));

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
