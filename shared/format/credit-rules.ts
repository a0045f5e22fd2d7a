// The rules of a doctor's credits (tillgodoräknanden): one credit; a second only with a recorded
// exception (undantag, e.g. a BT begun in another region); never more than two, never a block
// twice. One list of issues for the doctor API's schema and the problem file's checks.
import type { Doctor } from './problem';
import type { RuleKey, RuleValues } from './rules';

export type CreditIssue = { [K in RuleKey]: { path: (string | number)[]; key: K; values: RuleValues<K> } }[RuleKey];

export const MAX_CREDITS = 2;

export function creditIssues(doctor: Pick<Doctor, 'credits' | 'creditException'>): CreditIssue[] {
  const issues: CreditIssue[] = [];
  const count = doctor.credits.length;
  if (count > MAX_CREDITS) issues.push({ path: ['credits'], key: 'at-most-two-credits', values: { count } });
  else if (count === MAX_CREDITS && !doctor.creditException) issues.push({ path: ['creditException'], key: 'second-credit-needs-exception', values: {} });
  const seen = new Set<string>();
  doctor.credits.forEach((credit, i) => {
    if (seen.has(credit.block)) issues.push({ path: ['credits', i, 'block'], key: 'credited-twice', values: { block: credit.block } });
    seen.add(credit.block);
  });
  return issues;
}
