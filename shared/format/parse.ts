// Parsing the two formats: schema first, then cross-references; every problem becomes one
// "<json path>: <what is wrong>" line.
import { fromZodIssues, type FormatIssue } from './issues';
import { planSchema, type Plan } from './plan';
import { problemSchema, type Problem } from './problem';
import { problemReferenceIssues } from './problem-references';

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FormatIssue[] };

export function parseProblem(input: unknown): Parsed<Problem> {
  const result = problemSchema.safeParse(input, { reportInput: true });
  if (!result.success) return { ok: false, issues: fromZodIssues(result.error.issues) };
  const issues = problemReferenceIssues(result.data);
  return issues.length ? { ok: false, issues } : { ok: true, value: result.data };
}

export function parsePlan(input: unknown): Parsed<Plan> {
  const result = planSchema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: fromZodIssues(result.error.issues) };
}
