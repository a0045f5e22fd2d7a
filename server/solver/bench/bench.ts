// npm run bench [-- name…] [--no-reference]: our solver and the reference formulation on the
// same generated instances, in the same run. Prints one row per instance; every returned plan
// is checked by validatePlan. Names pick instances; --no-reference skips the reference.
import { planErrors } from '../../../shared/domain/validate-plan';
import type { Plan } from '../../../shared/format/plan';
import { Worker } from 'node:worker_threads';
import { solve } from '../solve';
import { generateInstance, type InstanceSpec } from './generate';

const INSTANCES: (InstanceSpec & { referenceLimit: number })[] = [
  { name: 'kronoberg-40', region: 'kronoberg', doctors: 40, seed: 1, referenceLimit: 60 },
  { name: 'vasternorrland-40', region: 'vasternorrland', doctors: 40, seed: 1, referenceLimit: 60 },
  { name: 'mixed-200', region: 'mixed', doctors: 200, seed: 1, referenceLimit: 120 },
  { name: 'mixed-200-tight', region: 'mixed', doctors: 200, seed: 1, tight: true, referenceLimit: 120 },
  { name: 'mixed-200-tight-c25', region: 'mixed', doctors: 200, seed: 1, tight: true, clusterSize: 25, referenceLimit: 120 },
  // A second 200-doctor cohort planned against the first: its sites carry the first one's load.
  { name: 'mixed-200-loaded', region: 'mixed', doctors: 200, seed: 1, tight: true, loaded: true, referenceLimit: 120 },
  { name: 'mixed-1500-tight', region: 'mixed', doctors: 1500, seed: 1, tight: true, referenceLimit: 0 },
  { name: 'kronoberg-40-infeasible', region: 'kronoberg', doctors: 40, seed: 1, infeasible: 'one-site', referenceLimit: 60 },
  { name: 'mixed-200-infeasible', region: 'mixed', doctors: 200, seed: 1, infeasible: 'one-site', referenceLimit: 120 },
  { name: 'mixed-200-infeasible-pair', region: 'mixed', doctors: 200, seed: 1, infeasible: 'two-sites', referenceLimit: 120 },
  { name: 'mixed-200-loaded-infeasible', region: 'mixed', doctors: 200, seed: 1, tight: true, loaded: true, infeasible: 'one-site', referenceLimit: 120 },
];

const gap = (plan: Plan) =>
  plan.objective !== undefined && plan.bound !== undefined
    ? `${(((plan.objective - plan.bound) / Math.max(1, Math.abs(plan.objective))) * 100).toFixed(1)}%`
    : '–';

const fmt = (value: number | undefined) => (value === undefined ? '–' : String(Math.round(value * 100) / 100));

function solveReferenceInWorker(spec: InstanceSpec, timeLimit: number): Promise<{ plan: Plan; seconds: number }> {
  const worker = new Worker(new URL('../worker-entry.mjs', import.meta.url), { workerData: { entry: './bench/reference-worker.ts', spec, timeLimit } });
  return new Promise<{ plan: Plan; seconds: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  }).finally(() => worker.terminate());
}

async function timed(run: () => Promise<Plan> | Plan): Promise<{ plan: Plan; seconds: number }> {
  const started = performance.now();
  const plan = await run();
  return { plan, seconds: (performance.now() - started) / 1000 };
}

const args = process.argv.slice(2);
const withReference = !args.includes('--no-reference');
const names = args.filter((a) => !a.startsWith('--'));
const chosen = INSTANCES.filter((spec) => names.length === 0 || names.includes(spec.name));

const header = ['instance', 'doctors', 'status', 'objective', 'gap', 'seconds', 'ref status', 'ref objective', 'ref gap', 'ref seconds', 'ratio', 'rss MB', 'errors'];
console.log(header.join('\t'));
for (const spec of chosen) {
  const { problem } = generateInstance(spec);
  const ours = await timed(() => solve(problem, { seed: 1, timeLimit: 60 }));
  const rss = Math.round(process.memoryUsage().rss / 1e6);
  const ref = withReference && spec.referenceLimit > 0 ? await solveReferenceInWorker(spec, spec.referenceLimit) : undefined;
  const errors = [ours.plan, ...(ref ? [ref.plan] : [])].reduce((n, p) => n + (p.assignments.length ? planErrors(problem, p).length : 0), 0);
  console.log(
    [
      spec.name,
      problem.doctors.length,
      ours.plan.status,
      fmt(ours.plan.objective),
      gap(ours.plan),
      ours.seconds.toFixed(2),
      ref ? ref.plan.status : 'skipped',
      fmt(ref?.plan.objective),
      ref ? gap(ref.plan) : '–',
      ref ? ref.seconds.toFixed(2) : '–',
      ref ? `${(ref.seconds / ours.seconds).toFixed(1)}×` : '–',
      rss,
      errors,
    ].join('\t'),
  );
  if (ours.plan.status === 'infeasible') for (const e of ours.plan.explanation) console.log(`  ${e.message_sv}`);
}
