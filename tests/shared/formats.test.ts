import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../shared/domain/presets';
import { formatIssue } from '../../shared/format/issues';
import { parsePlan, parseProblem } from '../../shared/format/parse';
import type { ProblemInput } from '../../shared/format/problem';

const base = (): ProblemInput => ({
  format: 'bt-planning-problem/1',
  name: 'Test',
  blocks: [
    { id: 'intro', kind: 'intro', category: 'cohort', weeks: 2, offset: 0 },
    { id: 'akut', kind: 'acute', category: 'acute', weeks: 13 },
    { id: 'vc', kind: 'primary-care', category: 'primary-care', weeks: 13 },
  ],
  sites: [
    { id: 'sjh', name: 'Sjukhuset', town: 'Växjö', kinds: ['acute'], capacity: 1 },
    { id: 'hc', name: 'Vårdcentralen', town: 'Växjö', kinds: ['primary-care'], capacity: 1 },
  ],
  doctors: [
    { id: 'd1', name: 'Anna', start: '2026-01-12' },
    { id: 'd2', name: 'Bo', start: '2026-01-12' },
  ],
});

/** The problem's issues as the lines the CLI and API print. */
function problemLines(edit: (p: ProblemInput & Record<string, any>) => void): string[] {
  const input = structuredClone(base()) as ProblemInput & Record<string, any>;
  edit(input);
  const parsed = parseProblem(JSON.parse(JSON.stringify(input)));
  return parsed.ok ? [] : parsed.issues.map(formatIssue);
}

