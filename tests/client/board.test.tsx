// @vitest-environment happy-dom
// The board's rendering: a bar per placement (vacation hatched), absences, and the capacity
// strip with over-capacity weeks marked.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Board } from '../../client/src/components/timeline/Board';
import { kronoberg2026 } from '../../shared/domain/presets';

afterEach(cleanup);
const { problem, plan } = kronoberg2026;

describe('Board', () => {
  it('draws one bar per placement with the site or block name, vacation with its own class', () => {
    const { container } = render(<Board problem={problem} assignments={plan.assignments} />);
    const bars = container.querySelectorAll('[data-placement]');
    expect(bars).toHaveLength(plan.assignments.length);
    const vacations = container.querySelectorAll('.bar-vacation');
    expect(vacations).toHaveLength(plan.assignments.filter((a) => a.block === 'vac').length);
    const first = plan.assignments.find((a) => a.site !== null)!;
    const bar = container.querySelector(`[data-placement="${first.doctor}/${first.block}"]`)!;
    expect(bar.textContent).toBe(problem.sites.find((s) => s.id === first.site)!.name);
    expect(container.querySelectorAll('[data-doctor]')).toHaveLength(problem.doctors.length);
  });

  it('marks a pinned placement with a lock in its text, not only by colour', () => {
    const first = plan.assignments.find((a) => a.site !== null)!;
    const pinned = { ...problem, doctors: problem.doctors.map((d) => (d.id === first.doctor ? { ...d, pins: [...d.pins, { block: first.block, site: first.site!, from: first.from }] } : d)) };
    const { container } = render(<Board problem={pinned} assignments={plan.assignments} />);
    const bar = container.querySelector(`[data-placement="${first.doctor}/${first.block}"]`)!;
    const name = problem.sites.find((s) => s.id === first.site)!.name;
    expect(bar.textContent).toBe(`🔒 ${name}`);
    expect(bar.getAttribute('aria-label')).toBe(`${name} (låst)`);
    expect(container.querySelectorAll('.bar-pinned')).toHaveLength(1 + problem.doctors.flatMap((d) => d.pins).length);
  });

  it('shows absences as their own bars', () => {
    const withAbsence = { ...problem, doctors: problem.doctors.map((d, i) => (i === 0 ? { ...d, absences: [{ from: '2026-09-07', to: '2026-09-21' }] } : d)) };
    const { container } = render(<Board problem={withAbsence} assignments={plan.assignments} />);
    const absences = container.querySelectorAll(`[data-doctor="${problem.doctors[0]!.id}"] .bar-absence`);
    expect(absences).toHaveLength(1);
    expect(absences[0]!.textContent).toBe('Frånvaro');
  });

  it('marks the weeks a site is over capacity in the strip, and only those', () => {
    const { container } = render(<Board problem={problem} assignments={plan.assignments} />);
    expect(container.querySelectorAll('.cell-over')).toHaveLength(0);
    // Everyone's surgery at the first surgery site at once.
    const surgery = problem.sites.find((s) => s.kinds.includes('surgery'))!;
    const crowded = plan.assignments.map((a) => (a.block === 'surg' ? { ...a, site: surgery.id } : a));
    const over = render(<Board problem={problem} assignments={crowded} />).container;
    const cells = over.querySelectorAll(`[data-site="${surgery.id}"] .cell-over`);
    expect(cells.length).toBeGreaterThan(0);
    expect([...cells].every((c) => c.textContent === '!')).toBe(true);
  });
});
