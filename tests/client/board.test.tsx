// @vitest-environment happy-dom
// The board's rendering: a bar per placement (vacation hatched), absences, and the capacity
// strip with over-capacity weeks marked.
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Board } from '../../client/src/components/timeline/Board';
import { kronoberg2026 } from '../../shared/domain/presets';
import { capacityAt } from '../../shared/domain/capacity';
import { siteLoad } from '../../shared/domain/load';
import { addWeeks } from '../../shared/domain/weeks';

afterEach(cleanup);
const { problem, plan } = kronoberg2026;
/** The weeks the first surgery site (vxo-kir) is over capacity with all of Kronoberg 2026's surgery there. */
const OVERLOADED_WEEKS = ['2026-08-10', '2026-08-17', '2026-08-24', '2026-08-31', '2026-09-07'];

describe('Board', () => {
  it('draws one bar per placement with the site or block name, vacation with its own class', () => {
    const { container } = render(<Board problem={problem} assignments={plan.assignments} />);
    const bars = container.querySelectorAll('[data-placement]');
    expect(bars).toHaveLength(plan.assignments.length);
    const vacations = container.querySelectorAll('.board-row .bar-vacation');
    expect(vacations).toHaveLength(plan.assignments.filter((a) => a.block === 'vac').length);
    // A site-less block by its kind's name, not its code ('vac').
    expect([...vacations].map((v) => v.textContent)).toEqual(Array(vacations.length).fill('Semester'));
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
    const load = siteLoad(crowded, new Map(problem.doctors.map((d) => [d.id, d.absences])));
    const firstWeek = crowded.map((a) => a.from).sort()[0]!;
    // The red cells, on every site's row, cover exactly the weeks in which more doctors are in
    // service at that surgery site than its capacity that week, and no other week.
    const marked = [...over.querySelectorAll('.cell-over')].flatMap((cell) => {
      const style = (cell as HTMLElement).style;
      const from = Number(style.getPropertyValue('--from'));
      const site = cell.closest('[data-site]')!.getAttribute('data-site');
      return Array.from({ length: Number(style.getPropertyValue('--span')) }, (_, i) => `${site} ${addWeeks(firstWeek, from + i)}`);
    });
    const overloaded = [...load.get(surgery.id)!].filter(([week, n]) => n > capacityAt(surgery, week)).map(([week]) => `${surgery.id} ${week}`);
    expect(marked.sort()).toEqual(overloaded.sort());
    expect(marked).toEqual(OVERLOADED_WEEKS.map((week) => `vxo-kir ${week}`));
    // Red with "!" and the figures: this cohort's doctors there / the capacity (no other cohorts here),
    // the whole figures where they fit, else "!" alone; the words say it too.
    const cells = over.querySelectorAll(`[data-site="${surgery.id}"] .cell-over`);
    for (const cell of cells) {
      const week = addWeeks(firstWeek, Number((cell as HTMLElement).style.getPropertyValue('--from')));
      const figures = `!${load.get(surgery.id)!.get(week)}/${capacityAt(surgery, week)}`;
      expect(cell.getAttribute('data-figures')).toBe(figures);
      expect([figures, '!']).toContain(cell.textContent);
      expect(cell.getAttribute('title')).toMatch(/, över kapacitet \(\+\d+\)$/);
    }
  });

  it('names months and weeks on top, marks today, and explains colours and patterns in a legend', () => {
    const { container } = render(<Board problem={problem} assignments={plan.assignments} today="2026-09-10" />);
    const weeks = [...container.querySelectorAll('.board-week')];
    const today = container.querySelector('.week-today')!;
    expect(today.getAttribute('title')).toBe('v. 37 2026');
    expect(weeks.indexOf(today)).toBe(weeks.findIndex((w) => w.getAttribute('title') === 'v. 37 2026'));
    expect(container.querySelectorAll('.board-today')).toHaveLength(1);
    const months = [...container.querySelectorAll('.board-head')[0]!.querySelectorAll('span')].map((m) => m.textContent);
    expect(months).toContain('sep. 2026');
    const legend = [...container.querySelectorAll('.board-legend li')].map((li) => li.textContent!.trim());
    expect(legend).toEqual(expect.arrayContaining(['Semester', 'Primärvård', 'Frånvaro', '🔒 låst']));
    // No marker when today is outside the plan's weeks.
    cleanup();
    expect(render(<Board problem={problem} assignments={plan.assignments} today="2030-01-01" />).container.querySelector('.board-today')).toBeNull();
  });

  it('moves a focused bar a week with Alt+arrows and changes its length with Alt+Shift+arrows', () => {
    const onChange = vi.fn();
    const a = plan.assignments.find((x) => x.site !== null)!;
    const { container } = render(<Board problem={problem} assignments={plan.assignments} onChange={onChange} />);
    const bar = container.querySelector(`[data-placement="${a.doctor}/${a.block}"]`)!;
    fireEvent.keyDown(bar, { key: 'ArrowRight', altKey: true });
    fireEvent.keyDown(bar, { key: 'ArrowLeft', altKey: true, shiftKey: true });
    fireEvent.keyDown(bar, { key: 'ArrowRight' });
    expect(onChange.mock.calls).toEqual([
      [a, { from: addWeeks(a.from, 1), to: addWeeks(a.to, 1) }],
      [a, { from: a.from, to: addWeeks(a.to, -1) }],
    ]);
    // Without onChange the board is read-only: no resize handles, keys do nothing.
    cleanup();
    const readOnly = render(<Board problem={problem} assignments={plan.assignments} />).container;
    expect(readOnly.querySelectorAll('.bar-resize')).toHaveLength(0);
  });
});
