// The handledare of a doctor's placements, and a supervisor account's doctors.
import { placementSupervisorsBodySchema } from '../../shared/api/assessments';
import { uuidParamsSchema } from '../../shared/api/common';
import { principalOf } from '../auth/access';
import { actorOf } from '../http/actor';
import { parse } from '../http/parse';
import type { Services } from '../services';
import type { Routes } from './access-table';

export function supervisorRoutes(router: Routes, services: Services): void {
  router.get('/doctors/:id/supervisors', async (req, res) => {
    res.json(await services.supervisors.list(parse(uuidParamsSchema, req.params).id));
  });
  router.put('/doctors/:id/supervisors', async (req, res) => {
    res.json(await services.supervisors.replace(parse(uuidParamsSchema, req.params).id, parse(placementSupervisorsBodySchema, req.body), actorOf(req)));
  });
  router.get('/supervision', async (req, res) => {
    res.json(await services.supervisors.supervision(principalOf(req)!.email));
  });
}
