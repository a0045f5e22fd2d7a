// @vitest-environment happy-dom
// The template form: a block's kind sets its category and name; month lengths become weeks by the
// shared largest-remainder rule and both are sent; blocks reorder; a month length out of the
// schema's range is named at its block and nothing is sent. Editing a template shows and sends
// every block field (offset, cohort week, window, goals), naming each broken one; the template
// list says where a block lies in words.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplateForm } from '../../client/src/components/TemplateForm';
import { LangProvider } from '../../client/src/i18n/lang';
import { TEXTS } from '../../client/src/i18n/texts';
import { placeWords } from '../../client/src/pages/TemplatesPage';
import type { TemplateResource } from '../../shared/api/templates';
import type { Block } from '../../shared/format/problem';

afterEach(() => {
  cleanup();
  localStorage.removeItem('lang');
});

function renderForm(onSave = vi.fn()) {
  render(
    <LangProvider>
      <TemplateForm onSave={onSave} />
    </LangProvider>,
  );
  return onSave;
}

const block = (n: number) => within(screen.getByRole('group', { name: `Block ${n}` }));

/** Adds a block of `kind` lasting `length` in the form's unit. */
function addBlock(kind: string, length: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Lägg till block' }));
  const row = block(screen.getAllByRole('group').length);
  fireEvent.change(row.getByLabelText('Typ'), { target: { value: kind } });
  fireEvent.change(row.getByLabelText('Månader'), { target: { value: length } });
}

