import { describe, expect, it } from 'vitest';
import { kronoberg2026, vasternorrlandVt2026 } from '../../shared/domain/presets';
import { validatePlan } from '../../shared/domain/validate-plan';
import { formatWeek } from '../../shared/domain/weeks';

const lastTo = (doctor: string, plan = kronoberg2026.plan) =>
  plan.assignments.filter((a) => a.doctor === doctor).reduce((end, a) => (a.to > end ? a.to : end), '');

describe('Kronoberg 2026 preset', () => {
  const { problem, plan } = kronoberg2026;

  it('has eight doctors starting 2026-01-12 (v. 3) and a 53-week template', () => {
    expect(problem.doctors).toHaveLength(8);
    expect(new Set(problem.doctors.map((d) => d.start))).toEqual(new Set(['2026-01-12']));
    expect(formatWeek('2026-01-12')).toBe('v. 3 2026');
    expect(problem.blocks.reduce((s, b) => s + b.weeks, 0)).toBe(53);
  });

  it('fills the employment to 2027-01-17 for every doctor', () => {
    for (const d of problem.doctors) expect(lastTo(d.id)).toBe('2027-01-18');
  });

  it('starts the first placement the Monday after the 4-week intro', () => {
    const first = plan.assignments.filter((a) => a.doctor === 'kr-d01' && a.site !== null).sort((a, b) => a.from.localeCompare(b.from))[0];
    expect(first?.from).toBe('2026-02-09');
  });

  it('has hospitals in Växjö and Ljungby, psychiatry and vårdcentraler', () => {
    expect(new Set(problem.sites.flatMap((s) => s.kinds))).toEqual(new Set(['internal-medicine', 'surgery', 'psychiatry', 'primary-care']));
    expect(new Set(problem.sites.filter((s) => s.kinds.includes('surgery')).map((s) => s.town))).toEqual(new Set(['Växjö', 'Ljungby']));
  });

  it('has a hand-made plan without violations', () => {
    expect(validatePlan(problem, plan)).toEqual([]);
  });
});

describe('Västernorrland VT 2026 preset', () => {
  const { problem, plan } = vasternorrlandVt2026;

  it('starts in week 8 (2026-02-16) and lasts 52 weeks', () => {
    expect(new Set(problem.doctors.map((d) => d.start))).toEqual(new Set(['2026-02-16']));
    expect(formatWeek('2026-02-16')).toBe('v. 8 2026');
    expect(problem.blocks.map((b) => [b.id, b.weeks])).toEqual([
      ['intro', 2], ['edu', 2], ['acute', 17], ['psy', 10], ['pc', 17], ['vac', 4],
    ]);
    for (const d of problem.doctors) expect(lastTo(d.id, plan)).toBe('2027-02-15');
  });

  it('has 4 doctors from Sundsvall, 2 from Sollefteå and 2 from Örnsköldsvik', () => {
    const towns = problem.doctors.map((d) => d.town);
    expect(towns.filter((t) => t === 'Sundsvall')).toHaveLength(4);
    expect(towns.filter((t) => t === 'Sollefteå')).toHaveLength(2);
    expect(towns.filter((t) => t === 'Örnsköldsvik')).toHaveLength(2);
  });

  it('places acute and primary care in the home town', () => {
    const sites = new Map(problem.sites.map((s) => [s.id, s]));
    for (const d of problem.doctors) {
      for (const a of plan.assignments.filter((x) => x.doctor === d.id && (x.block === 'acute' || x.block === 'pc'))) {
        expect(sites.get(a.site!)?.town).toBe(d.town);
      }
    }
  });

  it('has a hand-made plan without violations', () => {
    expect(validatePlan(problem, plan)).toEqual([]);
  });
});
