// The solve command as a user runs it: a problem file in, a valid bt-plan/1 file out.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vasternorrlandVt2026 } from '../../shared/domain/presets';
import { planErrors } from '../../shared/domain/validate-plan';
import { parsePlan } from '../../shared/format/parse';
import { runCli } from '../support/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'bt-solve-'));

describe('npm run solve', () => {
  it('writes a valid plan with --out, progress on stderr, exit 0', async () => {
    const problemPath = join(dir, 'problem.json');
    const out = join(dir, 'plan.json');
    writeFileSync(problemPath, JSON.stringify(vasternorrlandVt2026.problem));
    const result = await runCli('server/solver/cli.ts', problemPath, '--out', out, '--seed', '4', '--time-limit', '10');
    expect(result.code).toBe(0);
    // Seed 4: the first valid plan costs 7, the search proves 6 optimal (only the times vary).
    expect(result.stderr).toMatch(/solve: optimal, objective 6, first valid plan after \d+\.\d s\n/);
    expect(result.stderr).toMatch(/solve: \d+\.\d s first-valid objective 7\n/);
    const plan = parsePlan(JSON.parse(readFileSync(out, 'utf8')));
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(planErrors(vasternorrlandVt2026.problem, plan.value)).toEqual([]);

    // Same input and seed: the same bytes.
    const again = join(dir, 'plan-again.json');
    expect((await runCli('server/solver/cli.ts', problemPath, '--out', again, '--seed', '4', '--time-limit', '10')).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('writes an array of variants and the reference MIP as LP text', async () => {
    const problemPath = join(dir, 'problem-v.json');
    const out = join(dir, 'variants.json');
    const lp = join(dir, 'model.lp');
    writeFileSync(problemPath, JSON.stringify(vasternorrlandVt2026.problem));
    const result = await runCli('server/solver/cli.ts', problemPath, '--variants', '2', '--out', out, '--export-lp', lp, '--time-limit', '10');
    expect(result.code).toBe(0);
    const plans = JSON.parse(readFileSync(out, 'utf8')) as { status: string; stats: { variant: string } }[];
    // Both weightings reach the same optimum (every wish met, in well under a second each), and a
    // variant that repeats an earlier plan is left out: one plan, the balanced one.
    expect(plans.map((p) => `${p.stats.variant} ${p.status}`)).toEqual(['balanced optimal']);
    for (const p of plans) {
      const plan = parsePlan(p);
      expect(plan.ok && planErrors(vasternorrlandVt2026.problem, plan.value)).toEqual([]);
    }
    const text = readFileSync(lp, 'utf8');
    expect(text).toMatch(/^\\ File written by HiGHS/);
    expect(text).toMatch(/\nmin\n/);
    expect(text).toMatch(/\nst\n/);
    expect(text).toMatch(/\nbin\n/);
  });

  it('exits 2 with path-named lines for an invalid problem', async () => {
    const bad = structuredClone(vasternorrlandVt2026.problem) as any;
    bad.sites[0].capacity = -2;
    const problemPath = join(dir, 'bad.json');
    writeFileSync(problemPath, JSON.stringify(bad));
    const result = await runCli('server/solver/cli.ts', problemPath);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sites[0].capacity: At least 0\n');
    expect(result.stdout).toBe('');
  });
});
