// @vitest-environment happy-dom
// The supervisor's home, "Mina BT-läkare": their doctors with the supervised placements (weeks from
// the published plan, "inte planerad" without), and a chosen doctor's checklist with the form to
// record an assessment.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Checklist, Supervision } from '../../shared/api/assessments';
import { LangProvider } from '../../client/src/i18n/lang';
import { SupervisorPage, type SupervisorCalls } from '../../client/src/pages/SupervisorPage';

afterEach(cleanup);

const ANNA = '00000000-0000-4000-8000-00000000000a';
const BO = '00000000-0000-4000-8000-00000000000b';
const SUPERVISION: Supervision = [
  { doctor: ANNA, name: 'Anna Lindqvist', cohort: 'Kronoberg BT 2026', placements: [{ block: 'pc', blockName: 'Allmänmedicin', siteName: 'Vårdcentralen Teleborg', from: '2026-02-09', to: '2026-06-15' }] },
  { doctor: BO, name: 'Bo Ek', cohort: 'Kronoberg BT 2026', placements: [{ block: 'psy', blockName: 'Psykiatri', siteName: null, from: null, to: null }] },
];

const checklistOf = (uuid: string, name: string): Checklist => ({
  doctor: { uuid, name },
  kinds: [{ id: 'dops', name_sv: 'DOPS', name_en: 'DOPS' }],
  placements: [],
  goals: { covered: [], missing: [] },
  kollegium: { held: false, due: null },
  external: { held: false, due: null },
  assessments: [],
  ready: false,
  open: [],
});

function calls(list: Supervision): SupervisorCalls {
  return {
    supervision: vi.fn(async () => list),
    checklist: vi.fn(async (doctor: string) => checklistOf(doctor, list.find((d) => d.doctor === doctor)!.name)),
    recordAssessment: vi.fn(),
    deleteAssessment: vi.fn(),
  } as unknown as SupervisorCalls;
}

const renderPage = (c: SupervisorCalls) =>
  render(
    <LangProvider>
      <SupervisorPage today="2026-03-04" calls={c} />
    </LangProvider>,
  );

describe('SupervisorPage', () => {
  it('lists the supervised doctors and their placements; a chosen one shows the checklist with the record form', async () => {
    const c = calls(SUPERVISION);
    renderPage(c);
    expect(await screen.findByRole('heading', { name: 'Mina BT-läkare' })).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 3).map((cell) => cell.textContent))).toEqual([
      ['Anna Lindqvist', 'Kronoberg BT 2026', 'Allmänmedicin, Vårdcentralen Teleborg: v. 7 2026–v. 24 2026'],
      ['Bo Ek', 'Kronoberg BT 2026', 'Psykiatri: inte planerad'],
    ]);
    expect(c.checklist).not.toHaveBeenCalled();
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Visa checklista' }));
    expect(await screen.findByRole('region', { name: /Bo Ek/ })).toBeTruthy();
    expect(c.checklist).toHaveBeenCalledWith(BO);
    expect(screen.getByRole('form', { name: 'Registrera bedömning' })).toBeTruthy();
  });

  it("opens the only doctor's checklist at once, and says so when there is none", async () => {
    const one = calls(SUPERVISION.slice(0, 1));
    renderPage(one);
    expect(await screen.findByRole('region', { name: /Anna Lindqvist/ })).toBeTruthy();
    expect(one.checklist).toHaveBeenCalledWith(ANNA);
    cleanup();
    renderPage(calls([]));
    expect(await screen.findByText('Du är ännu inte handledare för någon BT-läkare.')).toBeTruthy();
  });
});
