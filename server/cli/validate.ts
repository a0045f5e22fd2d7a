// npm run validate -- <problem.json> <plan.json> [--lang sv|en]
// Prints each violation (and note) on one line and "violations: N"; exit 0 when none, 1 when some,
// 2 when the input is invalid (one "<json path>: <what is wrong>" line per problem).
import { parseArgs } from 'node:util';
import { validatePlan } from '../../shared/domain/validate-plan';
import { formatIssue } from '../../shared/format/issues';
import { parsePlan, parseProblem } from '../../shared/format/parse';
import { readJsonFile } from './read-json';

const USAGE = 'usage: npm run validate -- <problem.json> <plan.json> [--lang sv|en]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { lang: { type: 'string', default: 'sv' } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [problemPath, planPath] = args.positionals;
  const lang = args.values.lang;
  if (!problemPath || !planPath || args.positionals.length > 2 || (lang !== 'sv' && lang !== 'en')) {
    console.error(USAGE);
    return 2;
  }

  const [problemFile, planFile] = await Promise.all([readJsonFile(problemPath), readJsonFile(planPath)]);
  let invalid = false;
  for (const file of [problemFile, planFile]) {
    if (!file.ok) {
      console.error(file.message);
      invalid = true;
    }
  }
  if (!problemFile.ok || !planFile.ok) return 2;

  const problem = parseProblem(problemFile.value);
  const plan = parsePlan(planFile.value);
  for (const [path, parsed] of [[problemPath, problem], [planPath, plan]] as const) {
    if (parsed.ok) continue;
    invalid = true;
    console.error(`${path}: invalid ${path === problemPath ? 'bt-planning-problem/1' : 'bt-plan/1'}`);
    for (const issue of parsed.issues) console.error(formatIssue(issue));
  }
  if (invalid || !problem.ok || !plan.ok) return 2;

  const violations = validatePlan(problem.value, plan.value);
  for (const v of violations) {
    console.log(`${v.severity}\t${v.code}\t${lang === 'sv' ? v.message_sv : v.message_en}`);
  }
  // Notes (a second credit by a recorded exception) are printed but break no rule: they are not
  // violations, and alone they leave the exit code 0.
  const count = (severity: string) => violations.filter((v) => v.severity === severity).length;
  const [errors, warnings, notes] = [count('error'), count('warning'), count('note')];
  console.log(`violations: ${errors + warnings}`);
  console.log(`errors: ${errors}, warnings: ${warnings}`);
  if (notes > 0) console.log(`notes: ${notes}`);
  return errors + warnings === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    // Never a stack trace: an unexpected failure is one line and exit 2.
    console.error(`validate: ${(err as Error)?.message ?? String(err)}`);
    process.exit(2);
  },
);
