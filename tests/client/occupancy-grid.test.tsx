// @vitest-environment happy-dom
// The region's load (Beläggning): every site and week with each cohort's doctors added up against
// the capacity, the published plans or each cohort's newest draft in their place, over-capacity
// site-weeks marked and counted, the cohorts of a cell named with a way to their board, and only
// the rows near the viewport in the page.
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Occupancy } from '../../shared/api/occupancy';
import { OccupancyGrid } from '../../client/src/components/occupancy/OccupancyGrid';
import { LangProvider } from '../../client/src/i18n/lang';
import { week } from '../support/builders';

afterEach(cleanup);

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const VT = { uuid: uuid(1), name: 'Västernorrland VT 2026', published: 2, draft: 3 };
const HT = { uuid: uuid(2), name: 'Västernorrland HT 2026', published: 1, draft: null };
const SITES = 800;
const runs = (...list: [number, number, number][]) => list.map(([from, to, doctors]) => ({ from: week(from), to: week(to), doctors }));

// 800 sites of capacity 2 (the first one 3 in weeks 8–9). Published: VT has one doctor at s0001 in
// weeks 0–3, HT two in weeks 2–5: three at once in weeks 2–3. VT's draft moves its doctor to s0002
// and puts three there in weeks 0–1.
const occupancy: Occupancy = {
  cohorts: [VT, HT],
  sites: Array.from({ length: SITES }, (_, i) => ({
    uuid: uuid(100 + i),
    id: `s${String(i + 1).padStart(4, '0')}`,
    name: `Arbetsplats ${i + 1}`,
    town: 'Sundsvall',
    capacity: 2,
    overrides: i === 0 ? [{ from: week(8), to: week(10), capacity: 3 }] : [],
  })),
  load: [
    { site: 's0001', cohort: VT.uuid, plan: 'published', runs: runs([0, 4, 1]) },
    { site: 's0001', cohort: HT.uuid, plan: 'published', runs: runs([2, 6, 2]) },
    { site: 's0002', cohort: VT.uuid, plan: 'draft', runs: runs([0, 2, 3], [2, 12, 1]) },
    { site: 's0800', cohort: HT.uuid, plan: 'published', runs: runs([4, 8, 1]) },
  ],
};

/** A site row's cells as [figures, classes] in week order. */
const cellsOf = (container: HTMLElement, site: string) =>
  [...container.querySelectorAll(`.occ-row[data-site="${site}"] .occ-cell`)].map((c) => [c.getAttribute('data-figures'), [...c.classList].filter((x) => x !== 'occ-cell' && x !== 'occ-active').join(' ')]);

