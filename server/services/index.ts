// Every use case of the server, built on one DataSource.
import type { DataSource } from 'typeorm';
import { systemClock, type Clock } from '../clock';
import { ProblemCache } from '../repositories/problem-cache';
import { AssessmentService } from './assessments';
import { ChecklistService } from './checklists';
import { CohortService } from './cohorts';
import { DoctorRequestService } from './doctor-requests';
import { DoctorService } from './doctors';
import { DoctorViewService } from './doctor-views';
import { OccupancyService } from './occupancy';
import { PlanService } from './plans';
import { RegionService } from './regions';
import { SiteService } from './sites';
import { SolverRunService } from './solver-runs';
import { SupervisorService } from './supervisors';
import { TemplateService } from './templates';

export interface Services {
  regions: RegionService;
  sites: SiteService;
  templates: TemplateService;
  cohorts: CohortService;
  doctors: DoctorService;
  plans: PlanService;
  solverRuns: SolverRunService;
  requests: DoctorRequestService;
  doctorViews: DoctorViewService;
  occupancy: OccupancyService;
  assessments: AssessmentService;
  checklists: ChecklistService;
  supervisors: SupervisorService;
}

/** `wakeSolver` tells this process's solver queue that a run was queued; `clock` says what "today" is. */
export function buildServices(dataSource: DataSource, wakeSolver?: () => void, clock: Clock = systemClock): Services {
  // One per process: plan views and the problem export share what they read.
  const problems = new ProblemCache();
  return {
    regions: new RegionService(dataSource),
    sites: new SiteService(dataSource),
    templates: new TemplateService(dataSource),
    cohorts: new CohortService(dataSource, problems),
    doctors: new DoctorService(dataSource),
    plans: new PlanService(dataSource, clock, problems),
    solverRuns: new SolverRunService(dataSource, wakeSolver, clock),
    requests: new DoctorRequestService(dataSource),
    doctorViews: new DoctorViewService(dataSource),
    occupancy: new OccupancyService(dataSource),
    assessments: new AssessmentService(dataSource, clock),
    checklists: new ChecklistService(dataSource, clock),
    supervisors: new SupervisorService(dataSource),
  };
}
