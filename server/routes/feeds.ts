// Calendar feeds: reading, ensuring and renewing their links through the API, revoking one, the
// feed itself at /cal/<token>.ics for calendar apps, and a doctor's one-off .ics download.
import type { Express, Request } from 'express';
import type { DataSource } from 'typeorm';
import { uuidParamsSchema } from '../../shared/api/common';
import type { FeedLink } from '../../shared/api/feeds';
import { scopeOf } from '../auth/scope';
import type { FeedScope } from '../entities/feed-token';
import type { Feed, FeedService } from '../feeds/service';
import { actorOf } from '../http/actor';
import { problem } from '../http/error-mapper';
import { notFound } from '../http/errors';
import { parse } from '../http/parse';
import type { Routes } from './access-table';

export function feedRoutes(router: Routes, feeds: FeedService, ds: DataSource): void {
  const region = async (scope: FeedScope, id: string) => (await scopeOf(ds.manager, scope, id))?.regionId ?? null;
  const routes = (scope: FeedScope, collection: string) => {
    router.get(`/${collection}/:id/feed`, async (req, res) => {
      const feed = await feeds.current(scope, parse(uuidParamsSchema, req.params).id);
      if (!feed) throw notFound('a calendar link');
      res.json(linkOf(req, feed));
    });
    // Ensure: the current link (200) or the first one (201); it never rotates.
    router.post(`/${collection}/:id/feed`, async (req, res) => {
      const { id } = parse(uuidParamsSchema, req.params);
      const { feed, created } = await feeds.ensure(scope, id, actorOf(req), await region(scope, id));
      res.status(created ? 201 : 200).json(linkOf(req, feed));
    });
    router.post(`/${collection}/:id/feed/renew`, async (req, res) => {
      const { id } = parse(uuidParamsSchema, req.params);
      res.status(201).json(linkOf(req, await feeds.renew(scope, id, actorOf(req), await region(scope, id))));
    });
  };
  routes('doctor', 'doctors');
  routes('site', 'sites');
  routes('cohort', 'cohorts');
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

function linkOf(req: Request, feed: Feed): FeedLink {
  const host = req.get('host');
  return { uuid: feed.uuid, url: `${req.protocol}://${host}${feed.path}`, webcal: `webcal://${host}${feed.path}` };
}

/** GET /cal/<token>.ics: the token is the credential; an unknown, renewed or revoked one is 404. */
export function publicFeedRoute(app: Express, feeds: FeedService): void {
  app.get('/cal/:file', async (req, res) => {
    // Mounted before helmet (app.ts): of its headers, only this one means something to a calendar file.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // 43 base64url characters: 16 bytes of the feed's id and 16 of its MAC (feeds/tokens.ts), or a pre-derived random token.
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
