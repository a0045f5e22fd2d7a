// The validate command as a user runs it: real files, a real process, exit codes and output.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kronoberg2026 } from '../../shared/domain/presets';
import { layoutRotation } from '../../shared/domain/rotation';
import { addWeeks } from '../../shared/domain/weeks';
import { runCli } from '../support/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'bt-validate-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const validate = (...args: string[]) => runCli('server/cli/validate.ts', ...args);

describe('npm run validate', () => {
  let problem: string;
  beforeAll(() => {
    problem = file('problem.json', kronoberg2026.problem);
  });

  it('exits 0 and prints "violations: 0" for a valid plan', async () => {
    const out = await validate(problem, file('plan.json', kronoberg2026.plan));
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n')).toContain('violations: 0');
  });

  it('exits 1 and prints one line per violation for a broken plan', async () => {
    // Drop kr-d01's primary care: the block is missing, its weeks are a gap, the regulation's
    // primary-care minimum fails and goal BT3 (only primary care covers it) is a warning.
    const plan = structuredClone(kronoberg2026.plan);
    plan.assignments = plan.assignments.filter((a) => !(a.doctor === 'kr-d01' && a.block === 'pc'));
    const out = await validate(problem, file('broken.json', plan), '--lang', 'en');
    expect(out.code).toBe(1);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toContain('violations: 4');
    expect(lines).toContain('errors: 3, warnings: 1');
    expect(lines.filter((l) => l.startsWith('error\t'))).toEqual([
      'error\tmissing-assignment\tAnna Lindqvist [kr-d01]: Primary care is missing from the plan',
      'error\tcoverage-gap\tAnna Lindqvist [kr-d01]: w. 7 2026–w. 24 2026 has no placement',
      'error\tprimary-care-minimum\tAnna Lindqvist [kr-d01]: 0 weeks of primary care, at least 13 required',
    ]);
    expect(lines).toContain('warning\tgoal-not-covered\tAnna Lindqvist [kr-d01]: goal BT3 is not covered by any placement');
  });

  it("counts the other cohorts' load (taken) a problem file carries on its sites", async () => {
    // The plan is valid alone; one more doctor of another cohort in kr-d01's first placement's
    // site and first week puts that site-week over its capacity.
    const first = kronoberg2026.plan.assignments.find((a) => a.doctor === 'kr-d01' && a.site !== null)!;
    const loaded = structuredClone(kronoberg2026.problem);
    const site = loaded.sites.find((s) => s.id === first.site)!;
    site.taken = [{ from: first.from, to: addWeeks(first.from, 1), doctors: site.capacity, cohort: 'Kronoberg BT 2025' }];
    const out = await validate(file('loaded.json', loaded), file('plan-loaded.json', kronoberg2026.plan), '--lang', 'en');
    expect(out.code).toBe(1);
    const capacity = out.stdout.split('\n').filter((l) => l.startsWith('error\tcapacity\t'));
    expect(capacity).toHaveLength(1);
    expect(capacity[0]).toContain(`${site.name}: `);
    expect(capacity[0]).toMatch(new RegExp(`\\((\\d+) in this cohort, ${site.capacity} in other cohorts\\), capacity ${site.capacity}$`));
  });

  it('exits 2 with path-named lines and no stack trace for an invalid problem', async () => {
    const bad = structuredClone(kronoberg2026.problem) as any;
    bad.doctors[3].start = '2026-01-13';
    bad.doctors[5].partTime = 2;
    const out = await validate(file('bad.json', bad), file('plan2.json', kronoberg2026.plan));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('doctors[3].start: 2026-01-13 is not a Monday (w. 3 2026 starts 2026-01-12)\n');
    expect(out.stderr).toContain('doctors[5].partTime: At most 1\n');
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for broken JSON, naming the file', async () => {
    const broken = file('broken-json.json', '{"format": ');
    const out = await validate(broken, file('plan3.json', kronoberg2026.plan));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/broken-json\.json: not valid JSON/);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with usage for a missing argument or file', async () => {
    expect((await validate(problem)).code).toBe(2);
    const missing = await validate(problem, join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: cannot read the file (ENOENT)');
  });

  describe('a second credited block', () => {
    const credit = (block: string) => ({ block, weeks: 13, decidedBy: 'Studierektor Eva', decidedOn: '2025-12-01' });
    /** kr-d01 credited psychiatry and primary care, the plan without those two placements. */
    const twoCredits = (exception: boolean) => {
      const problem = structuredClone(kronoberg2026.problem);
      const doctor = problem.doctors.find((d) => d.id === 'kr-d01')!;
      doctor.credits = [credit('psy'), credit('pc')];
      if (exception) doctor.creditException = { reason: 'Påbörjad BT i annan region', decidedBy: 'Studierektor Eva', secondDecider: 'Verksamhetschef Olof', decidedOn: '2025-12-01' };
      const plan = structuredClone(kronoberg2026.plan);
      plan.assignments = plan.assignments.filter((a) => !(a.doctor === 'kr-d01' && (a.block === 'psy' || a.block === 'pc')));
      return { problem: file(`two-credits-${exception}.json`, problem), plan: file(`two-credits-plan-${exception}.json`, plan) };
    };

    it('without a recorded exception is an error of the problem (exit 2)', async () => {
      const { problem: p, plan } = twoCredits(false);
      const out = await validate(p, plan, '--lang', 'en');
      expect(out.code).toBe(2);
      expect(out.stderr).toContain('doctors[0].creditException: a second credit (tillgodoräknande) needs a recorded exception: reason, decided by the studierektor, date\n');
    });

    it('with one is a note (not a violation), and both credits count for the regulation', async () => {
      const { problem: p, plan } = twoCredits(true);
      const out = await validate(p, plan, '--lang', 'sv');
      const lines = out.stdout.trim().split('\n');
      expect(lines.filter((l) => l.startsWith('note\t'))).toEqual([
        'note\tcredit-exception\tAnna Lindqvist [kr-d01]: två tillgodoräknade block (Psykiatri och Allmänmedicin) enligt undantag, beslutat av Studierektor Eva och Verksamhetschef Olof 2025-12-01',
      ]);
      expect(lines).toContain('notes: 1');
      // The reason is personal: it stays out of the checks.
      expect(out.stdout).not.toContain('annan region');
      // Primary care counts its 13 credited weeks: no shortfall although kr-d01 has no placement there.
      expect(lines.filter((l) => /minimum/.test(l))).toEqual([]);
    });

    it('a note alone leaves the exit code 0; an exception with one credit notes nothing', async () => {
      // kr-d01 alone, psychiatry and primary care credited: intro, internal medicine, surgery, vacation.
      const problem = structuredClone(kronoberg2026.problem);
      problem.doctors = problem.doctors.filter((d) => d.id === 'kr-d01');
      const doctor = problem.doctors[0]!;
      doctor.credits = [credit('psy'), credit('pc')];
      doctor.creditException = { reason: 'Påbörjad BT i annan region', decidedBy: 'Studierektor Eva', decidedOn: '2025-12-01' };
      const assignments = layoutRotation(problem, doctor, { placements: [{ block: 'im', site: 'vxo-med' }, { block: 'surg', site: 'vxo-kir' }], at: { vac: '2026-06-15' } });
      const out = await validate(file('note-alone.json', problem), file('note-alone-plan.json', { format: 'bt-plan/1', status: 'feasible', assignments }), '--lang', 'en');
      expect([out.code, out.stdout.trim().split('\n')]).toEqual([
        0,
        [
          'note\tcredit-exception\tAnna Lindqvist [kr-d01]: two credited blocks (Psychiatry and Primary care) by a recorded exception, decided by Studierektor Eva on 2025-12-01',
          'violations: 0',
          'errors: 0, warnings: 0',
          'notes: 1',
        ],
      ]);
      doctor.credits = [credit('psy')];
      const single = layoutRotation(problem, doctor, { placements: [{ block: 'pc', site: 'vc-teleborg' }, { block: 'im', site: 'vxo-med' }, { block: 'surg', site: 'vxo-kir' }], at: { vac: '2026-06-15' } });
      const one = await validate(file('one-credit.json', problem), file('one-credit-plan.json', { format: 'bt-plan/1', status: 'feasible', assignments: single }), '--lang', 'en');
      expect(one.stdout).not.toContain('note');
    });
  });
});
