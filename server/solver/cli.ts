// npm run solve -- <problem.json> [--out plan.json] [--time-limit S] [--seed N]
// Writes the bt-plan/1 JSON (stdout or --out), progress on stderr; exit 0 for any verdict,
// 2 for invalid input with "<json path>: <what is wrong>" lines.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatIssue } from '../../shared/format/issues';
import { parseProblem } from '../../shared/format/parse';
import { readJsonFile } from '../cli/read-json';
import { solve } from './solve';

const USAGE = 'usage: npm run solve -- <problem.json> [--out plan.json] [--time-limit S] [--seed N]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { out: { type: 'string' }, 'time-limit': { type: 'string', default: '30' }, seed: { type: 'string', default: '1' } },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [problemPath] = args.positionals;
  const timeLimit = Number(args.values['time-limit']);
  const seed = Number(args.values.seed);
  if (!problemPath || args.positionals.length > 1 || !(timeLimit > 0) || !Number.isInteger(seed)) {
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
  const plan = solve(problem.value, {
    seed,
    timeLimit,
    onProgress: (e) => console.error(`solve: ${e.phase}${e.objective !== undefined ? ` objective ${e.objective}` : ''}`),
  });
  console.error(`solve: ${plan.status}${plan.objective !== undefined ? `, objective ${plan.objective}` : ''}`);
  for (const e of plan.explanation) console.error(`  ${e.message_sv}`);
  const json = `${JSON.stringify(plan, null, 2)}\n`;
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
