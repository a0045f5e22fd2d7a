import { describe, expect, it } from 'vitest';
import { kronoberg2026 } from '../../shared/domain/presets';
import { btEnd, requiredServiceWeeks } from '../../shared/domain/rotation';
import { aDoctor, aProblem, week } from '../support/builders';

describe('rotation arithmetic', () => {
  it.each([
    [9, 1, 9],
    [9, 0.75, 12], // 0.75 stretches a 9-week block to 12 service weeks
    [9, 0.5, 18],
    [9, 0.6, 15], // 9 / 0.6 is 15.000000000000002 in floating point
    [10, 0.8, 13],
    [13, 0.9, 15],
  ])('a %i-week block at part-time %f needs %i service weeks', (weeks, rate, needed) => {
    expect(requiredServiceWeeks(weeks, rate)).toBe(needed);
  });

  it('ends Kronoberg doctors on the Monday after the employment', () => {
    for (const d of kronoberg2026.problem.doctors) expect(btEnd(kronoberg2026.problem, d)).toBe('2027-01-18');
  });

  // Default template: 2 intro + 13 acute + 13 primary care + 4 psychiatry + 2 vacation = 34 weeks.
  it.each([
    ['full time', {}, 34],
    ['an absence of 3 weeks extends it by 3', { absences: [{ from: week(20), to: week(23) }] }, 37],
    ['part-time 0.5 doubles the site blocks (30 → 60 service weeks)', { partTime: 0.5 }, 64],
    ['a credited primary-care block shortens it by 13', { credits: [{ block: 'pc', weeks: 13, decidedBy: 'Studierektor Eva Ek', decidedOn: '2026-02-01' }] }, 21],
  ])('%s', (_name, doctor, weeks) => {
    const problem = aProblem({ doctors: [aDoctor(doctor)] });
    expect(btEnd(problem, problem.doctors[0]!)).toBe(week(weeks));
  });
});
