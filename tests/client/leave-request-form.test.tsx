// @vitest-environment happy-dom
// The leave request form checks with the server's zod schema and names each broken field.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeaveRequestForm } from '../../client/src/components/LeaveRequestForm';
import { LangProvider } from '../../client/src/i18n/lang';

afterEach(cleanup);

function fill(from: string, to: string) {
  fireEvent.change(screen.getByLabelText('Från'), { target: { value: from } });
  fireEvent.change(screen.getByLabelText('Till'), { target: { value: to } });
  fireEvent.click(screen.getByRole('button', { name: 'Skicka ansökan' }));
}

describe('LeaveRequestForm', () => {
  it('names a day that is not a Monday and an end before the start, and sends nothing', async () => {
    const onSubmit = vi.fn();
    render(
      <LangProvider>
        <LeaveRequestForm onSubmit={onSubmit} />
      </LangProvider>,
    );
    fill('2026-10-06', '2026-09-28');
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(['2026-10-06 is not a Monday', '2026-09-28 is not after from (2026-10-06)']);
    fill('2026-10-05', '2026-09-28');
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toEqual(['2026-09-28 is not after from (2026-10-05)']);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends a valid request', async () => {
    const onSubmit = vi.fn();
    render(
      <LangProvider>
        <LeaveRequestForm onSubmit={onSubmit} />
      </LangProvider>,
    );
    fill('2026-10-05', '2026-10-19');
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ from: '2026-10-05', to: '2026-10-19' }));
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });
});
