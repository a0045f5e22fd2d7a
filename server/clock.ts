// The server's clock: the one place "today" comes from (the past is a record up to it). Tests
// inject a fixed instant; shared/ never reads a clock, it is handed `today`.
import { stockholmDate } from '../shared/domain/weeks';
import type { IsoDate } from '../shared/domain/dates';

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The date in Stockholm by the clock, 'YYYY-MM-DD'. */
export const todayBy = (clock: Clock): IsoDate => stockholmDate(clock());
