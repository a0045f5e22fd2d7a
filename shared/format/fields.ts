// Field schemas shared by the two file formats and the API: dates, Mondays, ids.
import { z } from 'zod';
import { isIsoDate, isMonday } from '../domain/dates';
import { ruleCheck } from './rules';

/**
 * The dates a plan may name. Far wider than any BT year, yet bounded: a range from year 100 to
 * 9999 made the plan checker walk half a million weeks per doctor, and week arithmetic past 9999
 * makes strings that are no dates.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

export const isoDateSchema = z
  .string()
  .check(ruleCheck('not-a-date', isIsoDate, (value) => ({ value }), { abort: true }))
  .check(ruleCheck('date-out-of-range', (date: string) => date >= EARLIEST_DATE && date <= LATEST_DATE, (value) => ({ value, earliest: EARLIEST_DATE, latest: LATEST_DATE }), { abort: true }));

/** A week, named by its Monday. */
export const mondaySchema = isoDateSchema.check(ruleCheck('not-monday', isMonday, (value) => ({ value })));

export const idSchema = z
  .string()
  .min(1, { abort: true })
  .max(64)
  .check(ruleCheck('id-characters', (id: string) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id), () => ({})));

/** Adds the half-open range rule from < to; the error is reported on `to`. */
export function withToAfterFrom<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema.check(ruleCheck('not-after', (r: { from: string; to: string }) => r.from < r.to, (r) => ({ from: r.from, to: r.to }), { path: ['to'] }));
}

export const weekRangeSchema = withToAfterFrom(z.strictObject({ from: mondaySchema, to: mondaySchema }));
export const dateRangeSchema = withToAfterFrom(z.strictObject({ from: isoDateSchema, to: isoDateSchema }));
