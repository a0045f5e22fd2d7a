// @vitest-environment happy-dom
// The site form checks with the server's schema: a negative capacity and an override that ends
// before it starts are named at their fields; a valid site is saved as the schema reads it.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteForm } from '../../client/src/components/SiteForm';
import { LangProvider } from '../../client/src/i18n/lang';

afterEach(cleanup);

const site = { uuid: '00000000-0000-4000-8000-000000000001', version: 3, id: 'vxo-kir', name: 'Kirurgen Växjö', town: 'Växjö', kinds: ['surgery'], capacity: 2, overrides: [{ from: '2026-06-22', to: '2026-08-17', capacity: 1 }] };

function renderForm(onSave = vi.fn()) {
  render(
    <LangProvider>
      <SiteForm site={site} onSave={onSave} />
    </LangProvider>,
  );
  return onSave;
}

describe('SiteForm', () => {
  it('names a negative capacity and an override ending before it starts, and saves nothing', async () => {
    const onSave = renderForm();
    fireEvent.change(screen.getAllByLabelText('Kapacitet per vecka')[0]!, { target: { value: '-1' } });
    fireEvent.change(screen.getAllByLabelText('Till')[0]!, { target: { value: '2026-06-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const alerts = (await screen.findAllByRole('alert')).map((a) => a.textContent);
    expect(alerts).toEqual(['Too small: expected number to be >=0', '2026-06-15 is not after from (2026-06-22)']);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves the site with a new capacity and one override fewer', async () => {
    const onSave = renderForm();
    fireEvent.change(screen.getAllByLabelText('Kapacitet per vecka')[0]!, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort' }));
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith({ id: 'vxo-kir', name: 'Kirurgen Växjö', town: 'Växjö', kinds: ['surgery'], capacity: 3, overrides: [] }));
  });
});
