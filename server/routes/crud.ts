// The routes of one stored resource, the same for each: list and create under the parent,
// read, update (with version) and delete (with ?version=) by id. Thin: parse → service → JSON.
import type { Request } from 'express';
import type { z } from 'zod';
import { uuidParamsSchema, versionQuerySchema } from '../../shared/api/common';
import { refuseOtherTowns, townsOf } from '../auth/access';
import { actorOf } from '../http/actor';
import { parse } from '../http/parse';
import type { Routes } from './access-table';

export interface CrudService<Body, Update, Resource> {
  list(parentId: string): Promise<Resource[]>;
  get(id: string): Promise<Resource>;
  create(parentId: string, body: Body, actor: string): Promise<Resource>;
  update(id: string, body: Update, actor: string): Promise<Resource>;
  remove(id: string, version: number, actor: string): Promise<void>;
}

export function crudRoutes<B extends z.ZodType, U extends z.ZodType, Resource>(
  router: Routes,
  paths: { collection: string; item: string },
  service: CrudService<z.infer<B>, z.infer<U>, Resource>,
  schemas: { body: B; update: U },
  /** What the caller may see of a resource (privacy); everything by default. */
  view: (resource: Resource, req: Request) => Resource = (resource) => resource,
  /** Resources with a town (sites, doctors): a town-limited coordinator lists, creates and moves only their towns' (server/auth/access.ts). */
  byTown = false,
): void {
  const townOf = (value: unknown) => (value as { town?: string | null }).town;
  router.get(paths.collection, async (req, res) => {
    const towns = byTown ? townsOf(req) : undefined;
    const list = await service.list(parse(uuidParamsSchema, req.params).id);
    res.json((towns ? list.filter((r) => towns.has(townOf(r) ?? '')) : list).map((r) => view(r, req)));
  });
  router.post(paths.collection, async (req, res) => {
    const { id } = parse(uuidParamsSchema, req.params);
    const body = parse(schemas.body, req.body);
    if (byTown) refuseOtherTowns(req, townOf(body));
    res.status(201).json(view(await service.create(id, body, actorOf(req)), req));
  });
  router.get(paths.item, async (req, res) => {
    res.json(view(await service.get(parse(uuidParamsSchema, req.params).id), req));
  });
  router.patch(paths.item, async (req, res) => {
    const { id } = parse(uuidParamsSchema, req.params);
    const body = parse(schemas.update, req.body);
    if (byTown) refuseOtherTowns(req, townOf(body));
    res.json(view(await service.update(id, body, actorOf(req)), req));
  });
  router.delete(paths.item, async (req, res) => {
    const { id } = parse(uuidParamsSchema, req.params);
    await service.remove(id, parse(versionQuerySchema, req.query).version, actorOf(req));
    res.status(204).end();
  });
}
