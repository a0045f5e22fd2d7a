// Field schemas shared by the two file formats and the API: dates, Mondays, ids.
import { z } from 'zod';
import { isIsoDate, isMonday } from '../domain/dates';

/**
 * The dates a plan may name. Far wider than any BT year, yet bounded: a range from year 100 to
 * 9999 made the plan checker walk half a million weeks per doctor, and week arithmetic past 9999
 * makes strings that are no dates.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { error: (issue) => `${String(issue.input)} is not a date (YYYY-MM-DD)`, abort: true })
  .refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, {
    error: (issue) => `${String(issue.input)} is not between ${EARLIEST_DATE} and ${LATEST_DATE}`,
    abort: true,
  });

/** A week, named by its Monday. */
export const mondaySchema = isoDateSchema.refine(isMonday, {
  error: (issue) => `${String(issue.input)} is not a Monday`,
});

export const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"');

/** Adds the half-open range rule from < to; the error is reported on `to`. */
export function withToAfterFrom<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema.refine((r) => r.from < r.to, {
    error: (issue) => {
      const r = issue.input as { from: string; to: string };
      return `${r.to} is not after from (${r.from})`;
    },
    path: ['to'],
  });
}

export const weekRangeSchema = withToAfterFrom(z.strictObject({ from: mondaySchema, to: mondaySchema }));
export const dateRangeSchema = withToAfterFrom(z.strictObject({ from: isoDateSchema, to: isoDateSchema }));
