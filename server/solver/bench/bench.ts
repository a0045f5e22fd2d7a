// npm run bench [-- name…] [--only group-or-prefix,…] [--no-reference]: our solver and the
// reference formulation on the same generated instances, in the same run. Prints one row per
// instance; every returned plan is checked by validatePlan. Names pick instances; --only picks
// groups ('classic', 'region', 'blocks', 'infeasible') or name prefixes ('region-200');
// --no-reference skips the reference. Ours runs in its own process per instance (its peak rss,
// and a hard stop when it overruns its time limit: 'killed', or 'crashed' when it dies).
import { fork } from 'node:child_process';
import { planErrors } from '../../../shared/domain/validate-plan';
import type { Plan } from '../../../shared/format/plan';
import { Worker } from 'node:worker_threads';
import { generateInstance, type InstanceSpec } from './generate';
import type { RegionSpec } from './region';
import type { SolveOneRow } from './solve-one';

type BenchInstance = InstanceSpec & { referenceLimit: number; groups: string[] };

/** Our solver's time limit per instance, seconds. */
const TIME_LIMIT = 60;
/** A solve still running this long after its limit is stopped and shown as 'killed'. */
const KILL_AFTER_SECONDS = 60;

const classic = (spec: InstanceSpec & { referenceLimit: number }): BenchInstance => ({ ...spec, groups: ['classic', ...(spec.infeasible ? ['infeasible'] : [])] });
const region = (name: string, spec: Omit<RegionSpec, 'name'>, referenceLimit = 0): BenchInstance => ({
  style: 'region',
  name,
  ...spec,
  referenceLimit,
  groups: [spec.template.startsWith('blocks') ? 'blocks' : 'region', ...(spec.infeasible ? ['infeasible'] : [])],
});

const INSTANCES: BenchInstance[] = [
  classic({ name: 'kronoberg-40', region: 'kronoberg', doctors: 40, seed: 1, referenceLimit: 60 }),
  classic({ name: 'vasternorrland-40', region: 'vasternorrland', doctors: 40, seed: 1, referenceLimit: 60 }),
  classic({ name: 'mixed-200', region: 'mixed', doctors: 200, seed: 1, referenceLimit: 120 }),
  classic({ name: 'mixed-200-tight', region: 'mixed', doctors: 200, seed: 1, tight: true, referenceLimit: 120 }),
  classic({ name: 'mixed-200-tight-c25', region: 'mixed', doctors: 200, seed: 1, tight: true, clusterSize: 25, referenceLimit: 120 }),
  // A second 200-doctor cohort planned against the first: its sites carry the first one's load.
  classic({ name: 'mixed-200-loaded', region: 'mixed', doctors: 200, seed: 1, tight: true, loaded: true, referenceLimit: 120 }),
  classic({ name: 'mixed-1500-tight', region: 'mixed', doctors: 1500, seed: 1, tight: true, referenceLimit: 0 }),
  classic({ name: 'kronoberg-40-infeasible', region: 'kronoberg', doctors: 40, seed: 1, infeasible: 'one-site', referenceLimit: 60 }),
  classic({ name: 'mixed-200-infeasible', region: 'mixed', doctors: 200, seed: 1, infeasible: 'one-site', referenceLimit: 120 }),
  classic({ name: 'mixed-200-infeasible-pair', region: 'mixed', doctors: 200, seed: 1, infeasible: 'two-sites', referenceLimit: 120 }),
  classic({ name: 'mixed-200-loaded-infeasible', region: 'mixed', doctors: 200, seed: 1, tight: true, loaded: true, infeasible: 'one-site', referenceLimit: 120 }),
  // Region style (issue 17): towns, shared sites, home vårdcentraler; Kronoberg (kr, months)
  // and Västernorrland (vn, weeks) templates; seeds s1–s3.
  region('region-40-s1', { template: 'kronoberg', doctors: 40, seed: 1 }, 60),
  region('region-40-vn-s1', { template: 'vasternorrland', doctors: 40, seed: 1 }, 60),
  region('region-200-s1', { template: 'kronoberg', doctors: 200, seed: 1 }),
  region('region-200-s2', { template: 'kronoberg', doctors: 200, seed: 2 }),
  region('region-200-s3', { template: 'kronoberg', doctors: 200, seed: 3 }),
  region('region-200-vn-s1', { template: 'vasternorrland', doctors: 200, seed: 1 }),
  // The region's other cohort is planned already: its load is the sites' `taken`.
  region('region-200-loaded-s1', { template: 'kronoberg', doctors: 200, seed: 1, loaded: true }),
  region('region-600-s1', { template: 'kronoberg', doctors: 600, seed: 1 }),
  region('region-600-vn-s1', { template: 'vasternorrland', doctors: 600, seed: 1 }),
  region('region-1500-s1', { template: 'kronoberg', doctors: 1500, seed: 1 }),
  region('region-1500-s2', { template: 'kronoberg', doctors: 1500, seed: 2 }),
  region('region-1500-s3', { template: 'kronoberg', doctors: 1500, seed: 3 }),
  region('region-1500-vn-s1', { template: 'vasternorrland', doctors: 1500, seed: 1 }),
  // Many blocks: acute care split into specialities (14 site blocks), short rotations (26).
  region('blocks14-160-s1', { template: 'blocks-14', doctors: 160, seed: 1 }),
  region('blocks26-40-s1', { template: 'blocks-26', doctors: 40, seed: 1 }, 60),
  region('blocks26-320-s1', { template: 'blocks-26', doctors: 320, seed: 1 }),
  // One psychiatry site cut below what its doctors need: counting proves it and names the site.
  region('region-40-infeasible', { template: 'kronoberg', doctors: 40, seed: 1, infeasible: 'one-site' }, 60),
  region('region-200-infeasible', { template: 'kronoberg', doctors: 200, seed: 1, infeasible: 'one-site' }),
  region('region-200-loaded-infeasible', { template: 'kronoberg', doctors: 200, seed: 1, loaded: true, infeasible: 'one-site' }),
  region('region-600-infeasible', { template: 'vasternorrland', doctors: 600, seed: 1, infeasible: 'one-site' }),
  region('region-1500-infeasible', { template: 'kronoberg', doctors: 1500, seed: 1, infeasible: 'one-site' }),
  region('blocks14-160-infeasible', { template: 'blocks-14', doctors: 160, seed: 1, infeasible: 'one-site' }),
  region('blocks26-320-infeasible', { template: 'blocks-26', doctors: 320, seed: 1, infeasible: 'one-site' }),
];

