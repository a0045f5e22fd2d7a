// @vitest-environment happy-dom
// The goal coverage table: BT1–BT18 per doctor from placements and credit, and the regulation's
// minimums from the plan's violations.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CoverageTable } from '../../client/src/components/CoverageTable';
import { kronoberg2026 } from '../../shared/domain/presets';
import { validatePlan } from '../../shared/domain/validate-plan';

afterEach(cleanup);
const { problem, plan } = kronoberg2026;

/** The cells of a doctor's row: BT1–BT18 in order, then the regulation. */
const rowOf = (container: HTMLElement, doctor: string) => [...container.querySelector(`[data-coverage="${doctor}"]`)!.querySelectorAll('td')].map((td) => td.textContent);
const ALL_GOALS = Array<string>(18).fill('✓');

describe('CoverageTable', () => {
  it('marks all 18 goals for every doctor of a full year and says OK for the regulation', () => {
    const { container } = render(<CoverageTable problem={problem} assignments={plan.assignments} violations={validatePlan(problem, plan)} lang="sv" />);
    expect([...container.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Läkare', ...Array.from({ length: 18 }, (_, i) => `BT${i + 1}`), 'Regelverk']);
    expect(container.querySelectorAll('[data-coverage]')).toHaveLength(problem.doctors.length);
    for (const doctor of problem.doctors) expect({ doctor: doctor.id, cells: rowOf(container, doctor.id) }).toEqual({ doctor: doctor.id, cells: [...ALL_GOALS, 'OK'] });
  });

  it('shows what a year without primary care misses: BT3 alone, and the primary-care minimum', () => {
    const doctor = problem.doctors[0]!.id;
    const without = plan.assignments.filter((a) => !(a.doctor === doctor && a.block === 'pc'));
    const { container } = render(<CoverageTable problem={problem} assignments={without} violations={validatePlan(problem, { assignments: without })} lang="sv" />);
    const cells = rowOf(container, doctor);
    // Only primary care trains BT3; BT4–BT8 come from internal medicine and psychiatry too.
    expect(cells.slice(0, 18)).toEqual(ALL_GOALS.map((mark, i) => (i === 2 ? '✗' : mark)));
    expect(cells[18]).toBe('Anna Lindqvist [kr-d01]: 0 veckor primärvård, minst 13 krävs');
    // The other doctors keep their full year.
    for (const other of problem.doctors.slice(1)) expect(rowOf(container, other.id)).toEqual([...ALL_GOALS, 'OK']);
  });
});
