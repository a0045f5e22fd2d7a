// @vitest-environment happy-dom
// The cohort form checks with the server's schema: an empty name, a start time that is no time
// and a month that is no number are named at their fields; valid input is saved as the schema
// reads it, with "no teaching" and empty months as null; study time and BT-råd rows are saved as
// numbers and dates, with their broken fields named. Next year's name bumps the year.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CohortResource } from '../../shared/api/cohorts';
import type { TemplateResource } from '../../shared/api/templates';
import { nextIntakeName } from '../../client/src/components/IntakeForm';
import { CohortForm } from '../../client/src/components/CohortForm';
import { LangProvider } from '../../client/src/i18n/lang';

afterEach(cleanup);

const aTemplate = (uuid: string, name: string): TemplateResource => ({ uuid, version: 1, name, unit: 'weeks', blocks: [{ id: 'intro', kind: 'intro', category: 'cohort', weeks: 2 }] });
const templates = [aTemplate('00000000-0000-4000-8000-00000000000a', 'Mall A'), aTemplate('00000000-0000-4000-8000-00000000000b', 'Mall B')];
const cohort: CohortResource = {
  uuid: '00000000-0000-4000-8000-000000000001',
  version: 2,
  region: '00000000-0000-4000-8000-000000000002',
  name: 'Kronoberg BT 2026',
  template: templates[0]!.uuid,
  teaching: { weekday: 4, start: '13:00', minutes: 240 },
  kollegiumMonths: null,
  studyTime: null,
  councils: [],
  doctors: 12,
};

function renderForm(existing?: CohortResource) {
  const onSave = vi.fn(async () => {});
  render(
    <LangProvider>
      <CohortForm cohort={existing} templates={templates} onSave={onSave} />
    </LangProvider>,
  );
  return onSave;
}

const field = (label: string) => screen.getByLabelText(label);
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const MONTHS = 'BT-kollegium, månader efter start (t.ex. 6, 12; tomt = halvvägs)';

describe('CohortForm', () => {
  it('names an empty name, a start of 25:00 and a month that is no number, and saves nothing', async () => {
    const onSave = renderForm();
    type('Starttid (TT:MM)', '25:00');
    type(MONTHS, '6, x');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const alerts = (await screen.findAllByRole('alert')).map((a) => [a.id, a.textContent]);
    expect(alerts).toEqual([
      ['name-error', 'Fyll i fältet'],
      ['teaching.start-error', 'Ange en tid som TT:MM (00:00–23:59)'],
      ['kollegiumMonths[1]-error', 'Ange ett tal'],
    ]);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('names a teaching shorter than 15 minutes and a kollegium month past 23', async () => {
    const onSave = renderForm(cohort);
    type('Minuter', '10');
    type(MONTHS, '24');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const alerts = (await screen.findAllByRole('alert')).map((a) => a.textContent);
    expect(alerts).toEqual(['Minst 15', 'Högst 23 månader']);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves a new cohort with the first template, Thursday 13:00 teaching by default and months as numbers', async () => {
    const onSave = renderForm();
    type('Namn', '  Kronoberg HT 2026 ');
    type(MONTHS, '6, 12');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        name: 'Kronoberg HT 2026',
        template: templates[0]!.uuid,
        teaching: { weekday: 4, start: '13:00', minutes: 240 },
        kollegiumMonths: [6, 12],
        studyTime: null,
        councils: [],
      }),
    );
  });

  it('saves an edited cohort with another template, Friday 08:30 for two hours', async () => {
    const onSave = renderForm(cohort);
    type('Mall', templates[1]!.uuid);
    type('Veckodag', '5');
    type('Starttid (TT:MM)', '08:30');
    type('Minuter', '120');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ name: 'Kronoberg BT 2026', template: templates[1]!.uuid, teaching: { weekday: 5, start: '08:30', minutes: 120 }, kollegiumMonths: null, studyTime: null, councils: [] }),
    );
  });

  it('sends teaching null for "no teaching", and shows a cohort without teaching that way', async () => {
    const onSave = renderForm({ ...cohort, teaching: null, kollegiumMonths: [9] });
    expect((field('Ingen undervisning') as HTMLInputElement).checked).toBe(true);
    expect((field('Starttid (TT:MM)') as HTMLInputElement).disabled).toBe(true);
    expect((field(MONTHS) as HTMLInputElement).value).toBe('9');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith({ name: 'Kronoberg BT 2026', template: templates[0]!.uuid, teaching: null, kollegiumMonths: [9], studyTime: null, councils: [] }));
  });
});