describe('bt-planning-problem/1', () => {
  it('parses a valid problem and fills defaults', () => {
    const parsed = parseProblem(base());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.doctors[0]).toMatchObject({ partTime: 1, absences: [], credits: [], pins: [], wishes: [], protectedIdentity: false });
    expect(parsed.value.sites[0]!.overrides).toEqual([]);
  });

  it.each<[string, (p: any) => void, string[]]>([
    ['a start that is not a Monday', (p) => (p.doctors[1].start = '2026-01-13'), ['doctors[1].start: 2026-01-13 is not a Monday (w. 3 2026 starts 2026-01-12)']],
    ['an impossible date', (p) => (p.doctors[0].start = '2026-02-30'), ['doctors[0].start: 2026-02-30 is not a date (YYYY-MM-DD)']],
    ['a wrong format tag', (p) => (p.format = 'bt-plan/1'), ['format: Must be "bt-planning-problem/1"']],
    ['a missing field', (p) => delete p.doctors[0].name, ['doctors[0].name: Required']],
    ['an unknown field', (p) => (p.doctors[0].startt = '2026-01-12'), ['doctors[0]: Unknown field: "startt"']],
    ['part-time below 0.5', (p) => (p.doctors[0].partTime = 0.4), ['doctors[0].partTime: At least 0.5']],
    ['negative capacity', (p) => (p.sites[0].capacity = -1), ['sites[0].capacity: At least 0']],
    ['an absence ending before it starts', (p) => (p.doctors[0].absences = [{ from: '2026-03-09', to: '2026-03-02' }]), ['doctors[0].absences[0].to: 2026-03-02 is not after from (2026-03-09)']],
    ['an absence before the start', (p) => (p.doctors[0].absences = [{ from: '2026-01-05', to: '2026-01-19' }]), ["doctors[0].absences[0].from: 2026-01-05 is before the doctor's start (2026-01-12)"]],
    ['overlapping absences', (p) => (p.doctors[0].absences = [{ from: '2026-03-02', to: '2026-03-16' }, { from: '2026-03-09', to: '2026-03-23' }]), ['doctors[0].absences[1]: overlaps absences[0]']],
    ['a duplicate doctor id', (p) => (p.doctors[1].id = 'd1'), ['doctors[1].id: duplicate id "d1" (also doctors[0])']],
    ['a duplicate block id', (p) => (p.blocks[2].id = 'akut'), ['blocks[2].id: duplicate id "akut" (also blocks[1])']],
    ['a credit shorter than 13 weeks', (p) => (p.doctors[0].credits = [{ block: 'akut', weeks: 12, decidedBy: 'Studierektor Eva', decidedOn: '2025-12-01' }]), ['doctors[0].credits[0].weeks: must be at least 13 weeks (3 months)']],
    ['a credit without a decision maker', (p) => (p.doctors[0].credits = [{ block: 'akut', weeks: 13, decidedBy: '', decidedOn: '2025-12-01' }]), ['doctors[0].credits[0].decidedBy: names the studierektor who decided']],
    ['two credits without a recorded exception', (p) => (p.doctors[0].credits = [
      { block: 'akut', weeks: 13, decidedBy: 'Eva', decidedOn: '2025-12-01' },
      { block: 'vc', weeks: 13, decidedBy: 'Eva', decidedOn: '2025-12-01' },
    ]), ['doctors[0].creditException: a second credit (tillgodoräknande) needs a recorded exception: reason, decided by the studierektor, date']],
    ['three credits, even with an exception', (p) => {
      p.doctors[0].credits = ['akut', 'vc', 'psy'].map((block) => ({ block, weeks: 13, decidedBy: 'Eva', decidedOn: '2025-12-01' }));
      p.doctors[0].creditException = { reason: 'Påbörjad BT i annan region', decidedBy: 'Eva', decidedOn: '2025-12-01' };
    }, ['doctors[0].credits: at most two credits (tillgodoräknande) per doctor, the second only with a recorded exception; got 3', 'doctors[0].credits[2].block: psy is not a block of this problem']],
    ['one block credited twice', (p) => {
      p.doctors[0].credits = ['akut', 'akut'].map((block) => ({ block, weeks: 13, decidedBy: 'Eva', decidedOn: '2025-12-01' }));
      p.doctors[0].creditException = { reason: 'Påbörjad BT i annan region', decidedBy: 'Eva', decidedOn: '2025-12-01' };
    }, ['doctors[0].credits[1].block: akut is credited twice']],
    ['a credit of a cohort block', (p) => (p.doctors[0].credits = [{ block: 'intro', weeks: 13, decidedBy: 'Eva', decidedOn: '2025-12-01' }]), ['doctors[0].credits[0].block: intro is a cohort block; only acute, primary-care or psychiatry blocks can be credited']],
    ['a credit of an unknown block', (p) => (p.doctors[0].credits = [{ block: 'geri', weeks: 13, decidedBy: 'Eva', decidedOn: '2025-12-01' }]), ['doctors[0].credits[0].block: geri is not a block of this problem']],
    ['an allowed site that does not exist', (p) => (p.doctors[0].allowedSites = { vc: ['hc', 'hc-x'] }), ['doctors[0].allowedSites.vc[1]: hc-x is not a site of this problem']],
    ['allowed sites for an unknown block', (p) => (p.doctors[0].allowedSites = { geri: ['hc'] }), ['doctors[0].allowedSites.geri: geri is not a block of this problem']],
    ['a pin to an unknown site', (p) => (p.doctors[0].pins = [{ block: 'akut', site: 'nope' }]), ['doctors[0].pins[0].site: nope is not a site of this problem']],
    ['a pin of a site to a block without one', (p) => (p.doctors[0].pins = [{ block: 'intro', site: 'hc' }]), ['doctors[0].pins[0].site: intro is a block without a site']],
    ['a pin of a credited block', (p) => {
      p.doctors[0].credits = [{ block: 'akut', weeks: 13, decidedBy: 'Eva', decidedOn: '2025-12-01' }];
      p.doctors[0].pins = [{ block: 'akut', site: 'sjh' }];
    }, ['doctors[0].pins[0].block: akut is credited and gets no placement']],
    ['a wish for an unknown block', (p) => (p.doctors[0].wishes = [{ block: 'x', weight: 1 }]), ['doctors[0].wishes[0].block: x is not a block of this problem']],
    ['an override not ending on a Monday', (p) => (p.sites[0].overrides = [{ from: '2026-06-01', to: '2026-08-30', capacity: 0 }]), ['sites[0].overrides[0].to: 2026-08-30 is not a Monday (w. 35 2026 starts 2026-08-24)']],
  ])('rejects %s with a path-named line', (_name, edit, lines) => {
    expect(problemLines(edit)).toEqual(lines);
  });

  it('reports every problem, one line each', () => {
    const lines = problemLines((p: any) => {
      p.doctors[0].start = '2026-01-13';
      p.doctors[1].start = '2026-02-30';
      p.sites[1].kinds = [];
    });
    expect(lines).toEqual([
      'sites[1].kinds: At least 1 needed',
      'doctors[0].start: 2026-01-13 is not a Monday (w. 3 2026 starts 2026-01-12)',
      'doctors[1].start: 2026-02-30 is not a date (YYYY-MM-DD)',
    ]);
  });

  it('rejects a document that is not an object', () => {
    const parsed = parseProblem([1, 2]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map(formatIssue)).toEqual(['(root): Must be an object']);
  });

  it("reads a site without other cohorts' load as before: no taken field", () => {
    const parsed = parseProblem(base());
    expect(parsed.ok && parsed.value.sites.map((s) => 'taken' in s)).toEqual([false, false]);
  });

  it("carries other cohorts' load (taken) through a JSON round trip", () => {
    const input = base();
    input.sites[0]!.taken = [
      { from: '2026-02-16', to: '2026-05-04', doctors: 1, cohort: 'Kronoberg BT 2025' },
      { from: '2026-03-02', to: '2026-03-16', doctors: 2 },
    ];
    const parsed = parseProblem(JSON.parse(JSON.stringify(input)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.sites[0]!.taken).toEqual(input.sites[0]!.taken);
    const again = parseProblem(JSON.parse(JSON.stringify(parsed.value)));
    expect(again.ok && again.value).toEqual(parsed.value);
  });

  it.each<[string, (p: any) => void, string[]]>([
    ['taken not on Mondays', (p) => (p.sites[0].taken = [{ from: '2026-02-17', to: '2026-03-02', doctors: 1 }]), ['sites[0].taken[0].from: 2026-02-17 is not a Monday (w. 8 2026 starts 2026-02-16)']],
    ['taken ending before it starts', (p) => (p.sites[0].taken = [{ from: '2026-03-02', to: '2026-02-16', doctors: 1 }]), ['sites[0].taken[0].to: 2026-02-16 is not after from (2026-03-02)']],
    ['taken with a fractional count', (p) => (p.sites[0].taken = [{ from: '2026-02-16', to: '2026-03-02', doctors: 1.5 }]), ['sites[0].taken[0].doctors: Must be a whole number']],
    ['taken with an unknown field', (p) => (p.sites[0].taken = [{ from: '2026-02-16', to: '2026-03-02', doctors: 1, who: 'x' }]), ['sites[0].taken[0]: Unknown field: "who"']],
  ])('rejects %s with a path-named line', (_name, edit, lines) => {
    expect(problemLines(edit)).toEqual(lines);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('the %s preset survives a JSON round trip', (_id, preset) => {
    const parsed = parseProblem(JSON.parse(JSON.stringify(preset.problem)));
    expect(parsed.ok && parsed.value).toEqual(preset.problem);
    const plan = parsePlan(JSON.parse(JSON.stringify(preset.plan)));
    expect(plan.ok && plan.value).toEqual(preset.plan);
  });
});

describe('bt-plan/1', () => {
  const assignment = { doctor: 'd1', block: 'akut', site: 'sjh', from: '2026-01-26', to: '2026-04-27' };

  it('parses a solver result with status, objective and explanation', () => {
    const parsed = parsePlan({
      format: 'bt-plan/1', status: 'optimal', objective: 3, bound: 3, assignments: [assignment],
      explanation: [], stats: { seconds: 1.4 },
    });
    expect(parsed.ok && parsed.value.stats).toEqual({ seconds: 1.4 });
  });

  it.each<[string, object, string[]]>([
    ['a range ending before it starts', { ...assignment, to: '2026-01-19' }, ['assignments[0].to: 2026-01-19 is not after from (2026-01-26)']],
    ['a start that is not a Monday', { ...assignment, from: '2026-01-27' }, ['assignments[0].from: 2026-01-27 is not a Monday (w. 5 2026 starts 2026-01-26)']],
    ['a missing site (must be null, not absent)', { doctor: 'd1', block: 'intro', from: '2026-01-12', to: '2026-01-26' }, ['assignments[0].site: Required']],
  ])('rejects %s', (_name, bad, lines) => {
    const parsed = parsePlan({ format: 'bt-plan/1', assignments: [bad] });
    expect(parsed.ok ? [] : parsed.issues.map(formatIssue)).toEqual(lines);
  });

  it('rejects an unknown status', () => {
    const parsed = parsePlan({ format: 'bt-plan/1', status: 'great', assignments: [] });
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path.join('.'))).toEqual(['status']);
  });
});

describe("a block's cohort week (at)", () => {
  it('reads a Monday and keeps it through a JSON round trip', () => {
    const input = base();
    input.blocks.push({ id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, at: '2026-03-09' });
    const parsed = parseProblem(JSON.parse(JSON.stringify(input)));
    expect(parsed.ok && parsed.value.blocks[3]).toEqual({ id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, at: '2026-03-09' });
  });

  it.each<[string, (p: any) => void, string[]]>([
    ['a cohort week that is not a Monday', (p) => (p.blocks[0] = { ...p.blocks[0], offset: undefined, at: '2026-03-10' }), ['blocks[0].at: 2026-03-10 is not a Monday (w. 11 2026 starts 2026-03-09)']],
    ['both an offset and a cohort week', (p) => (p.blocks[0].at = '2026-01-12'), ['blocks[0].at: a block starts either at an offset or at a date (at), not both']],
  ])('rejects %s with a path-named line', (_name, edit, lines) => {
    expect(problemLines(edit)).toEqual(lines);
  });
});
