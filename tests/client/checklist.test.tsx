// @vitest-environment happy-dom
// The BT checklist on screen: a doctor's counts per placement with the cell behind in red, the
// open items as the server words them, "Redo för intyg" when nothing is open; a viewer who may
// record gets the form (its body as the API takes it, the list read again) and a delete after a
// confirm, a doctor neither. The cohort's matrix marks a cell behind red and opens a doctor.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Checklist, CohortChecklist } from '../../shared/api/assessments';
import { BUILT_IN_ASSESSMENT_KINDS } from '../../shared/domain/readiness';
import { ChecklistMatrix } from '../../client/src/components/checklist/ChecklistMatrix';
import { DoctorChecklist, type ChecklistCalls } from '../../client/src/components/checklist/DoctorChecklist';
import { LangProvider } from '../../client/src/i18n/lang';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const DOCTOR = '11111111-1111-4111-8111-111111111111';
const ASSESSMENT = '22222222-2222-4222-8222-222222222222';

function aChecklist(overrides: Partial<Checklist> = {}): Checklist {
  return {
    doctor: { uuid: DOCTOR, name: 'Doktor Ett' },
    kinds: [...BUILT_IN_ASSESSMENT_KINDS],
    placements: [
      { placement: 'p-acute', block: 'acute', blockName: 'Akutsjukvård', siteName: 'Sjukhuset', supervisor: 'Hanna Handledare', from: '2026-03-16', to: '2026-06-29', expected: { 'mini-cex': 2, 'samlad-bedomning': 1 }, done: { 'mini-cex': 1, 'samlad-bedomning': 1 } },
      { placement: 'p-pc', block: 'pc', blockName: 'Allmänmedicin', siteName: 'Vårdcentralen', supervisor: null, from: '2026-06-29', to: '2026-09-28', expected: { cbd: 1 }, done: {} },
    ],
    goals: { covered: [], missing: [] },
    kollegium: { held: false, due: '2026-07-06' },
    external: { held: false, due: '2026-10-19' },
    assessments: [{ uuid: ASSESSMENT, kind: 'mini-cex', date: '2026-04-01', assessor: 'Dr Bedömare', block: 'acute', recordedBy: 'Koordinator' }],
    ready: false,
    open: [
      { item: 'assessment', behind: true, message: 'Mini-CEX: 1 av 2 gjorda under Akutsjukvård v. 12 2026–v. 26 2026', placement: 'p-acute', kind: 'mini-cex' },
      { item: 'assessment', behind: false, message: 'CBD: 0 av 1 gjorda under Allmänmedicin v. 27 2026–v. 39 2026', placement: 'p-pc', kind: 'cbd' },
      { item: 'bt-kollegium', behind: true, message: 'BT-kollegium har inte hållits (senast v. 28 2026)' },
    ],
    ...overrides,
  };
}

function renderChecklist(canRecord: boolean, calls: ChecklistCalls) {
  render(
    <LangProvider>
      <DoctorChecklist doctor={DOCTOR} canRecord={canRecord} today="2026-07-15" calls={calls} />
    </LangProvider>,
  );
}

const fakeCalls = (list: Checklist = aChecklist()) => ({
  checklist: vi.fn(async () => list),
  recordAssessment: vi.fn(async (_doctor: string, body: any) => ({ uuid: ASSESSMENT, ...body, recordedBy: 'Koordinator' })),
  deleteAssessment: vi.fn(async () => undefined),
});