const gap = (plan: Pick<Plan, 'objective' | 'bound'>) =>
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

/** Ours in a child process; a row with status 'killed' or 'crashed' when it does not come back. */
function solveInProcess(spec: InstanceSpec, timeLimit: number): Promise<SolveOneRow> {
  const child = fork(new URL('./solve-one.ts', import.meta.url), [JSON.stringify({ spec, timeLimit })], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=6144'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const started = performance.now();
  return new Promise<SolveOneRow>((resolve) => {
    let row: SolveOneRow | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), (timeLimit + KILL_AFTER_SECONDS) * 1000);
    child.on('message', (message: SolveOneRow) => (row = message));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      if (row) return resolve(row);
      const { problem } = generateInstance(spec);
      const status = signal === 'SIGKILL' ? 'killed' : `crashed (${signal ?? code})`;
      resolve({ doctors: problem.doctors.length, sites: problem.sites.length, status, seconds, rssMb: 0, errors: 0, explanation: [] });
    });
  });
}

const args = process.argv.slice(2);
const withReference = !args.includes('--no-reference');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').filter(Boolean) : [];
const names = args.filter((a, i) => !a.startsWith('--') && (onlyAt < 0 || i !== onlyAt + 1));
const chosen = INSTANCES.filter(
  (spec) =>
    (names.length === 0 || names.includes(spec.name)) &&
    (only.length === 0 || only.some((o) => spec.groups.includes(o) || spec.name.startsWith(o))),
);

const header = ['instance', 'doctors', 'sites', 'status', 'first valid s', 'objective', 'bound', 'gap', 'seconds', 'rss MB', 'errors', 'ref status', 'ref objective', 'ref gap', 'ref seconds', 'ratio', 'ref errors'];
console.log(header.join('\t'));
for (const spec of chosen) {
  const ours = await solveInProcess(spec, TIME_LIMIT);
  const ref = withReference && spec.referenceLimit > 0 ? await solveReferenceInWorker(spec, spec.referenceLimit) : undefined;
  const refErrors = ref && ref.plan.assignments.length > 0 ? planErrors(generateInstance(spec).problem, ref.plan).length : 0;
  console.log(
    [
      spec.name,
      ours.doctors,
      ours.sites,
      ours.status,
      ours.firstValid === undefined ? '–' : ours.firstValid.toFixed(2),
      fmt(ours.objective),
      fmt(ours.bound),
      gap(ours),
      ours.seconds.toFixed(2),
      ours.rssMb || '–',
      ours.errors,
      ref ? ref.plan.status : 'skipped',
      fmt(ref?.plan.objective),
      ref ? gap(ref.plan) : '–',
      ref ? ref.seconds.toFixed(2) : '–',
      ref ? `${(ref.seconds / ours.seconds).toFixed(1)}×` : '–',
      ref ? refErrors : '–',
    ].join('\t'),
  );
  if (ours.firstError) console.log(`  validatePlan: ${ours.firstError}`);
  if (ours.status !== 'optimal' && ours.status !== 'feasible') for (const message of ours.explanation) console.log(`  ${message}`);
  if (ours.cutSite) console.log(`  cut site ${ours.cutSite} ${ours.namesCutSite ? 'named' : 'NOT named'} in the explanation`);
}
