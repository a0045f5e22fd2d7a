// Every migration, in order. `npm run migration:generate -- Name` adds one here.
import type { MigrationInterface } from 'typeorm';
import { SolverRunHeartbeat1795936810264 } from './1795936810264-SolverRunHeartbeat';
import { Initial1795936463703 } from './1795936463703-Initial';

export const MIGRATIONS: (new () => MigrationInterface)[] = [Initial1795936463703, SolverRunHeartbeat1795936810264];