describe('TemplateForm', () => {
  it('names a month length above 24 and a zero one at their blocks, and sends nothing', async () => {
    const onSave = renderForm();
    fireEvent.change(screen.getByLabelText('Namn'), { target: { value: 'Fel mall' } });
    addBlock('internal-medicine', '30');
    addBlock('primary-care', '0');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await screen.findAllByRole('alert');
    expect(block(1).getAllByRole('alert').map((a) => a.textContent)).toEqual(['Högst 24 månader']);
    expect(block(2).getAllByRole('alert').map((a) => a.textContent)).toEqual(['Måste vara mer än 0 månader', 'Minst 1 vecka']);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says weeks at the length bounds of a week-based template, in English when the UI is English', async () => {
    localStorage.setItem('lang', 'en');
    const onSave = renderForm();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Week template' } });
    fireEvent.change(screen.getByLabelText('Counted in'), { target: { value: 'weeks' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a block' }));
    fireEvent.change(block(1).getByLabelText('Weeks'), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findAllByRole('alert');
    expect(block(1).getAllByRole('alert').map((a) => a.textContent)).toEqual(['At most 104 weeks']);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows month lengths in weeks of the employment and sends both, in the order chosen', async () => {
    const onSave = renderForm();
    fireEvent.change(screen.getByLabelText('Namn'), { target: { value: 'Ny BT' } });
    fireEvent.change(screen.getByLabelText('Anställningens längd i veckor'), { target: { value: '53' } });
    addBlock('primary-care', '4');
    addBlock('intro', '1');
    addBlock('surgery', '7');
    // 12 months over 53 weeks: 17.67, 4.42, 30.92 → 17, 4, 30; the two weeks left go to the largest remainders.
    expect(screen.getAllByRole('status').map((o) => o.textContent)).toEqual(['= 18 veckor', '= 4 veckor', '= 31 veckor']);
    fireEvent.click(block(2).getByRole('button', { name: 'Flytta upp' }));
    fireEvent.change(block(3).getByLabelText('Namn'), { target: { value: 'Kirurgi i Ljungby' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0]).toEqual({
      name: 'Ny BT',
      unit: 'months',
      blocks: [
        { id: 'intro', kind: 'intro', category: 'cohort', name: 'Introduktion', weeks: 4, months: 1 },
        { id: 'primary-care', kind: 'primary-care', category: 'primary-care', name: 'Allmänmedicin', weeks: 18, months: 4 },
        { id: 'surgery', kind: 'surgery', category: 'acute', name: 'Kirurgi i Ljungby', weeks: 31, months: 7 },
      ],
    });
  });

  it('gives a second block of the same kind its own id, and a week-based template sends weeks only', async () => {
    const onSave = renderForm();
    fireEvent.change(screen.getByLabelText('Namn'), { target: { value: 'Veckomall' } });
    fireEvent.change(screen.getByLabelText('Räknas i'), { target: { value: 'weeks' } });
    for (const weeks of ['8', '4']) {
      fireEvent.click(screen.getByRole('button', { name: 'Lägg till block' }));
      const row = block(screen.getAllByRole('group').length);
      fireEvent.change(row.getByLabelText('Typ'), { target: { value: 'psychiatry' } });
      fireEvent.change(row.getByLabelText('Veckor'), { target: { value: weeks } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0]).toEqual({
      name: 'Veckomall',
      unit: 'weeks',
      blocks: [
        { id: 'psychiatry', kind: 'psychiatry', category: 'psychiatry', name: 'Psykiatri', weeks: 8 },
        { id: 'psychiatry-2', kind: 'psychiatry', category: 'psychiatry', name: 'Psykiatri', weeks: 4 },
      ],
    });
  });
});

describe('TemplateForm editing a template: every block field', () => {
  const template: TemplateResource = {
    uuid: '00000000-0000-4000-8000-0000000000aa',
    version: 3,
    name: 'Västernorrland BT (52 veckor)',
    unit: 'weeks',
    blocks: [
      { id: 'intro', kind: 'intro', category: 'cohort', weeks: 2, offset: 0, name: 'Gemensam introduktion' },
      { id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, offset: 2 },
      { id: 'psy', kind: 'psychiatry', category: 'psychiatry', weeks: 10 },
      { id: 'vac', kind: 'vacation', category: 'vacation', weeks: 4, window: { from: '2026-06-01', to: '2026-08-31' } },
    ],
  };

  function renderEdit(onSave = vi.fn(), onSaveAsNew = vi.fn()) {
    render(
      <LangProvider>
        <TemplateForm template={template} onSave={onSave} onSaveAsNew={onSaveAsNew} />
      </LangProvider>,
    );
    return { onSave, onSaveAsNew };
  }
  const set = (n: number, label: string, value: string) => fireEvent.change(block(n).getByLabelText(label), { target: { value } });

  it('shows each stored field and sends the template with a new window and the education on a cohort week, the goals left to the kinds', async () => {
    const { onSave } = renderEdit();
    expect(screen.getByRole('form', { name: 'Ändra mall: Västernorrland BT (52 veckor)' })).toBeTruthy();
    expect((block(1).getByLabelText('Fast start, veckor efter BT-start') as HTMLInputElement).value).toBe('0');
    expect((block(4).getByLabelText('Fönster från') as HTMLInputElement).value).toBe('2026-06-01');
    expect((block(4).getByLabelText('Fönster till') as HTMLInputElement).value).toBe('2026-08-31');
    expect((block(3).getByLabelText('Kategori') as HTMLSelectElement).value).toBe('psychiatry');
    expect(block(3).getByRole('button', { name: /^Delmål: typens delmål BT2, BT8, BT9/ })).toBeTruthy();

    set(4, 'Fönster från', '2026-06-08');
    set(4, 'Fönster till', '2026-08-24');
    set(2, 'Fast start, veckor efter BT-start', '');
    set(2, 'Samma vecka för hela kohorten (måndag)', '2026-03-09');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0]).toEqual({
      name: 'Västernorrland BT (52 veckor)',
      unit: 'weeks',
      blocks: [
        template.blocks[0],
        { id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, at: '2026-03-09' },
        template.blocks[2],
        { ...template.blocks[3], window: { from: '2026-06-08', to: '2026-08-24' } },
      ],
    });
  });

  it('names a cohort week with an offset, one that is not a Monday and a window that ends first at their fields, and sends nothing', async () => {
    const { onSave } = renderEdit();
    set(2, 'Samma vecka för hela kohorten (måndag)', '2026-03-09');
    set(4, 'Fönster till', '2026-05-25');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await screen.findAllByRole('alert');
    expect(block(2).getAllByRole('alert').map((a) => a.textContent)).toEqual(['Ett block börjar antingen ett antal veckor efter BT-start eller samma vecka för hela kohorten, inte båda']);
    expect(block(2).getByLabelText('Samma vecka för hela kohorten (måndag)').getAttribute('aria-invalid')).toBe('true');
    expect(block(4).getAllByRole('alert').map((a) => a.textContent)).toEqual(['2026-05-25 måste vara efter 2026-06-01']);
    set(2, 'Fast start, veckor efter BT-start', '');
    set(2, 'Samma vecka för hela kohorten (måndag)', '2026-03-10');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(block(2).getAllByRole('alert').map((a) => a.textContent)).toEqual(['2026-03-10 är ingen måndag (v. 11 2026 börjar 2026-03-09)']));
    expect(onSave).not.toHaveBeenCalled();
  });

  it("sends goals only when they differ from the kind's, and saves as a new template on request", async () => {
    const { onSave, onSaveAsNew } = renderEdit();
    fireEvent.click(block(3).getByRole('button', { name: /^Delmål/ }));
    fireEvent.click(block(3).getByLabelText('BT2'));
    expect(block(3).getByRole('button', { name: /^Delmål/ }).textContent).toBe('Delmål: BT8, BT9, BT10, BT11, BT12, BT13, BT14, BT15, BT16, BT17, BT18');
    fireEvent.change(screen.getAllByLabelText('Namn')[0]!, { target: { value: 'Västernorrland utan BT2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara som ny mall' }));
    await vi.waitFor(() => expect(onSaveAsNew).toHaveBeenCalled());
    expect(onSaveAsNew.mock.calls[0]![0].name).toBe('Västernorrland utan BT2');
    expect(onSaveAsNew.mock.calls[0]![0].blocks[2]).toEqual({ ...template.blocks[2], goals: ['BT8', 'BT9', 'BT10', 'BT11', 'BT12', 'BT13', 'BT14', 'BT15', 'BT16', 'BT17', 'BT18'] });
    // Checked again: the kind's own goals, not sent.
    fireEvent.click(block(3).getByLabelText('BT2'));
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0].blocks[2]).toEqual(template.blocks[2]);
  });
});

describe('placeWords: where a block lies in the year, in words', () => {
  const sv = (key: string) => TEXTS.sv[key as keyof typeof TEXTS.sv];
  const en = (key: string) => TEXTS.en[key as keyof typeof TEXTS.en];
  it.each([
    [{ id: 'vac', kind: 'vacation', category: 'vacation', weeks: 4, window: { from: '2026-06-01', to: '2026-08-31' } }, 'inom 1 jun–31 aug 2026', 'within 1 Jun–31 Aug 2026'],
    [{ id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, at: '2026-03-02' }, 'v. 10 2026 för alla', 'w. 10 2026 for everyone'],
    [{ id: 'intro', kind: 'intro', category: 'cohort', weeks: 2, offset: 0 }, 'vid BT-start', 'at the BT start'],
    [{ id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, offset: 2 }, '2 veckor efter BT-start', '2 weeks after the BT start'],
  ] as const)('%j', (block, words, english) => {
    expect(placeWords(block as Block, sv, 'sv')).toBe(words);
    expect(placeWords(block as Block, en, 'en')).toBe(english);
  });
  it('says nothing of a block that may lie anywhere', () => {
    expect(placeWords({ id: 'psy', kind: 'psychiatry', category: 'psychiatry', weeks: 10 }, sv, 'sv')).toBeUndefined();
  });
});
