// @vitest-environment happy-dom
// The doctor's year: the BT from its start to the end of the last placement (not the calendar
// year), a few months at a time opening at today's month, and a list by month on a phone.
import { act, cleanup, fireEvent, render, type RenderResult } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BtYear } from '../../client/src/components/calendar/BtYear';
import { NARROW_QUERY } from '../../client/src/components/calendar/useNarrow';
import type { YearEvent } from '../../client/src/components/calendar/YearCalendar';

/** A BT from v. 8 2026 (16 feb) to the Monday after v. 8 2027, psychiatry in January 2027. */
const BT = { start: '2026-02-16', end: '2027-03-01' };
const EVENTS: YearEvent[] = [
  { id: 'intro', title: 'Introduktion', start: '2026-02-16', end: '2026-03-02' },
  { id: 'med', title: 'Internmedicin – Medicin Sundsvall', start: '2026-03-02', end: '2026-06-29' },
  { id: 'vac', title: 'Semester', start: '2026-06-29', end: '2026-07-27' },
  { id: 'pc', title: 'Allmänmedicin – VC Sundsvall', start: '2026-07-27', end: '2026-12-28' },
  { id: 'leave', title: 'Frånvaro', start: '2027-01-11', end: '2027-01-25' },
  { id: 'psy', title: 'Psykiatri – Psykiatrin Sundsvall', start: '2026-12-28', end: '2027-03-01' },
];

const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
/** The months FullCalendar draws, 'YYYY-MM'. */
const drawnMonths = (view: RenderResult) => [...view.container.querySelectorAll('[role=table][data-date]')].map((m) => m.getAttribute('data-date'));
const button = (view: RenderResult, name: RegExp) => view.getByRole('button', { name }) as HTMLButtonElement;

/** Pretends the viewport matches `query` or not (happy-dom answers every media query false). */
function viewport(narrow: boolean) {
  const original = window.matchMedia;
  window.matchMedia = ((query: string) => ({ matches: narrow && query === NARROW_QUERY, media: query, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
  return () => void (window.matchMedia = original);
}

let restore = () => {};
afterEach(() => {
  cleanup();
  restore();
});

describe('BtYear on a desktop', () => {
  it('is titled by the BT, not the calendar year, and opens on the window holding today', async () => {
    restore = viewport(false);
    const view = render(<BtYear events={EVENTS} bt={BT} today="2026-12-09" />);
    await settle();
    expect(view.getByRole('heading', { level: 3 }).textContent).toBe('BT feb 2026 – feb 2027');
    // Today's month first; the window is full and ends with the BT's last month (Feb 2027).
    expect(drawnMonths(view)).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(view.container.querySelector('.bt-year-range')!.textContent).toBe('dec 2026 – feb 2027');
    // The next year's psychiatry is on the page.
    expect(view.container.textContent).toContain('januari 2027');
    expect(view.container.querySelector('.year-calendar')!.textContent).toContain('Psykiatri – Psykiatrin Sundsvall');
    expect(button(view, /Nästa månader/).disabled).toBe(true);
  });

  it("opens on today's month first in the middle of the BT, and steps back and forth inside it", async () => {
    restore = viewport(false);
    const view = render(<BtYear events={EVENTS} bt={BT} today="2026-05-20" />);
    await settle();
    expect(drawnMonths(view)).toEqual(['2026-05', '2026-06', '2026-07']);
    fireEvent.click(button(view, /Föregående månader/));
    await settle();
    // Back to the BT's first month, not a month before it.
    expect(drawnMonths(view)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(button(view, /Föregående månader/).disabled).toBe(true);
    fireEvent.click(button(view, /Nästa månader/));
    fireEvent.click(button(view, /Nästa månader/));
    await settle();
    expect(drawnMonths(view)).toEqual(['2026-08', '2026-09', '2026-10']);
    fireEvent.click(button(view, /Nästa månader/));
    fireEvent.click(button(view, /Nästa månader/));
    await settle();
    // The last window ends with the BT's last month, never past it.
    expect(drawnMonths(view)).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(button(view, /Nästa månader/).disabled).toBe(true);
    fireEvent.click(button(view, /^I dag$/));
    await settle();
    expect(drawnMonths(view)).toEqual(['2026-05', '2026-06', '2026-07']);
  });

  it('opens at the nearer end when today is outside the BT', async () => {
    restore = viewport(false);
    const before = render(<BtYear events={EVENTS} bt={BT} today="2025-11-03" />);
    await settle();
    expect(drawnMonths(before)[0]).toBe('2026-02');
    cleanup();
    const after = render(<BtYear events={EVENTS} bt={BT} today="2027-09-01" />);
    await settle();
    expect(drawnMonths(after).at(-1)).toBe('2027-02');
  });
});

describe('BtYear on a phone', () => {
  it("lists the BT by month with today's month first, the earlier months folded", async () => {
    restore = viewport(true);
    const view = render(<BtYear events={EVENTS} bt={BT} today="2027-01-13" />);
    await settle();
    // No month grid on a phone.
    expect(view.container.querySelector('.year-calendar')).toBeNull();
    const open = [...view.container.querySelectorAll('.month-list > section')];
    expect(open.map((s) => s.getAttribute('data-month'))).toEqual(['2027-01', '2027-02']);
    expect(open[0]!.getAttribute('aria-current')).toBe('date');
    expect(open[0]!.querySelector('h4')!.textContent).toBe('januari 2027');
    expect([...open[0]!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Psykiatri – Psykiatrin Sundsvall: 28 dec 2026–28 feb 2027', 'Frånvaro: 11 jan–24 jan 2027']);
    // The eleven months before, one click away.
    const earlier = view.container.querySelector('details')!;
    expect(earlier.querySelector('summary')!.textContent).toBe('Tidigare månader (11)');
    expect(earlier.querySelectorAll('section')).toHaveLength(0);
    earlier.open = true;
    fireEvent(earlier, new Event('toggle'));
    await settle();
    expect([...earlier.querySelectorAll('section')].map((s) => s.getAttribute('data-month'))).toEqual([
      '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
    ]);
  });
});