describe('the region load grid', () => {
  it('adds up every cohort at a site-week against the capacity, each cohort a part of the cell and a number in its text', () => {
    const { container } = render(<OccupancyGrid occupancy={occupancy} view="published" />);
    expect(cellsOf(container, 's0001')).toEqual([
      ['1/2', ''],
      ['!1+2/2', 'occ-over'],
      ['2/2', 'occ-full'],
      [null, 'occ-empty'],
      [null, 'occ-empty'],
      [null, 'occ-empty'],
    ]);
    const over = container.querySelector('.occ-row[data-site="s0001"] .occ-over')!;
    expect(over.getAttribute('title')).toBe(
      'Arbetsplats 1, v. 12 2026–v. 13 2026: 3 BT-läkare i tjänst (1 Västernorrland VT 2026, 2 Västernorrland HT 2026), kapacitet 2, över kapacitet med 1',
    );
    // The accessible name starts with the figures the cell shows.
    expect(over.getAttribute('aria-label')).toBe(`!1+2/2 – ${over.getAttribute('title')}`);
    expect(over.textContent).toBe('!1+2/2');
    // The cell is filled from the bottom by each cohort's share, in the cohort's own style.
    expect([...over.querySelectorAll('.occ-part')].map((p) => [p.className, (p as HTMLElement).style.height])).toEqual([
      ['occ-part cohort-0', `${100 / 3}%`],
      ['occ-part cohort-1', `${200 / 3}%`],
    ]);
    // A spare site-week says what is free; the capacity override shows as its own run.
    const spare = container.querySelectorAll('.occ-row[data-site="s0001"] .occ-cell')[4]!;
    expect([spare.getAttribute('aria-label'), spare.textContent]).toEqual(['Arbetsplats 1, v. 18 2026–v. 19 2026: 0 BT-läkare i tjänst, kapacitet 3, ledigt 3', '']);
    // The legend names each cohort with its style.
    expect([...container.querySelectorAll('.occ-legend li')].slice(0, 2).map((li) => [li.querySelector('.occ-swatch')!.className, li.textContent!.trim()])).toEqual([
      ['occ-swatch cohort-0', VT.name],
      ['occ-swatch cohort-1', HT.name],
    ]);
  });

  it('counts the site-weeks over capacity, published or with drafts in place of published plans', () => {
    const { container, rerender } = render(<OccupancyGrid occupancy={occupancy} view="published" />);
    const status = () => container.querySelector('.occ-summary')!.textContent;
    expect(status()).toBe('! Över kapacitet: 2 arbetsplatsveckor på 1 arbetsplats Nästa överbeläggning');
    rerender(<OccupancyGrid occupancy={occupancy} view="drafts" />);
    // VT's draft replaces its published plan: s0001 has HT's two only, s0002 three in weeks 0–1.
    expect(cellsOf(container, 's0001')).toEqual([
      [null, 'occ-empty'],
      ['2/2', 'occ-full'],
      [null, 'occ-empty'],
      [null, 'occ-empty'],
      [null, 'occ-empty'],
    ]);
    expect(cellsOf(container, 's0002')).toEqual([
      ['!3/2', 'occ-over'],
      ['1/2', ''],
    ]);
    expect(status()).toBe('! Över kapacitet: 2 arbetsplatsveckor på 1 arbetsplats Nästa överbeläggning');
    // HT has no draft: its published plan still counts in the view with drafts.
    const noDrafts = { ...occupancy, cohorts: [{ ...VT, draft: null }, HT] };
    rerender(<OccupancyGrid occupancy={noDrafts} view="drafts" />);
    expect(cellsOf(container, 's0001')[1]).toEqual(['!1+2/2', 'occ-over']);
    const twoSites = { ...occupancy, load: [...occupancy.load, { site: 's0003', cohort: HT.uuid, plan: 'published' as const, runs: runs([0, 1, 3]) }] };
    rerender(<OccupancyGrid occupancy={twoSites} view="published" />);
    expect(status()).toBe('! Över kapacitet: 3 arbetsplatsveckor på 2 arbetsplatser Nästa överbeläggning');
    const fits = { ...occupancy, load: occupancy.load.filter((e) => e.cohort !== HT.uuid) };
    rerender(<OccupancyGrid occupancy={fits} view="published" />);
    expect(status()).toBe('Ingen arbetsplats är över kapacitet');
  });

  it('puts only the rows near the viewport in the page, and draws the last ones when scrolled to the bottom', async () => {
    const { container } = render(<OccupancyGrid occupancy={occupancy} view="published" />);
    const rows = () => [...container.querySelectorAll('.occ-row')].map((r) => Number(r.getAttribute('data-row')));
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(50);
    expect(rows()[0]).toBe(0);
    // Every row has its place: the scroll box is as tall as all of them.
    expect((container.querySelector('.occ-rows') as HTMLElement).style.height).toBe(`${SITES * 24}px`);
    const box = container.querySelector('.occ-scroll') as HTMLElement;
    box.scrollTop = SITES * 24;
    await act(async () => {
      fireEvent.scroll(box);
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    });
    expect(rows()).toContain(SITES - 1);
    expect(rows()).not.toContain(0);
    expect(rows().length).toBeLessThan(50);
    expect(container.querySelector('.occ-row[data-site="s0800"]')!.getAttribute('style')).toContain(`${SITES - 1} * var(--row)`);
  });

  it('names the cohorts of a clicked cell with a link to each one\'s board', () => {
    const { container } = render(<OccupancyGrid occupancy={occupancy} view="published" boardHref={(cohort) => `/planering/r/${cohort}`} />);
    expect(container.querySelector('.occ-details')).toBeNull();
    fireEvent.click(container.querySelector('.occ-row[data-site="s0001"] .occ-over')!);
    const details = container.querySelector('.occ-details')!;
    expect(details.querySelector('h3')!.textContent).toBe('Arbetsplats 1 · v. 12 2026–v. 13 2026');
    expect(details.querySelector('p')!.textContent).toBe('! 3 BT-läkare i tjänst, kapacitet 2: över kapacitet med 1');
    expect(
      [...details.querySelectorAll('li[data-cohort]')].map((li) => [
        li.querySelector('.occ-swatch')!.className,
        li.querySelector('strong')!.textContent,
        li.querySelector('.occ-cohort-figures')!.textContent,
        li.querySelector('a')!.getAttribute('aria-label'),
      ]),
    ).toEqual([
      ['occ-swatch cohort-0', VT.name, '1 BT-läkare i tjänst · publicerad plan 2', `Öppna i Planeringstavlan: ${VT.name}`],
      ['occ-swatch cohort-1', HT.name, '2 BT-läkare i tjänst · publicerad plan 1', `Öppna i Planeringstavlan: ${HT.name}`],
    ]);
    // Followed in place (no page load): the address becomes the cohort's board.
    fireEvent.click(details.querySelector(`li[data-cohort="${HT.uuid}"] a`)!);
    expect(details.querySelector(`li[data-cohort="${HT.uuid}"] a`)!.getAttribute('href')).toBe(`/planering/r/${HT.uuid}`);
    expect(location.pathname).toBe(`/planering/r/${HT.uuid}`);
  });

  it('moves the active cell with the arrow keys and jumps to the next overload, the details following', () => {
    const { container } = render(<OccupancyGrid occupancy={occupancy} view="drafts" />);
    const active = () => container.querySelector('.occ-active')!;
    // One cell takes Tab: the first one.
    expect(container.querySelectorAll('.occ-cell[tabindex="0"]')).toHaveLength(1);
    expect(active().getAttribute('data-cell')).toBe('0:0');
    (active() as HTMLElement).focus();
    fireEvent.keyDown(active(), { key: 'ArrowDown' });
    expect(active().getAttribute('data-cell')).toBe('1:0');
    expect(document.activeElement).toBe(active());
    fireEvent.keyDown(active(), { key: 'ArrowRight' });
    expect(active().getAttribute('data-cell')).toBe('1:2');
    expect(container.querySelector('.occ-details h3')!.textContent).toBe('Arbetsplats 2 · v. 12 2026–v. 21 2026');
    fireEvent.keyDown(active(), { key: 'End', ctrlKey: true });
    // The column is kept: week 2 lies in the last site's first run (nobody there until week 4).
    expect(active().getAttribute('data-cell')).toBe(`${SITES - 1}:0`);
    expect(document.activeElement).toBe(active());
    // From the last row the next overload is found from the top again.
    fireEvent.click(container.querySelector('.occ-summary button')!);
    expect(active().getAttribute('data-cell')).toBe('1:0');
    expect(active().classList.contains('occ-over')).toBe(true);
    expect(container.querySelector('.occ-details p')!.textContent).toBe('! 3 BT-läkare i tjänst, kapacitet 2: över kapacitet med 1');
    expect(container.querySelector(`.occ-details li[data-cohort="${VT.uuid}"] .occ-cohort-figures`)!.textContent).toBe('3 BT-läkare i tjänst · utkast 3');
  });

  it('speaks English when the user chose it', () => {
    localStorage.setItem('lang', 'en');
    try {
      const { container } = render(
        <LangProvider>
          <OccupancyGrid occupancy={occupancy} view="published" />
        </LangProvider>,
      );
      expect(container.querySelector('.occ-summary')!.textContent).toBe('! Over capacity: 2 site-weeks at 1 site Next overload');
      expect(container.querySelector('.occ-row[data-site="s0001"] .occ-over')!.getAttribute('title')).toBe(
        'Arbetsplats 1, w. 12 2026–w. 13 2026: 3 BT doctors in service (1 Västernorrland VT 2026, 2 Västernorrland HT 2026), capacity 2, over capacity by 1',
      );
    } finally {
      localStorage.removeItem('lang');
    }
  });
});
