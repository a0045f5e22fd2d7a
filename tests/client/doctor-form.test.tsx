// @vitest-environment happy-dom
// The doctor form checks with the server's schema: the part-time rate, absences, the credit
// decision, a start that is not a Monday and a wish weight out of range are named at their
// fields; a valid year (allowed sites, pins, wishes) is saved as the schema reads it. The
// part-time rate is typed in per cent (75) and sent as a fraction (0.75); messages are in the
// UI's language.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DoctorForm } from '../../client/src/components/DoctorForm';
import type { DoctorResource } from '../../shared/api/doctors';
import { LangProvider } from '../../client/src/i18n/lang';
import { kronoberg2026 } from '../../shared/domain/presets';

afterEach(() => {
  cleanup();
  localStorage.removeItem('lang');
});
const source = kronoberg2026.problem.doctors[0]!;
const doctor: DoctorResource = { ...source, absences: [], uuid: '00000000-0000-4000-8000-000000000002', version: 1 };

/** `edited` null: a new doctor. */
function renderForm(onSave = vi.fn(), edited: typeof doctor | null = doctor) {
  render(
    <LangProvider>
      <DoctorForm doctor={edited ?? undefined} blocks={kronoberg2026.problem.blocks} sites={kronoberg2026.problem.sites} onSave={onSave} />
    </LangProvider>,
  );
  return onSave;
}

const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const allowed = (block: string) => within(document.querySelector(`[data-allowed-block="${block}"]`) as HTMLElement);

function fillNewDoctor(start: string) {
  change('Kod (id)', 'kr-d09');
  change('Namn', 'Lisa Ek');
  change('Hemort', 'Ljungby');
  change('Start (en måndag)', start);
}

