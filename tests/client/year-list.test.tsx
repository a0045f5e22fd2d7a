// @vitest-environment happy-dom
// The doctor's list: placements, vacation, cohort weeks and absences in date order with their
// last day inclusive, then when the BT ends and how much absence extended it.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Schedule } from '../../shared/api/doctors';
import { YearList } from '../../client/src/components/doctor/YearList';

afterEach(cleanup);

const placement = (block: string, kind: string, from: string, to: string, siteName: string | null = null): Schedule['assignments'][number] => ({
  block, kind, site: siteName ? `${block}-site` : null, siteName, address: null, from, to, placement: `p-${block}`, sequence: 1,
});
const SCHEDULE = {
  assignments: [
    placement('psy', 'psychiatry', '2026-12-28', '2027-03-08', 'Psykiatrin Sundsvall'),
    placement('intro', 'intro', '2026-02-16', '2026-03-02'),
    placement('vac', 'vacation', '2026-06-29', '2026-07-27'),
  ],
  absences: [{ first: '2027-01-11', last: '2027-01-22', from: '2027-01-11', to: '2027-01-25', reason: 'Frånvaro' }],
  bt: { start: '2026-02-16', end: '2027-03-08', plannedWeeks: 53, extendedWeeks: 2 },
};

describe('YearList', () => {
  it('lists placements, vacation and absences in date order, each to its last day', () => {
    const { container } = render(<YearList schedule={SCHEDULE} />);
    expect([...container.querySelectorAll('.placement-list li')].map((li) => li.textContent)).toEqual([
      'v. 8 2026–v. 9 2026 (16 feb–1 mar 2026): Introduktion · Mål: BT9, BT14, BT15',
      'v. 27 2026–v. 30 2026 (29 jun–26 jul 2026): Semester',
      expect.stringMatching(/^v\. 53 2026–v\. 9 2027 \(28 dec 2026–7 mar 2027\): Psykiatri – Psykiatrin Sundsvall · Mål: BT2,/),
      'v. 2 2027–v. 3 2027 (11 jan–22 jan 2027): Frånvaro',
    ]);
    expect(container.querySelector('.absence-entry')!.textContent).toMatch(/Frånvaro$/);
  });

  it("says when the BT ends (its last day) and by how many weeks absence extended it", () => {
    const { container } = render(<YearList schedule={SCHEDULE} />);
    expect(container.querySelector('.bt-end')!.textContent).toBe('BT slutar 2027-03-07 · förlängd 2 veckor p.g.a. frånvaro');
    cleanup();
    const one = render(<YearList schedule={{ ...SCHEDULE, bt: { ...SCHEDULE.bt, extendedWeeks: 1 } }} />).container;
    expect(one.querySelector('.bt-end')!.textContent).toBe('BT slutar 2027-03-07 · förlängd 1 vecka p.g.a. frånvaro');
    cleanup();
    const none = render(<YearList schedule={{ ...SCHEDULE, bt: { ...SCHEDULE.bt, extendedWeeks: 0 } }} />).container;
    expect(none.querySelector('.bt-end')!.textContent).toBe('BT slutar 2027-03-07');
  });

  it('shows an absence by the days taken, not its whole weeks', () => {
    const withDays = { ...SCHEDULE, absences: [{ first: '2027-01-13', last: '2027-01-20', from: '2027-01-11', to: '2027-01-25', reason: 'Frånvaro' }] };
    const { container } = render(<YearList schedule={withDays} />);
    expect(container.querySelector('.absence-entry')!.textContent).toBe('v. 2 2027–v. 3 2027 (13 jan–20 jan 2027): Frånvaro');
  });
});
