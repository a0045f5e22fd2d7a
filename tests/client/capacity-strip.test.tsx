// @vitest-environment happy-dom
// The board's capacity strip counts every BT doctor at a site: this cohort's and the region's
// other cohorts' (the problem's `taken`), "2+1/3" against the capacity, spare places visible, a
// site with room and nobody of this cohort still a row, and over capacity red with "!" — by the
// shared rule (siteWeek): this cohort is over when its doctors exceed what the others leave.
import { cleanup, getByRole, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Board } from '../../client/src/components/timeline/Board';
import { CapacityStrip } from '../../client/src/components/timeline/CapacityStrip';
import { aDoctor, aPlan, aProblem, aSite, defaultSites, week } from '../support/builders';

afterEach(cleanup);

// Two doctors with the same year: acute at 'hosp' [2, 17) around vacation [14, 16), primary care
// at 'vc' [17, 30), psychiatry at 'psy' [30, 34). Another cohort has one doctor at 'hosp' in
// weeks [2, 6).
const problem = aProblem({
  doctors: [aDoctor({ id: 'd1', name: 'Doktor Ett' }), aDoctor({ id: 'd2', name: 'Doktor Två' })],
  sites: [
    ...defaultSites().map((s) =>
      s.id === 'hosp' ? { ...s, capacity: 3, taken: [{ from: week(2), to: week(6), doctors: 1, cohort: 'Höst 2026' }] } : s.id === 'psy' ? { ...s, capacity: 2 } : s,
    ),
    aSite({ id: 'spare', name: 'Ledigt sjukhus', kinds: ['acute'], capacity: 2 }),
    aSite({ id: 'shut', name: 'Stängd klinik', kinds: ['acute'], capacity: 0 }),
  ],
});
const plan = aPlan(problem);

/** The strip's cells of a site: [figures, class state, title] from its first week on. */
function cells(container: HTMLElement, site: string): { figures: string | null; text: string; state: string; title: string }[] {
  return [...container.querySelectorAll(`[data-site="${site}"] .cell`)].map((c) => ({
    figures: c.getAttribute('data-figures'),
    text: c.textContent!,
    state: [...c.classList].filter((x) => x !== 'cell').join(' '),
    title: c.getAttribute('title')!,
  }));
}