describe('CohortForm: study time and BT-råd', () => {
  const aCouncil = { date: '2026-09-16', start: '15:00', minutes: 90, place: 'Aulan' };

  it('saves study time every 3 weeks on Wednesdays 09:00 for 180 minutes, and a BT-råd row added', async () => {
    const onSave = renderForm(cohort);
    expect((field('Ingen studietid') as HTMLInputElement).checked).toBe(true);
    expect((field('Studietid börjar (TT:MM)') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(field('Ingen studietid'));
    type('Dag för studietid', '3');
    type('Studietid börjar (TT:MM)', '09:00');
    type('Studietidens längd (minuter)', '180');
    type('Var N:e vecka (1–8)', '3');
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till BT-råd' }));
    type('BT-råd 1: datum', '2026-09-16');
    type('BT-råd 1: starttid (TT:MM)', '15:00');
    type('BT-råd 1: minuter', '90');
    type('BT-råd 1: plats', ' Aulan ');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        name: 'Kronoberg BT 2026',
        template: templates[0]!.uuid,
        teaching: { weekday: 4, start: '13:00', minutes: 240 },
        kollegiumMonths: null,
        studyTime: { weekday: 3, start: '09:00', minutes: 180, everyWeeks: 3 },
        councils: [aCouncil],
      }),
    );
  });

  it('shows a cohort’s study time and meetings, removes the first meeting and saves study time off', async () => {
    const second = { date: '2026-11-11', start: '10:00', minutes: 60, place: 'Ljungby lasarett' };
    const onSave = renderForm({ ...cohort, studyTime: { weekday: 2, start: '08:00', minutes: 240, everyWeeks: 2 }, councils: [aCouncil, second] });
    expect((field('Ingen studietid') as HTMLInputElement).checked).toBe(false);
    expect((field('Var N:e vecka (1–8)') as HTMLInputElement).value).toBe('2');
    expect((field('BT-råd 2: plats') as HTMLInputElement).value).toBe('Ljungby lasarett');
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort BT-råd 1' }));
    expect((field('BT-råd 1: plats') as HTMLInputElement).value).toBe('Ljungby lasarett');
    expect(screen.queryByLabelText('BT-råd 2: plats')).toBeNull();
    fireEvent.click(field('Ingen studietid'));
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ studyTime: null, councils: [second] })));
  });

  it('names study time every 9 weeks, a BT-råd on a Saturday and one without a place, and saves nothing', async () => {
    const onSave = renderForm({ ...cohort, studyTime: { weekday: 2, start: '08:00', minutes: 240, everyWeeks: 2 }, councils: [aCouncil, aCouncil] });
    type('Var N:e vecka (1–8)', '9');
    type('BT-råd 1: datum', '2026-09-19');
    type('BT-råd 2: plats', '  ');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const alerts = (await screen.findAllByRole('alert')).map((a) => [a.id, a.textContent]);
    expect(alerts).toEqual([
      ['studyTime.everyWeeks-error', 'Högst 8 veckor'],
      ['councils[0].date-error', '2026-09-19 är en lördag eller söndag; välj en vardag'],
      ['councils[1].place-error', 'Fyll i fältet'],
    ]);
    expect(onSave).not.toHaveBeenCalled();
  });
});

describe('nextIntakeName', () => {
  it.each([
    ['Kronoberg BT 2026', 'Kronoberg BT 2027'],
    ['Västernorrland VT 2026/2027', 'Västernorrland VT 2027/2028'],
    ['Intag HT', 'Intag HT (2)'],
    ['Grupp 12026', 'Grupp 12026 (2)'],
  ])('%s → %s', (name, next) => {
    expect(nextIntakeName(name)).toBe(next);
  });
});
