// Every migration, in order. `npm run migration:generate -- Name` adds one here.
import type { MigrationInterface } from 'typeorm';
import { FollowUp1796607060702 } from './1796607060702-FollowUp';
import { Revisions1796599754379 } from './1796599754379-Revisions';
import { RevisionTriggers1796599754380 } from './1796599754380-RevisionTriggers';
import { RateLimits1796596085499 } from './1796596085499-RateLimits';
import { AbsenceDays1796579661461 } from './1796579661461-AbsenceDays';
import { FeedTokenGenerations1796579655819 } from './1796579655819-FeedTokenGenerations';
import { TemplateBlockAtGoals1796574882635 } from './1796574882635-TemplateBlockAtGoals';
import { PublishedPlansStatementTrigger1795946000000 } from './1795946000000-PublishedPlansStatementTrigger';
import { PublishedPlansImmutable1795945311267 } from './1795945311267-PublishedPlansImmutable';
import { SolverRunWorker1795945234709 } from './1795945234709-SolverRunWorker';
import { DoctorSupervisorKollegium1795939262472 } from './1795939262472-DoctorSupervisorKollegium';
import { Calendars1795938712755 } from './1795938712755-Calendars';
import { Accounts1795937707253 } from './1795937707253-Accounts';
import { SiteAddress1795937091735 } from './1795937091735-SiteAddress';
import { SolverRunHeartbeat1795936810264 } from './1795936810264-SolverRunHeartbeat';
import { Initial1795936463703 } from './1795936463703-Initial';
import { FollowUpChecks1796607060703 } from './1796607060703-FollowUpChecks';

export const MIGRATIONS: (new () => MigrationInterface)[] = [Initial1795936463703, SolverRunHeartbeat1795936810264, SiteAddress1795937091735, Accounts1795937707253, Calendars1795938712755, DoctorSupervisorKollegium1795939262472, SolverRunWorker1795945234709, PublishedPlansImmutable1795945311267, PublishedPlansStatementTrigger1795946000000, TemplateBlockAtGoals1796574882635, FeedTokenGenerations1796579655819, AbsenceDays1796579661461, RateLimits1796596085499, Revisions1796599754379, RevisionTriggers1796599754380, FollowUp1796607060702, FollowUpChecks1796607060703];
