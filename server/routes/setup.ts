// A region's setup: regions (and their audit log), sites (and a clinic's incoming doctors),
// templates, cohorts (with import, export and a new intake), doctors (their year, GDPR export and erasure).
import { uuidParamsSchema, versionQuerySchema } from '../../shared/api/common';
import { cohortBodySchema, cohortImportSchema, cohortIntakeSchema, cohortUpdateSchema } from '../../shared/api/cohorts';
import { doctorBodySchema, doctorUpdateSchema, eraseSchema, incomingQuerySchema } from '../../shared/api/doctors';
import { regionBodySchema, regionUpdateSchema } from '../../shared/api/regions';
import { siteBodySchema, siteUpdateSchema } from '../../shared/api/sites';
import { templateBodySchema, templateUpdateSchema } from '../../shared/api/templates';
import { actorOf } from '../http/actor';
import { parse } from '../http/parse';
import { principalOf, townsOf } from '../auth/access';
import { todayBy, type Clock } from '../clock';
import type { Services } from '../services';
import { doctorForViewer, problemForTowns } from '../services/privacy';
import type { Routes } from './access-table';
import { crudRoutes } from './crud';

export function setupRoutes(router: Routes, services: Services, clock: Clock): void {
  router.get('/regions', async (req, res) => {
    const viewer = principalOf(req)!;
    const regions = await services.regions.list();
    res.json(viewer.role === 'admin' ? regions : regions.filter((r) => viewer.regions.has(r.uuid)));
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

  crudRoutes(router, { collection: '/regions/:id/sites', item: '/sites/:id' }, services.sites, { body: siteBodySchema, update: siteUpdateSchema }, undefined, true);
  crudRoutes(router, { collection: '/regions/:id/templates', item: '/templates/:id' }, services.templates, { body: templateBodySchema, update: templateUpdateSchema });
  crudRoutes(router, { collection: '/regions/:id/cohorts', item: '/cohorts/:id' }, services.cohorts, { body: cohortBodySchema, update: cohortUpdateSchema });
  // A doctor reads their own record too, without absence reasons.
  crudRoutes(
    router,
    { collection: '/cohorts/:id/doctors', item: '/doctors/:id' },
    services.doctors,
    { body: doctorBodySchema, update: doctorUpdateSchema },
    (doctor, req) => doctorForViewer(doctor, principalOf(req)),
    true,
  );

  router.get('/regions/:id/audit', async (req, res) => {
    res.json(await services.regions.audit(parse(uuidParamsSchema, req.params).id));
  });
  router.get('/regions/:id/occupancy', async (req, res) => {
    res.json(await services.occupancy.ofRegion(parse(uuidParamsSchema, req.params).id));
  });
  router.get('/sites/:id/incoming', async (req, res) => {
    const today = todayBy(clock);
    const from = parse(incomingQuerySchema(today), req.query).from ?? today;
    res.json(await services.doctorViews.incoming(parse(uuidParamsSchema, req.params).id, from));
  });
  router.get('/doctors/:id/schedule', async (req, res) => {
    const id = parse(uuidParamsSchema, req.params).id;
    const doctor = doctorForViewer(await services.doctors.get(id), principalOf(req));
    const choices = await services.doctorViews.choices(id, doctor.allowedSites);
    const calendar = await services.doctorViews.calendarDays(id);
    res.json({ ...(await services.doctorViews.schedule(id, doctor)), absences: doctor.absences, supervisor: doctor.supervisor ?? null, choices, calendar });
  });
  router.get('/doctors/:id/export', async (req, res) => {
    res.json(await services.doctorViews.export(parse(uuidParamsSchema, req.params).id));
  });
  router.post('/doctors/:id/erase', async (req, res) => {
    res.json(await services.doctorViews.erase(parse(uuidParamsSchema, req.params).id, parse(eraseSchema, req.body).version, actorOf(req)));
  });

  router.post('/regions/:id/cohorts/import', async (req, res) => {
    res.status(201).json(await services.cohorts.import(parse(uuidParamsSchema, req.params).id, parse(cohortImportSchema, req.body), actorOf(req)));
  });
  router.get('/cohorts/:id/problem', async (req, res) => {
    const problem = await services.cohorts.problem(parse(uuidParamsSchema, req.params).id);
    const towns = townsOf(req);
    res.json(towns ? problemForTowns(problem, towns) : problem);
  });
  router.post('/cohorts/:id/intake', async (req, res) => {
    res.status(201).json(await services.cohorts.intake(parse(uuidParamsSchema, req.params).id, parse(cohortIntakeSchema, req.body), actorOf(req)));
  });
}
