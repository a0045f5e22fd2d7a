// @vitest-environment happy-dom
// A clinic's timeline: one row per doctor with their placements at the site as bars over the
// weeks, months and weeks on top, this week marked, a protected identity shown as the server
// masked it; and the month view in Swedish with its own title and steps.
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incoming } from '../../shared/api/doctors';
import { PROTECTED_NAME_SV } from '../../shared/domain/labels';
import { ClinicCalendars } from '../../client/src/components/clinic/ClinicCalendars';
import { ClinicTimeline } from '../../client/src/components/clinic/ClinicTimeline';

afterEach(cleanup);

const at = (name: string, kind: string, from: string, to: string, cohort = 'Västernorrland VT 2026'): Incoming => ({ name, cohort, block: kind.slice(0, 3), kind, from, to, supervisor: null });
/** Today is Wednesday of v. 50 2026; the grid starts at v. 49 (Anna's first week). */
const TODAY = '2026-12-09';
const INCOMING: Incoming[] = [
  at('Anna Berg', 'internal-medicine', '2026-11-30', '2027-01-11'),
  at(PROTECTED_NAME_SV, 'surgery', '2027-01-04', '2027-02-01'),
  at('Anna Berg', 'surgery', '2027-02-01', '2027-03-01'),
  at(PROTECTED_NAME_SV, 'emergency', '2027-01-18', '2027-02-15'),
];

describe('ClinicTimeline', () => {
  it('draws one row per doctor, two masked doctors apart, in order of their first week', () => {
    const { container } = render(<ClinicTimeline incoming={INCOMING} today={TODAY} siteName="Medicin Sundsvall" />);
    const rows = [...container.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th[scope=row]')!.textContent)).toEqual(['Anna Berg', PROTECTED_NAME_SV, PROTECTED_NAME_SV]);
    expect(container.textContent).not.toMatch(/skyddad identitet\) \[/);
  });

  it('places each bar at its weeks: v. 49 is the first column', () => {
    const { container } = render(<ClinicTimeline incoming={INCOMING} today={TODAY} siteName="Medicin Sundsvall" />);
    const weeks = [...container.querySelectorAll('thead th.ct-week')].map((th) => th.textContent);
    // v. 49 2026 to v. 8 2027 (the last placement ends the Monday of v. 9); 2026 has 53 weeks.
    expect(weeks).toEqual(['49', '50', '51', '52', '53', '1', '2', '3', '4', '5', '6', '7', '8']);
    const bars = (row: number) => [...container.querySelectorAll('tbody tr')[row]!.querySelectorAll('td.ct-bar')].map((td) => [td.textContent, (td as HTMLTableCellElement).colSpan, td.getAttribute('data-from')]);
    expect(bars(0)).toEqual([
      ['Internmedicin, v. 49 2026–v. 1 2027', 6, '0'],
      ['Kirurgi, v. 5 2027–v. 8 2027', 4, '9'],
    ]);
    expect(bars(1)).toEqual([['Kirurgi, v. 1 2027–v. 4 2027', 4, '5']]);
    expect(bars(2)).toEqual([['Akutmottagning, v. 3 2027–v. 6 2027', 4, '7']]);
    // Every row spans every week: gaps are cells too.
    for (const row of container.querySelectorAll('tbody tr')) {
      expect([...row.querySelectorAll('td')].reduce((n, td) => n + (td as HTMLTableCellElement).colSpan, 0)).toBe(weeks.length);
    }
    expect(container.querySelector('td.ct-bar')!.className).toContain('bar-acute');
  });

  it('names the months and marks this week as today, for eyes and for screen readers', () => {
    const { container, getByRole } = render(<ClinicTimeline incoming={INCOMING} today={TODAY} siteName="Medicin Sundsvall" />);
    expect([...container.querySelectorAll('thead th.ct-month')].map((th) => [th.textContent, (th as HTMLTableCellElement).colSpan])).toEqual([
      ['dec. 2026', 5],
      ['jan. 2027', 4],
      ['feb. 2027', 4],
    ]);
    const today = container.querySelector('th.ct-today')!;
    expect(today.textContent).toBe('50');
    expect(today.getAttribute('aria-label')).toBe('v. 50 2026, I dag');
    const line = getByRole('img', { name: 'I dag: v. 50 2026' });
    expect(line.style.getPropertyValue('--today')).toBe('1');
    // The scrolling box is reachable by keyboard and named.
    const box = getByRole('region', { name: 'Tidslinje: Medicin Sundsvall' });
    expect(box.tabIndex).toBe(0);
  });

  it('starts at this week when every placement is later, so today is always marked', () => {
    const { container } = render(<ClinicTimeline incoming={[at('Bo Ek', 'psychiatry', '2027-03-01', '2027-05-03')]} today={TODAY} siteName="Psyk" />);
    expect(container.querySelector('thead th.ct-week')!.textContent).toBe('50');
    expect(container.querySelector('th.ct-today')!.textContent).toBe('50');
    expect(container.querySelector('td.ct-bar')!.getAttribute('data-from')).toBe('12');
  });
});

describe('ClinicCalendars', () => {
  it("switches to a Swedish month view on today's month, titled, with previous/next/today and no 'All-day'", async () => {
    const { container, getByRole } = render(<ClinicCalendars incoming={INCOMING} today={TODAY} siteName="Medicin Sundsvall" />);
    expect(container.querySelector('.clinic-timeline')).not.toBeNull();
    fireEvent.click(getByRole('button', { name: 'Månad' }));
    await act(() => new Promise((r) => setTimeout(r, 30)));
    expect(container.querySelector('.clinic-timeline')).toBeNull();
    const title = () => container.querySelector('.year-calendar [role=heading][aria-level="2"]')!.textContent;
    expect(title()).toBe('december 2026');
    expect(container.textContent).toContain('Anna Berg – Internmedicin');
    expect(container.textContent).not.toMatch(/All-day|Heldag/);
    fireEvent.click(getByRole('button', { name: 'Nästa månad' }));
    await act(() => new Promise((r) => setTimeout(r, 30)));
    expect(title()).toBe('januari 2027');
    expect(getByRole('button', { name: 'I dag' }).textContent).toBe('I dag');
    fireEvent.click(getByRole('button', { name: 'I dag' }));
    await act(() => new Promise((r) => setTimeout(r, 30)));
    expect(title()).toBe('december 2026');
    fireEvent.click(getByRole('button', { name: 'Föregående månad' }));
    await act(() => new Promise((r) => setTimeout(r, 30)));
    expect(title()).toBe('november 2026');
  });
});
