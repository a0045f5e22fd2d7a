// @vitest-environment happy-dom
// The doctor form checks with the server's schema: the part-time rate, absences and the credit
// decision are named at their fields; a valid year is saved as the schema reads it.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DoctorForm } from '../../client/src/components/DoctorForm';
import { LangProvider } from '../../client/src/i18n/lang';
import { kronoberg2026 } from '../../shared/domain/presets';

afterEach(cleanup);
const source = kronoberg2026.problem.doctors[0]!;
const doctor = { ...source, uuid: '00000000-0000-4000-8000-000000000002', version: 1 };

function renderForm(onSave = vi.fn()) {
  render(
    <LangProvider>
      <DoctorForm doctor={doctor} blocks={kronoberg2026.problem.blocks} onSave={onSave} />
    </LangProvider>,
  );
  return onSave;
}

describe('DoctorForm', () => {
  it('names a part-time rate below 0.5, an absence ending first and a too short credit, and saves nothing', async () => {
    const onSave = renderForm();
    fireEvent.change(screen.getByLabelText('Tjänstgöringsgrad'), { target: { value: '0.3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till frånvaro' }));
    const dates = screen.getAllByLabelText(/^(Från|Till)$/);
    fireEvent.change(dates.at(-2)!, { target: { value: '2026-10-05' } });
    fireEvent.change(dates.at(-1)!, { target: { value: '2026-09-28' } });
    fireEvent.change(screen.getByLabelText('Block'), { target: { value: 'psy' } });
    fireEvent.change(screen.getByLabelText('Veckor'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const alerts = (await screen.findAllByRole('alert')).map((a) => a.textContent);
    expect(alerts).toContain('Too small: expected number to be >=0.5');
    expect(alerts).toContain('2026-09-28 is not after from (2026-10-05)');
    expect(alerts).toContain('must be at least 13 weeks (3 months)');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves a new absence with its reason', async () => {
    const onSave = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till frånvaro' }));
    const dates = screen.getAllByLabelText(/^(Från|Till)$/);
    fireEvent.change(dates.at(-2)!, { target: { value: '2026-10-05' } });
    fireEvent.change(dates.at(-1)!, { target: { value: '2026-10-19' } });
    fireEvent.change(screen.getAllByLabelText(/^Anledning/).at(-1)!, { target: { value: 'Föräldraledighet' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0].absences.at(-1)).toEqual({ from: '2026-10-05', to: '2026-10-19', reason: 'Föräldraledighet' });
    expect(onSave.mock.calls[0]![0].id).toBe(source.id);
  });
});
