// npm run solve -- <problem.json> [--out plan.json] [--time-limit S] [--seed N] [--variants N] [--export-lp model.lp]
// Writes the bt-plan/1 JSON (stdout or --out; with --variants a JSON array of bt-plan/1),
// progress on stderr (with the time to the first valid plan); exit 0 for any verdict, 2 for invalid input with
// "<json path>: <what is wrong>" lines. --export-lp writes the reference MIP in LP format.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatIssue } from '../../shared/format/issues';
import { parseProblem } from '../../shared/format/parse';
import { readJsonFile } from '../cli/read-json';
import { exportReferenceLp } from './reference';
import { solve, type SolveProgress } from './solve';
import { solveVariants } from './variants';

const USAGE = 'usage: npm run solve -- <problem.json> [--out plan.json] [--time-limit S] [--seed N] [--variants N] [--export-lp model.lp]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'time-limit': { type: 'string', default: '30' },
        seed: { type: 'string', default: '1' },
        variants: { type: 'string' },
        'export-lp': { type: 'string' },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [problemPath] = args.positionals;
  const timeLimit = Number(args.values['time-limit']);
  const seed = Number(args.values.seed);
  const variants = args.values.variants === undefined ? undefined : Number(args.values.variants);
  if (!problemPath || args.positionals.length > 1 || !(timeLimit > 0) || !Number.isInteger(seed) || (variants !== undefined && !(Number.isInteger(variants) && variants >= 1))) {
    console.error(USAGE);
    return 2;
  }
  const file = await readJsonFile(problemPath);
  if (!file.ok) {
    console.error(file.message);
    return 2;
  }
  const problem = parseProblem(file.value);
  if (!problem.ok) {
    console.error(`${problemPath}: invalid bt-planning-problem/1`);
    for (const issue of problem.issues) console.error(formatIssue(issue));
    return 2;
  }
  if (args.values['export-lp']) {
    await writeFile(args.values['export-lp'], await exportReferenceLp(problem.value));
    console.error(`solve: reference MIP written to ${args.values['export-lp']}`);
  }
  const started = performance.now();
  // Time to the first plan with no overload (issue 17); with variants, the first variant's.
  let firstValid: number | undefined;
  const onProgress = (e: SolveProgress) => {
    const seconds = (performance.now() - started) / 1000;
    if (e.phase === 'first-valid') firstValid ??= seconds;
    console.error(
      `solve: ${seconds.toFixed(1)} s ${e.phase}${e.objective !== undefined ? ` objective ${e.objective}` : ''}${e.bound !== undefined ? ` bound ${e.bound}` : ''}`,
    );
  };
  const plans = variants !== undefined ? await solveVariants(problem.value, variants, { seed, timeLimit, onProgress }) : [await solve(problem.value, { seed, timeLimit, onProgress })];
  for (const plan of plans) {
    const name = plan.stats.variant ? `${String(plan.stats.variant)}: ` : '';
    const valid = firstValid !== undefined && plan === plans[0] ? `, first valid plan after ${firstValid.toFixed(1)} s` : '';
    console.error(`solve: ${name}${plan.status}${plan.objective !== undefined ? `, objective ${plan.objective}` : ''}${valid}`);
    for (const e of plan.explanation) console.error(`  ${e.message_sv}`);
  }
  const json = `${JSON.stringify(variants !== undefined ? plans : plans[0], null, 2)}\n`;
  if (args.values.out) await writeFile(args.values.out, json);
  else process.stdout.write(json);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`solve: ${(err as Error)?.message ?? String(err)}`);
    process.exit(2);
  },
);
