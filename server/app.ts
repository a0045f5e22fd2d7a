// buildApp: the HTTP application. Until the server issue lands it serves a health check and a
// placeholder page that shows the built-in presets are valid.
import express, { type Express } from 'express';
import { PRESETS } from '../shared/domain/presets';
import { planErrors } from '../shared/domain/validate-plan';

export function buildApp(): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

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

  app.use((_req, res) => {
    res.status(404).type('application/problem+json').json({ type: 'about:blank', title: 'Not Found', status: 404 });
  });
  return app;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