describe('DoctorForm', () => {
  it('names a part-time rate below 50 %, an absence ending first and a too short credit, and saves nothing', async () => {
    const onSave = renderForm();
    fireEvent.change(screen.getByLabelText('Tjänstgöringsgrad (%)'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till frånvaro' }));
    const dates = screen.getAllByLabelText(/^(Första|Sista) dag$/);
    fireEvent.change(dates.at(-2)!, { target: { value: '2026-10-05' } });
    fireEvent.change(dates.at(-1)!, { target: { value: '2026-09-28' } });
    fireEvent.change(screen.getByLabelText('Block'), { target: { value: 'psy' } });
    fireEvent.change(screen.getByLabelText('Veckor'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const alerts = (await screen.findAllByRole('alert')).map((a) => a.textContent);
    expect(alerts).toContain('Ange 50–100 %');
    expect(alerts).toContain('Sista dagen 2026-09-28 är före första dagen (2026-10-05)');
    expect(alerts).toContain('Minst 13 veckor (3 månader)');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves a new absence as its first and last day with its reason, saying which weeks count', async () => {
    const onSave = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till frånvaro' }));
    const dates = screen.getAllByLabelText(/^(Första|Sista) dag$/);
    fireEvent.change(dates.at(-2)!, { target: { value: '2026-10-05' } });
    fireEvent.change(dates.at(-1)!, { target: { value: '2026-10-16' } });
    expect(screen.getByRole('status').textContent).toBe('v. 41–42 2026 räknas som frånvaro');
    fireEvent.change(screen.getAllByLabelText(/^Anledning/).at(-1)!, { target: { value: 'Föräldraledighet' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0].absences.at(-1)).toEqual({ first: '2026-10-05', last: '2026-10-16', reason: 'Föräldraledighet' });
    expect(onSave.mock.calls[0]![0].id).toBe(source.id);
  });

  it("shows a stored absence as its days and the week it takes, and sends back only the days", async () => {
    const onSave = renderForm(vi.fn(), { ...doctor, absences: [{ first: '2026-12-16', last: '2026-12-18', from: '2026-12-14', to: '2026-12-21', reason: 'Kurs' }] });
    expect(screen.getAllByLabelText(/^(Första|Sista) dag$/).map((i) => (i as HTMLInputElement).value)).toEqual(['2026-12-16', '2026-12-18']);
    expect(screen.getByRole('status').textContent).toBe('v. 51 2026 räknas som frånvaro');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0].absences).toEqual([{ first: '2026-12-16', last: '2026-12-18', reason: 'Kurs' }]);
  });

  it('names a start that is not a Monday and a wish weight above 100, and saves nothing', async () => {
    const onSave = renderForm(vi.fn(), null);
    fillNewDoctor('2026-01-13');
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till önskemål' }));
    change('Önskemål 1: Vikt', '150');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const alerts = (await screen.findAllByRole('alert')).map((a) => a.textContent);
    expect(alerts).toEqual(['2026-01-13 är ingen måndag (v. 3 2026 börjar 2026-01-12)', 'Högst 100']);
    expect(onSave).not.toHaveBeenCalled();
  });

  it("creates a doctor with allowed sites of the block's kind, a pin and wishes, as the schema reads them", async () => {
    const onSave = renderForm(vi.fn(), null);
    fillNewDoctor('2026-01-12');
    // Only sites offering the block's kind are offered.
    expect(allowed('pc').getAllByRole('checkbox').map((c) => (c as HTMLInputElement).value)).toEqual(['vc-teleborg', 'vc-dalbo', 'vc-ljungby', 'vc-alvesta']);
    fireEvent.click(allowed('pc').getByLabelText('Vårdcentralen Ljungby'));
    fireEvent.click(allowed('im').getByLabelText('Medicinkliniken, Ljungby lasarett'));
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till låsning' }));
    change('Låsning 1: Block', 'surg');
    change('Låsning 1: Arbetsplats', 'lj-kir');
    change('Låsning 1: Från', '2026-03-09');
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till önskemål' }));
    change('Önskemål 1: Block', 'psy');
    change('Önskemål 1: Arbetsplats', 'vxo-psy');
    change('Önskemål 1: Vikt', '2');
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till önskemål' }));
    change('Önskemål 2: Block', 'vac');
    expect((screen.getByLabelText('Önskemål 2: Arbetsplats') as HTMLSelectElement).disabled).toBe(true);
    change('Önskemål 2: Från', '2026-07-06');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0]).toEqual({
      id: 'kr-d09',
      name: 'Lisa Ek',
      town: 'Ljungby',
      start: '2026-01-12',
      partTime: 1,
      protectedIdentity: false,
      allowedSites: { pc: ['vc-ljungby'], im: ['lj-med'] },
      pins: [{ block: 'surg', site: 'lj-kir', from: '2026-03-09' }],
      wishes: [
        { block: 'psy', site: 'vxo-psy', weight: 2 },
        { block: 'vac', from: '2026-07-06', weight: 1 },
      ],
      absences: [],
      credits: [],
    });
  });

  it('leaves allowed sites out when none is ticked (any site), and keeps the wish it had', async () => {
    const onSave = renderForm();
    expect((allowed('pc').getByLabelText('Vårdcentralen Teleborg') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(allowed('pc').getByLabelText('Vårdcentralen Teleborg'));
    change('Hemort', '');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    const body = onSave.mock.calls[0]![0];
    expect(body).not.toHaveProperty('allowedSites');
    expect(body).not.toHaveProperty('town');
    expect(body.wishes).toEqual([{ block: 'psy', site: 'vxo-psy', weight: 1 }]);
  });
});

describe('DoctorForm: the part-time rate in per cent, and dates, in the UI language', () => {
  const noLeave = { ...doctor, absences: [], partTime: 0.75 };
  const submit = (name = 'Spara') => fireEvent.click(screen.getByRole('button', { name }));

  it('shows 0.75 as 75 % and sends 80 % as 0.8', async () => {
    const onSave = renderForm(vi.fn(), noLeave);
    expect((screen.getByLabelText('Tjänstgöringsgrad (%)') as HTMLInputElement).value).toBe('75');
    change('Tjänstgöringsgrad (%)', '80');
    submit();
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0].partTime).toBe(0.8);
  });

  it("says 120 % is outside the schema's 50–100 %, in Swedish and in English", async () => {
    const onSave = renderForm(vi.fn(), noLeave);
    change('Tjänstgöringsgrad (%)', '120');
    submit();
    expect((await screen.findAllByRole('alert')).map((a) => [a.id, a.textContent])).toEqual([['partTime-error', 'Ange 50–100 %']]);
    cleanup();
    localStorage.setItem('lang', 'en');
    renderForm(onSave, noLeave);
    change('Part-time rate (%)', '120');
    submit('Save');
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toEqual(['Enter 50–100 %']);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('asks for the start date in Swedish, and in English when the UI is English', async () => {
    renderForm(vi.fn(), null);
    fillNewDoctor('');
    submit();
    expect((await screen.findAllByRole('alert')).map((a) => [a.id, a.textContent])).toEqual([['start-error', 'Ange ett datum som ÅÅÅÅ-MM-DD']]);
    cleanup();
    localStorage.setItem('lang', 'en');
    renderForm(vi.fn(), null);
    change('Code (id)', 'kr-d09');
    change('Name', '');
    submit('Save');
    expect((await screen.findAllByRole('alert')).map((a) => [a.id, a.textContent])).toEqual([
      ['name-error', 'Required'],
      ['start-error', 'Enter a date as YYYY-MM-DD'],
    ]);
  });
});

describe('DoctorForm: a second credit and its exception, the handledare per placement', () => {
  const credited = { ...doctor, credits: [{ block: 'psy', weeks: 13, decidedBy: 'Studierektor Eva', decidedOn: '2025-12-01' }] };
  const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
  const credit = (i: number) => within(document.querySelector(`[data-credit="${i}"]`) as HTMLElement);

  it('asks for the exception when a second credit is added, naming its empty fields, and saves nothing', async () => {
    const onSave = renderForm(vi.fn(), credited);
    expect(screen.queryByRole('group', { name: 'Undantag: ett andra tillgodoräknande' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till ett andra tillgodoräknande' }));
    // The second credit offers the next creditable block and the first one's decision.
    expect((credit(1).getByLabelText('Block') as HTMLSelectElement).value).toBe('im');
    expect((credit(1).getByLabelText('Beslutat av') as HTMLInputElement).value).toBe('Studierektor Eva');
    expect(screen.getByRole('group', { name: 'Undantag: ett andra tillgodoräknande' })).toBeTruthy();
    submit();
    expect((await screen.findAllByRole('alert')).map((a) => [a.id, a.textContent])).toEqual([
      ['creditException.reason-error', 'Fyll i fältet'],
      ['creditException.decidedBy-error', 'Fyll i fältet'],
      ['creditException.decidedOn-error', 'Ange ett datum som ÅÅÅÅ-MM-DD'],
    ]);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('sends two credits with the exception (a blank second decider left out), the handledare apart', async () => {
    const supervisors = [{ block: 'psy', name: 'Pia Psyk', email: 'pia@region.se' }];
    const onSave = vi.fn();
    render(
      <LangProvider>
        <DoctorForm doctor={credited} blocks={kronoberg2026.problem.blocks} sites={kronoberg2026.problem.sites} supervisors={supervisors} onSave={onSave} />
      </LangProvider>,
    );
    expect((screen.getByLabelText('Handledare: Psykiatri') as HTMLInputElement).value).toBe('Pia Psyk');
    change('Handledare: Allmänmedicin', 'Karin Ek');
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till ett andra tillgodoräknande' }));
    fireEvent.change(credit(1).getByLabelText('Block'), { target: { value: 'pc' } });
    change('Skäl', 'Påbörjad BT i annan region');
    change('Beslutat av (studierektor)', 'Studierektor Eva');
    fireEvent.change(within(screen.getByRole('group', { name: 'Undantag: ett andra tillgodoräknande' })).getByLabelText('Beslutsdatum'), { target: { value: '2025-12-15' } });
    submit();
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    const [body, handledare] = onSave.mock.calls[0]!;
    expect(body.credits).toEqual([
      { block: 'psy', weeks: 13, decidedBy: 'Studierektor Eva', decidedOn: '2025-12-01' },
      { block: 'pc', weeks: 13, decidedBy: 'Studierektor Eva', decidedOn: '2025-12-01' },
    ]);
    expect(body.creditException).toEqual({ reason: 'Påbörjad BT i annan region', decidedBy: 'Studierektor Eva', decidedOn: '2025-12-15' });
    expect(handledare).toEqual([
      { block: 'psy', name: 'Pia Psyk', email: 'pia@region.se' },
      { block: 'pc', name: 'Karin Ek' },
    ]);
  });

  it('drops the exception with the second credit, and names a handledare email that is none', async () => {
    const onSave = renderForm(vi.fn(), { ...credited, credits: [...credited.credits, { block: 'pc', weeks: 13, decidedBy: 'Studierektor Eva', decidedOn: '2025-12-01' }], creditException: { reason: 'Påbörjad BT i annan region', decidedBy: 'Studierektor Eva', decidedOn: '2025-12-01' } });
    expect((screen.getByLabelText('Skäl') as HTMLInputElement).value).toBe('Påbörjad BT i annan region');
    change('Handledare: Kirurgi', 'Olle Kirurg');
    change('E-post (handledarens konto, valfritt): Kirurgi', 'olle-at-region');
    submit();
    expect((await screen.findAllByRole('alert')).map((a) => a.id)).toEqual(['supervisors[0].email-error']);
    expect(onSave).not.toHaveBeenCalled();
    change('E-post (handledarens konto, valfritt): Kirurgi', '');
    fireEvent.click(credit(1).getByRole('button', { name: 'Ta bort' }));
    expect(screen.queryByLabelText('Skäl')).toBeNull();
    submit();
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    const [body, handledare] = onSave.mock.calls[0]!;
    expect([body.credits.length, body.creditException]).toEqual([1, undefined]);
    expect(handledare).toEqual([{ block: 'surg', name: 'Olle Kirurg' }]);
  });
});
