// Assessments and BT checklists: a doctor's assessments (recorded by coordinators and
// supervisors), their checklist, and a cohort's checklists as a matrix. Open items are worded in
// the language the request prefers (Accept-Language).
import { assessmentBodySchema } from '../../shared/api/assessments';
import { uuidParamsSchema } from '../../shared/api/common';
import { principalOf, townsOf } from '../auth/access';
import { actorOf } from '../http/actor';
import { answerLanguage } from '../http/error-mapper';
import { parse } from '../http/parse';
import type { Services } from '../services';
import { coordinates } from '../services/privacy';
import type { Routes } from './access-table';

export function assessmentRoutes(router: Routes, services: Services): void {
  const id = (params: unknown) => parse(uuidParamsSchema, params).id;

  router.get('/doctors/:id/assessments', async (req, res) => {
    res.json(await services.assessments.list(id(req.params)));
  });
  router.post('/doctors/:id/assessments', async (req, res) => {
    res.status(201).json(await services.assessments.record(id(req.params), parse(assessmentBodySchema, req.body), actorOf(req)));
  });
  router.delete('/assessments/:id', async (req, res) => {
    await services.assessments.remove(id(req.params), actorOf(req));
    res.status(204).end();
  });

  router.get('/doctors/:id/checklist', async (req, res) => {
    const doctorId = id(req.params);
    const viewer = principalOf(req);
    // Protected identity is named to coordination, the doctor themself and their supervisors (the
    // guard let a supervisor through only for a doctor they supervise; /api/supervision names them too).
    const showName = coordinates(viewer) || viewer?.doctorId === doctorId || viewer?.role === 'supervisor';
    res.vary('Accept-Language').json(await services.checklists.ofDoctor(doctorId, answerLanguage(req), showName));
  });
  router.get('/cohorts/:id/checklist', async (req, res) => {
    res.vary('Accept-Language').json(await services.checklists.ofCohort(id(req.params), answerLanguage(req), townsOf(req)));
  });
}
