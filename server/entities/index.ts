// Every entity, for the DataSource and the migration generator.
import { AbsenceEntity } from './absence';
import { AssessmentEntity } from './assessment';
import { AssignmentEntity } from './assignment';
import { AuditEntryEntity } from './audit-entry';
import { BlockKindEntity } from './block-kind';
import { CalendarRevisionEntity } from './calendar-revision';
import { CapacityOverrideEntity } from './capacity-override';
import { CohortEntity } from './cohort';
import { CreditEntity } from './credit';
import { DoctorEntity } from './doctor';
import { DoctorRequestEntity } from './doctor-request';
import { PinEntity } from './pin';
import { PlacementSupervisorEntity } from './placement-supervisor';
import { PlanEntity } from './plan';
import { PlanCheckEntity } from './plan-check';
import { RegionEntity } from './region';
import { RegionRevisionEntity } from './region-revision';
import { SiteEntity } from './site';
import { SolverRunEntity } from './solver-run';
import { TemplateEntity } from './template';
import { TemplateBlockEntity } from './template-block';
import { FeedTokenEntity } from './feed-token';
import { LoginAttemptEntity } from './login-attempt';
import { RateLimitEntity } from './rate-limit';
import { PasswordResetEntity } from './password-reset';
import { SessionEntity } from './session';
import { UserEntity } from './user';
import { UserRegionEntity } from './user-region';
import { UserSiteEntity } from './user-site';
import { WishEntity } from './wish';

export const ENTITIES = [
  RegionEntity,
  SiteEntity,
  CapacityOverrideEntity,
  BlockKindEntity,
  TemplateEntity,
  TemplateBlockEntity,
  CohortEntity,
  DoctorEntity,
  AbsenceEntity,
  CreditEntity,
  PinEntity,
  WishEntity,
  PlanEntity,
  AssignmentEntity,
  SolverRunEntity,
  AuditEntryEntity,
  DoctorRequestEntity,
  UserEntity,
  UserRegionEntity,
  UserSiteEntity,
  SessionEntity,
  PasswordResetEntity,
  LoginAttemptEntity,
  RateLimitEntity,
  FeedTokenEntity,
  CalendarRevisionEntity,
  RegionRevisionEntity,
  PlanCheckEntity,
  AssessmentEntity,
  PlacementSupervisorEntity,
];
