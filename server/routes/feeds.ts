// Calendar feeds: creating (rotating) and revoking their links through the API, the feed itself
// at /cal/<token>.ics for calendar apps, and a doctor's one-off .ics download.
import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import { uuidParamsSchema } from '../../shared/api/common';
import { scopeOf } from '../auth/scope';
import type { FeedScope } from '../entities/feed-token';
import type { FeedService } from '../feeds/service';
import { actorOf } from '../http/actor';
import { problem } from '../http/error-mapper';
import { parse } from '../http/parse';
import type { Routes } from './access-table';

export function feedRoutes(router: Routes, feeds: FeedService, ds: DataSource): void {
  const create = (scope: FeedScope, collection: string) =>
    router.post(`/${collection}/:id/feed`, async (req, res) => {
      const { id } = parse(uuidParamsSchema, req.params);
      const region = (await scopeOf(ds.manager, scope, id))?.regionId ?? null;
      const feed = await feeds.create(scope, id, actorOf(req), region);
      const host = req.get('host');
      res.status(201).json({ uuid: feed.uuid, url: `${req.protocol}://${host}${feed.path}`, webcal: `webcal://${host}${feed.path}` });
    });
  create('doctor', 'doctors');
  create('site', 'sites');
  create('cohort', 'cohorts');
  router.delete('/feeds/:id', async (req, res) => {
    const { id } = parse(uuidParamsSchema, req.params);
    await feeds.revoke(id, actorOf(req), (await scopeOf(ds.manager, 'feed', id))?.regionId ?? null);
    res.status(204).end();
  });
  router.get('/doctors/:id/calendar.ics', async (req, res) => {
    const body = await feeds.doctorFile(parse(uuidParamsSchema, req.params).id);
    res.type('text/calendar; charset=utf-8').attachment('bt-kalender.ics').send(body);
  });
}

/** GET /cal/<token>.ics: the token is the credential; an unknown or revoked one is 404. */
export function publicFeedRoute(app: Express, feeds: FeedService): void {
  app.get('/cal/:file', async (req, res) => {
    const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(req.params.file)?.[1];
    const feed = token ? await feeds.render(token) : undefined;
    if (!feed) {
      res.status(404).type('application/problem+json').json(problem(404, 'no such calendar'));
      return;
    }
    res.setHeader('ETag', feed.etag);
    // Calendar apps may keep it, but ask again (a 304 when nothing changed).
    res.setHeader('Cache-Control', 'private, no-cache');
    if (req.headers['if-none-match'] === feed.etag) {
      res.status(304).end();
      return;
    }
    res.status(200).type('text/calendar; charset=utf-8').send(feed.body);
  });
}
