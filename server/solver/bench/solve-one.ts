// One bench instance in its own process (forked by bench.ts): generate it, solve it, check the
// plan with validatePlan, send one row back. Its own process so the peak rss is this instance's
// alone, and a solve that overruns its limit (or runs out of memory) can be stopped from outside.
import { planErrors } from '../../../shared/domain/validate-plan';
import { solve } from '../solve';
import { generateInstance, type InstanceSpec } from './generate';

export interface SolveOneRow {
  doctors: number;
  sites: number;
  status: string;
  /** Seconds from the call to solve() to its 'first-valid' progress event. */
  firstValid?: number;
  objective?: number;
  bound?: number;
  seconds: number;
  /** Peak resident set of this process, MB. */
  rssMb: number;
  /** validatePlan errors of the returned plan (0 when it has no assignments). */
  errors: number;
  /** The first error's words, when any. */
  firstError?: string;
  explanation: string[];
  /** Infeasible variants: the site the generator cut, and whether the explanation names it. */
  cutSite?: string;
  namesCutSite?: boolean;
}

const { spec, timeLimit } = JSON.parse(process.argv[2]!) as { spec: InstanceSpec; timeLimit: number };
const { problem, cutSite } = generateInstance(spec);
// The solve's own clock: the first-valid time is read on the same one as the total.
const now = () => performance.now();
const started = now();
let firstValid: number | undefined;
const plan = await solve(problem, {
  seed: 1,
  timeLimit,
  now,
  onProgress: (e) => {
    if (e.phase === 'first-valid') firstValid ??= (now() - started) / 1000;
  },
});
const seconds = (now() - started) / 1000;
const errors = plan.assignments.length > 0 ? planErrors(problem, plan) : [];
const row: SolveOneRow = {
  doctors: problem.doctors.length,
  sites: problem.sites.length,
  status: plan.status ?? 'unknown',
  firstValid,
  objective: plan.objective,
  bound: plan.bound,
  seconds,
  rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  errors: errors.length,
  firstError: errors[0]?.message_en,
  explanation: plan.explanation.map((e) => e.message_sv),
  ...(cutSite ? { cutSite, namesCutSite: plan.explanation.some((e) => e.sites?.includes(cutSite)) } : {}),
};
process.send!(row, () => process.exit(0));