describe('DoctorChecklist', () => {
  it('shows done of expected per placement and kind, the cell behind in red, and the open items', async () => {
    renderChecklist(false, fakeCalls());
    const acute = await screen.findByRole('row', { name: /Akutsjukvård Sjukhuset/ });
    const cells = within(acute).getAllByRole('cell');
    const miniCex = cells.find((c) => c.dataset.kind === 'mini-cex')!;
    expect([miniCex.textContent, miniCex.className]).toEqual(['1 av 2', 'behind']);
    const summative = cells.find((c) => c.dataset.kind === 'samlad-bedomning')!;
    expect([summative.textContent, summative.className]).toEqual(['1 av 1', '']);
    const pc = screen.getByRole('row', { name: /Allmänmedicin/ });
    expect(within(pc).getAllByRole('cell').find((c) => c.dataset.kind === 'cbd')!.className).toBe('');
    const open = screen.getAllByRole('listitem').filter((li) => li.closest('.checklist-open'));
    expect(open.map((li) => [li.textContent, li.className])).toEqual([
      ['Mini-CEX: 1 av 2 gjorda under Akutsjukvård v. 12 2026–v. 26 2026 (efter plan)', 'behind'],
      ['CBD: 0 av 1 gjorda under Allmänmedicin v. 27 2026–v. 39 2026', ''],
      ['BT-kollegium har inte hållits (senast v. 28 2026) (efter plan)', 'behind'],
    ]);
    expect(screen.queryByText(/Redo för intyg/)).toBeNull();
    // A doctor reads: no form, no delete.
    expect(screen.queryByRole('form', { name: 'Registrera bedömning' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Ta bort/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Skriv ut' })).toBeTruthy();
  });

  it('says "Redo för intyg" when nothing is open', async () => {
    renderChecklist(false, fakeCalls(aChecklist({ ready: true, open: [], kollegium: { held: true, due: '2026-07-06' }, external: { held: true, due: '2026-10-19' } })));
    expect((await screen.findByText(/Redo för intyg/)).textContent).toBe('✓ Redo för intyg');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['BT-kollegium: genomförd', 'Extern bedömning: genomförd']);
  });

  it('records an assessment as the API takes it and reads the checklist again', async () => {
    const calls = fakeCalls();
    renderChecklist(true, calls);
    const form = within(await screen.findByRole('form', { name: 'Registrera bedömning' }));
    fireEvent.change(form.getByLabelText('Typ av bedömning'), { target: { value: 'cbd' } });
    fireEvent.change(form.getByLabelText('Datum'), { target: { value: '2026-07-10' } });
    fireEvent.change(form.getByLabelText('Bedömare'), { target: { value: 'Dr Allmän' } });
    fireEvent.change(form.getByLabelText('Placering'), { target: { value: 'pc' } });
    fireEvent.click(form.getByRole('button', { name: 'Registrera bedömning' }));
    await waitFor(() => expect(calls.recordAssessment).toHaveBeenCalledWith(DOCTOR, { kind: 'cbd', date: '2026-07-10', assessor: 'Dr Allmän', block: 'pc' }));
    await waitFor(() => expect(calls.checklist).toHaveBeenCalledTimes(2));
    expect(await screen.findByText('Bedömningen är registrerad')).toBeTruthy();
  });

  it('names a missing assessor and sends nothing', async () => {
    const calls = fakeCalls();
    renderChecklist(true, calls);
    const form = within(await screen.findByRole('form', { name: 'Registrera bedömning' }));
    fireEvent.click(form.getByRole('button', { name: 'Registrera bedömning' }));
    expect((await form.findAllByRole('alert')).length).toBe(1);
    expect(form.getByLabelText('Bedömare').getAttribute('aria-invalid')).toBe('true');
    expect(calls.recordAssessment).not.toHaveBeenCalled();
  });

  it('deletes an assessment only after the confirm', async () => {
    const calls = fakeCalls();
    renderChecklist(true, calls);
    const remove = await screen.findByRole('button', { name: 'Ta bort: Mini-CEX 2026-04-01' });
    // happy-dom has no window.confirm: the user's two answers, no then yes.
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(remove);
    expect(calls.deleteAssessment).not.toHaveBeenCalled();
    fireEvent.click(remove);
    await waitFor(() => expect(calls.deleteAssessment).toHaveBeenCalledWith(ASSESSMENT));
    expect(confirm).toHaveBeenLastCalledWith('Ta bort bedömningen Mini-CEX 2026-04-01?');
  });
});

describe('ChecklistMatrix', () => {
  const row = (uuid: string, name: string, behind: boolean): CohortChecklist['doctors'][number] => ({
    uuid,
    name,
    ready: !behind,
    assessments: { 'mini-cex': { done: behind ? 0 : 2, expected: 2, behind }, dops: { done: 0, expected: 0, behind: false } },
    goalsMissing: 0,
    regulationOpen: 0,
    kollegium: { held: !behind, behind },
    external: { held: false, behind: false },
    behind: behind ? 2 : 0,
  });
  const matrix: CohortChecklist = { kinds: [...BUILT_IN_ASSESSMENT_KINDS], doctors: [row(DOCTOR, 'Doktor Ett', false), row(ASSESSMENT, 'Doktor Två', true)] };

  it('marks the cells behind red, shows only kinds in use, and opens a doctor', () => {
    const onOpen = vi.fn();
    render(
      <LangProvider>
        <ChecklistMatrix matrix={matrix} onOpen={onOpen} />
      </LangProvider>,
    );
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Läkare', 'Mini-CEX', 'Delmål saknas', 'Regelkrav kvar', 'BT-kollegium', 'Extern bedömning', 'Efter plan', 'Redo för intyg']);
    const [, one, two] = screen.getAllByRole('row');
    expect(within(one!).getAllByRole('cell').map((c) => [c.textContent, c.className])).toEqual([
      ['2/2', ''],
      ['–', ''],
      ['–', ''],
      ['✓', ''],
      ['–', ''],
      ['–', ''],
      ['✓', ''],
    ]);
    expect(within(two!).getAllByRole('cell').map((c) => [c.textContent, c.className])).toEqual([
      ['0/2', 'behind'],
      ['–', ''],
      ['–', ''],
      ['efter plan', 'behind'],
      ['–', ''],
      ['2', 'behind'],
      ['Nej', ''],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Checklista för Doktor Två' }));
    expect(onOpen).toHaveBeenCalledWith(ASSESSMENT);
  });
});
