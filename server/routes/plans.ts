// Plan versions, solver runs and doctors' requests of a cohort.
import { uuidParamsSchema, versionQuerySchema } from '../../shared/api/common';
import { planCreateSchema, planDiffQuerySchema, planEditSchema, planVersionActionSchema } from '../../shared/api/plans';
import { doctorRequestBodySchema, doctorRequestDecisionSchema, doctorRequestListQuerySchema } from '../../shared/api/requests';
import { solverRunStartSchema } from '../../shared/api/solver-runs';
import type { Request } from 'express';
import { townsOf } from '../auth/access';
import { actorOf } from '../http/actor';
import { parse } from '../http/parse';
import type { Services } from '../services';
import { otherTownsUnnamed } from '../services/privacy';
import type { Routes } from './access-table';

export function planRoutes(router: Routes, services: Services): void {
  const id = (params: unknown) => parse(uuidParamsSchema, params).id;
  /** For a town-limited coordinator, other towns' doctors by code only (violations and solver messages name doctors). */
  const unnamed = async <T>(req: Request, cohortId: string, value: T): Promise<T> => {
    const towns = townsOf(req);
    return towns ? otherTownsUnnamed(value, await services.cohorts.problem(cohortId), towns) : value;
  };

  router.get('/cohorts/:id/plans', async (req, res) => {
    res.json(await services.plans.list(id(req.params)));
  });
  router.post('/cohorts/:id/plans', async (req, res) => {
    res.status(201).json(await services.plans.create(id(req.params), parse(planCreateSchema, req.body), actorOf(req)));
  });
  router.get('/plans/:id', async (req, res) => {
    const plan = await services.plans.get(id(req.params));
    res.json(await unnamed(req, plan.cohort, plan));
  });
  router.delete('/plans/:id', async (req, res) => {
    await services.plans.discard(id(req.params), parse(versionQuerySchema, req.query).version, actorOf(req));
    res.status(204).end();
  });
  router.put('/plans/:id/assignments', async (req, res) => {
    const plan = await services.plans.edit(id(req.params), parse(planEditSchema, req.body), actorOf(req), townsOf(req));
    res.json(await unnamed(req, plan.cohort, plan));
  });
  router.get('/plans/:id/diff', async (req, res) => {
    res.json(await services.plans.diff(id(req.params), parse(planDiffQuerySchema, req.query).against));
  });
  router.post('/plans/:id/publish', async (req, res) => {
    res.json(await services.plans.publish(id(req.params), parse(planVersionActionSchema, req.body).version, actorOf(req)));
  });
  router.post('/plans/:id/archive', async (req, res) => {
    res.json(await services.plans.archive(id(req.params), parse(planVersionActionSchema, req.body).version, actorOf(req)));
  });

  router.get('/cohorts/:id/solver-runs', async (req, res) => {
    const cohort = id(req.params);
    res.json(await unnamed(req, cohort, await services.solverRuns.list(cohort)));
  });
  router.post('/cohorts/:id/solver-runs', async (req, res) => {
    const run = await services.solverRuns.start(id(req.params), parse(solverRunStartSchema, req.body), actorOf(req));
    res.status(202).location(`/api/solver-runs/${run.uuid}`).json(run);
  });
  router.get('/solver-runs/:id', async (req, res) => {
    const run = await services.solverRuns.get(id(req.params));
    res.json(await unnamed(req, run.cohort, run));
  });
  router.post('/solver-runs/:id/cancel', async (req, res) => {
    res.json(await services.solverRuns.cancel(id(req.params), actorOf(req)));
  });

  router.post('/doctors/:id/requests', async (req, res) => {
    res.status(201).json(await services.requests.create(id(req.params), parse(doctorRequestBodySchema, req.body), actorOf(req)));
  });
  router.get('/doctors/:id/requests', async (req, res) => {
    res.json(await services.requests.listForDoctor(id(req.params)));
  });
  router.get('/cohorts/:id/requests', async (req, res) => {
    res.json(await services.requests.listForCohort(id(req.params), parse(doctorRequestListQuerySchema, req.query).status, townsOf(req)));
  });
  router.post('/requests/:id/decision', async (req, res) => {
    const body = parse(doctorRequestDecisionSchema, req.body);
    res.json(await services.requests.decide(id(req.params), body.decision, body.version, actorOf(req)));
  });
}