describe('the capacity strip', () => {
  it("shows this cohort plus the other cohorts against capacity: '2+1/3' while both are there, '2/3' after", () => {
    const { container } = render(<Board problem={problem} assignments={plan.assignments} />);
    const hosp = cells(container, 'hosp');
    // Weeks 0–1 intro (nobody in service), 2–5 both doctors and the other cohort's one, 6–13 ours only.
    expect(hosp.slice(0, 3)).toEqual([
      { figures: null, text: '', state: 'cell-empty', title: 'Sjukhuset, v. 10 2026–v. 11 2026: 0 i denna kohort, kapacitet 3, ledigt 3' },
      {
        figures: '2+1/3',
        text: '2+1/3',
        state: 'cell-full cell-shared',
        title: 'Sjukhuset, v. 12 2026–v. 15 2026: 2 i denna kohort + 1 i andra kohorter (Höst 2026), kapacitet 3, ledigt 0',
      },
      { figures: '2/3', text: '2/3', state: 'cell-spare', title: 'Sjukhuset, v. 16 2026–v. 23 2026: 2 i denna kohort, kapacitet 3, ledigt 1' },
    ]);
    // The words are the cells' accessible names too: an image named by its title.
    const shared = getByRole(container, 'img', { name: hosp[1]!.title });
    expect(shared.getAttribute('data-figures')).toBe('2+1/3');
  });

  it('marks spare capacity: a lighter cell and "ledigt N" in its words', () => {
    const { container } = render(<Board problem={problem} assignments={plan.assignments} />);
    const psy = cells(container, 'psy').find((c) => c.figures !== null)!;
    expect(psy).toEqual({ figures: '2/2', text: '2/2', state: 'cell-full', title: 'Psykiatrin, v. 40 2026–v. 43 2026: 2 i denna kohort, kapacitet 2, ledigt 0' });
    const spare = cells(container, 'hosp')[2]!;
    expect([spare.state, spare.title.endsWith('ledigt 1')]).toEqual(['cell-spare', true]);
  });

  it('shows a site with capacity but none of this cohort as a row of spare weeks, and leaves out a site with neither', () => {
    const { container } = render(<Board problem={problem} assignments={plan.assignments} />);
    expect(cells(container, 'spare')).toEqual([
      { figures: null, text: '', state: 'cell-empty', title: 'Ledigt sjukhus, v. 10 2026–v. 43 2026: 0 i denna kohort, kapacitet 2, ledigt 2' },
    ]);
    expect(container.querySelector('[data-site="shut"]')).toBeNull();
    expect([...container.querySelectorAll('.site-row')].map((r) => r.getAttribute('data-site'))).toEqual(['hosp', 'vc', 'psy', 'spare']);
  });

  it('marks over capacity red with "!" and words: two doctors at a place for one', () => {
    const { container } = render(<Board problem={problem} assignments={plan.assignments} />);
    const over = cells(container, 'vc').filter((c) => c.state.includes('cell-over'));
    expect(over).toEqual([
      { figures: '!2/1', text: '!2/1', state: 'cell-over', title: 'Vårdcentralen, v. 27 2026–v. 39 2026: 2 i denna kohort, kapacitet 1, över kapacitet (+1)' },
    ]);
  });

  it("is over when this cohort's doctors exceed what the others leave, not when the others alone exceed it", () => {
    const site = aSite({ id: 'hosp', name: 'Sjukhuset', capacity: 3, taken: [{ from: week(0), to: week(2), doctors: 2 }, { from: week(2), to: week(4), doctors: 4 }] });
    const weeks = [week(0), week(1), week(2), week(3), week(4), week(5)];
    const load = new Map([['hosp', new Map([[week(0), 2], [week(1), 2], [week(4), 1]])]]);
    const { container } = render(<CapacityStrip sites={[site]} weeks={weeks} load={load} />);
    expect(cells(container, 'hosp').map((c) => [c.figures, c.state])).toEqual([
      ['!2+2/3', 'cell-over cell-shared'],
      ['0+4/3', 'cell-over-others cell-shared'],
      ['1/3', 'cell-spare'],
      [null, 'cell-empty'],
    ]);
    expect(cells(container, 'hosp').map((c) => c.text)).toEqual(['!2+2/3', '0+4/3', '1/3', '']);
    expect(cells(container, 'hosp')[1]!.title).toBe('Sjukhuset, v. 12 2026–v. 13 2026: 0 i denna kohort + 4 i andra kohorter, kapacitet 3, andra kohorter över kapacitet (+1)');
  });

  it('follows an edit: a placement moved to another site changes both sites’ rows, the others stay', async () => {
    const { container, rerender } = render(<Board problem={problem} assignments={plan.assignments} />);
    const untouched = container.querySelector('[data-site="psy"] .cell');
    const moved = plan.assignments.map((a) => (a.doctor === 'd2' && a.block === 'acute' ? { ...a, site: 'spare' } : a));
    rerender(<Board problem={problem} assignments={moved} />);
    // The strip follows the bars a moment later (a deferred render).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cells(container, 'hosp')[1]).toMatchObject({ figures: '1+1/3', state: 'cell-spare cell-shared' });
    expect(cells(container, 'spare')[1]).toMatchObject({ figures: '1/2', state: 'cell-spare' });
    expect(container.querySelector('[data-site="psy"] .cell')).toBe(untouched);
  });

  it('shows only the total (or "!") in a cell too narrow for the parts', () => {
    const site = aSite({ id: 'hosp', capacity: 3, taken: [{ from: week(0), to: week(1), doctors: 1 }, { from: week(1), to: week(2), doctors: 2 }] });
    const load = new Map([['hosp', new Map([[week(0), 2], [week(1), 2]])]]);
    const { container } = render(<CapacityStrip sites={[site]} weeks={[week(0), week(1)]} load={load} />);
    expect(cells(container, 'hosp').map((c) => [c.figures, c.text])).toEqual([
      ['2+1/3', '3'],
      ['!2+2/3', '!'],
    ]);
  });
});
