// @vitest-environment happy-dom
// The leave request form: first and last day, inclusive, any weekday, checked with the server's
// zod schema (each broken field named); as the days are typed it says which weeks the week rule
// counts as absence.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeaveRequestForm } from '../../client/src/components/LeaveRequestForm';
import { LangProvider } from '../../client/src/i18n/lang';

afterEach(cleanup);

function renderForm(onSubmit = vi.fn()) {
  render(
    <LangProvider>
      <LeaveRequestForm onSubmit={onSubmit} />
    </LangProvider>,
  );
  return onSubmit;
}

function type(first: string, last: string) {
  fireEvent.change(screen.getByLabelText('Första dag'), { target: { value: first } });
  fireEvent.change(screen.getByLabelText('Sista dag'), { target: { value: last } });
}
const send = () => fireEvent.click(screen.getByRole('button', { name: 'Skicka ansökan' }));
const counted = () => screen.queryByRole('status')?.textContent;

describe('LeaveRequestForm', () => {
  it('takes Wednesday to Friday and says that week 51 counts as absence', async () => {
    const onSubmit = renderForm();
    expect(screen.getByText(/Varje vecka med minst en arbetsdag/)).toBeTruthy();
    type('2026-12-16', '2026-12-18');
    expect(counted()).toBe('v. 51 2026 räknas som frånvaro');
    send();
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ first: '2026-12-16', last: '2026-12-18' }));
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });

  it.each([
    ['Friday to Monday: two weeks', '2026-12-11', '2026-12-14', 'v. 50–51 2026 räknas som frånvaro'],
    ['Christmas Eve to Monday 28 Dec: only the week with a working day', '2026-12-24', '2026-12-28', 'v. 53 2026 räknas som frånvaro'],
    ['over the year end', '2026-12-30', '2027-01-05', 'v. 53 2026–v. 1 2027 räknas som frånvaro'],
    ['a weekend only', '2026-12-19', '2026-12-20', 'Ingen arbetsdag (mån–fre, inte röd dag): ingen vecka räknas som frånvaro'],
  ])('says what the week rule makes of %s', (_case, first, last, text) => {
    renderForm();
    type(first, last);
    expect(counted()).toBe(text);
  });

  it('names a last day before the first and leave without a working day, and sends nothing', async () => {
    const onSubmit = renderForm();
    type('2026-12-18', '2026-12-16');
    expect(counted()).toBeUndefined();
    send();
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toEqual(['Sista dagen 2026-12-16 är före första dagen (2026-12-18)']);
    type('2026-12-24', '2026-12-27');
    send();
    await vi.waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['2026-12-24 – 2026-12-27 har ingen arbetsdag (mån–fre, inte röd dag): ingen vecka räknas som frånvaro']),
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
