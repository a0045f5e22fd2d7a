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

describe('CoverageTable', () => {
  it('marks the goals a full year covers and says OK for the regulation', () => {
    const { container } = render(<CoverageTable problem={problem} assignments={plan.assignments} violations={validatePlan(problem, plan)} lang="sv" />);
    const row = container.querySelector(`[data-coverage="${problem.doctors[0]!.id}"]`)!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toHaveLength(19);
    expect(cells.slice(0, 9)).toEqual(['✓', '✓', '✓', '✓', '✓', '✓', '✓', '✓', '✓']);
    expect(cells.at(-1)).toBe('OK');
  });

  it('shows what a year without primary care misses', () => {
    const doctor = problem.doctors[0]!.id;
    const without = plan.assignments.filter((a) => !(a.doctor === doctor && a.block === 'pc'));
    const { container } = render(<CoverageTable problem={problem} assignments={without} violations={validatePlan(problem, { assignments: without })} lang="sv" />);
    const cells = [...container.querySelector(`[data-coverage="${doctor}"]`)!.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells[2]).toBe('✗');
    expect(cells.at(-1)).toMatch(/primärvård|allmänmedicin/i);
  });
});
