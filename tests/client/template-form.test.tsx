// @vitest-environment happy-dom
// The template form: a block's kind sets its category and name; month lengths become weeks by the
// shared largest-remainder rule and both are sent; blocks reorder; a month length out of the
// schema's range is named at its block and nothing is sent.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplateForm } from '../../client/src/components/TemplateForm';
import { LangProvider } from '../../client/src/i18n/lang';

afterEach(cleanup);

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
    expect(block(1).getAllByRole('alert').map((a) => a.textContent)).toEqual(['Too big: expected number to be <=24']);
    expect(block(2).getAllByRole('alert').map((a) => a.textContent)).toEqual(['Too small: expected number to be >0', 'Too small: expected number to be >=1']);
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
