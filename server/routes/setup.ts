// A region's setup: regions, sites, templates, cohorts (with import, export and copy), doctors.
import { Router } from 'express';
import { uuidParamsSchema, versionQuerySchema } from '../../shared/api/common';
import { cohortBodySchema, cohortCopySchema, cohortImportSchema, cohortUpdateSchema } from '../../shared/api/cohorts';
import { doctorBodySchema, doctorUpdateSchema } from '../../shared/api/doctors';
import { regionBodySchema, regionUpdateSchema } from '../../shared/api/regions';
import { siteBodySchema, siteUpdateSchema } from '../../shared/api/sites';
import { templateBodySchema, templateUpdateSchema } from '../../shared/api/templates';
import { actorOf } from '../http/actor';
import { parse } from '../http/parse';
import type { Services } from '../services';
import { crudRoutes } from './crud';

export function setupRoutes(services: Services): Router {
  const router = Router();

  router.get('/regions', async (_req, res) => {
    res.json(await services.regions.list());
  });
  router.post('/regions', async (req, res) => {
    res.status(201).json(await services.regions.create(parse(regionBodySchema, req.body), actorOf(req)));
  });
  router.get('/regions/:id', async (req, res) => {
    res.json(await services.regions.get(parse(uuidParamsSchema, req.params).id));
  });
  router.patch('/regions/:id', async (req, res) => {
    res.json(await services.regions.update(parse(uuidParamsSchema, req.params).id, parse(regionUpdateSchema, req.body), actorOf(req)));
  });
  router.delete('/regions/:id', async (req, res) => {
    await services.regions.remove(parse(uuidParamsSchema, req.params).id, parse(versionQuerySchema, req.query).version, actorOf(req));
    res.status(204).end();
  });

  crudRoutes(router, { collection: '/regions/:id/sites', item: '/sites/:id' }, services.sites, { body: siteBodySchema, update: siteUpdateSchema });
  crudRoutes(router, { collection: '/regions/:id/templates', item: '/templates/:id' }, services.templates, { body: templateBodySchema, update: templateUpdateSchema });
  crudRoutes(router, { collection: '/regions/:id/cohorts', item: '/cohorts/:id' }, services.cohorts, { body: cohortBodySchema, update: cohortUpdateSchema });
  crudRoutes(router, { collection: '/cohorts/:id/doctors', item: '/doctors/:id' }, services.doctors, { body: doctorBodySchema, update: doctorUpdateSchema });

  router.post('/regions/:id/cohorts/import', async (req, res) => {
    res.status(201).json(await services.cohorts.import(parse(uuidParamsSchema, req.params).id, parse(cohortImportSchema, req.body), actorOf(req)));
  });
  router.get('/cohorts/:id/problem', async (req, res) => {
    res.json(await services.cohorts.problem(parse(uuidParamsSchema, req.params).id));
  });
  router.post('/cohorts/:id/copy', async (req, res) => {
    res.status(201).json(await services.cohorts.copy(parse(uuidParamsSchema, req.params).id, parse(cohortCopySchema, req.body), actorOf(req)));
  });
  return router;
}
