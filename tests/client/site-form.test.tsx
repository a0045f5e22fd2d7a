// @vitest-environment happy-dom
// The site form checks with the server's schema: a negative capacity and an override that ends
// before it starts are named at their fields; a valid site is saved as the schema reads it.
// Without a site it creates one: its code and kinds are asked for, and a site offering nothing is refused.
// Messages are in the UI's language: a capacity of 1.5 wants a whole number, an empty name filling in.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteForm } from '../../client/src/components/SiteForm';
import { LangProvider } from '../../client/src/i18n/lang';

afterEach(() => {
  cleanup();
  localStorage.removeItem('lang');
});

const CAPACITY = 'Kapacitet (antal BT-läkare, heltal)';

const site = { uuid: '00000000-0000-4000-8000-000000000001', version: 3, id: 'vxo-kir', name: 'Kirurgen Växjö', town: 'Växjö', kinds: ['surgery'], capacity: 2, overrides: [{ from: '2026-06-22', to: '2026-08-17', capacity: 1 }] };

function renderForm(onSave = vi.fn(), props: Partial<Parameters<typeof SiteForm>[0]> = { site }) {
  render(
    <LangProvider>
      <SiteForm {...props} onSave={onSave} />
    </LangProvider>,
  );
  return onSave;
}

function fillNewSite() {
  fireEvent.change(screen.getByLabelText('Kod (id)'), { target: { value: 'vc-birka' } });
  fireEvent.change(screen.getByLabelText('Namn'), { target: { value: 'Vårdcentralen Birka' } });
  fireEvent.change(screen.getByLabelText('Ort'), { target: { value: 'Växjö' } });
}

describe('SiteForm', () => {
  it('names a negative capacity and an override ending before it starts, and saves nothing', async () => {
    const onSave = renderForm();
    fireEvent.change(screen.getAllByLabelText(CAPACITY)[0]!, { target: { value: '-1' } });
    fireEvent.change(screen.getAllByLabelText('Till')[0]!, { target: { value: '2026-06-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const alerts = (await screen.findAllByRole('alert')).map((a) => a.textContent);
    expect(alerts).toEqual(['Minst 0', '2026-06-15 måste vara efter 2026-06-22']);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves the site with a new capacity and one override fewer', async () => {
    const onSave = renderForm();
    fireEvent.change(screen.getAllByLabelText(CAPACITY)[0]!, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort' }));
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith({ id: 'vxo-kir', name: 'Kirurgen Växjö', town: 'Växjö', kinds: ['surgery'], capacity: 3, overrides: [] }));
  });

  it('refuses a new site that offers no kind, naming the kinds field', async () => {
    const onSave = renderForm(vi.fn(), {});
    fillNewSite();
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const alerts = (await screen.findAllByRole('alert')).map((a) => a.textContent);
    expect(alerts).toEqual(['Minst 1 behövs']);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('offers only the kinds it is given and creates the site with code, address, kinds and capacity', async () => {
    const onSave = renderForm(vi.fn(), { kinds: ['primary-care', 'psychiatry'] });
    expect(screen.getAllByRole('checkbox').map((c) => (c as HTMLInputElement).value)).toEqual(['primary-care', 'psychiatry']);
    fillNewSite();
    fireEvent.change(screen.getByLabelText('Adress'), { target: { value: ' Birkagatan 1, 352 36 Växjö ' } });
    fireEvent.click(screen.getByLabelText('Allmänmedicin'));
    fireEvent.change(screen.getByLabelText(CAPACITY), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0]).toEqual({
      id: 'vc-birka',
      name: 'Vårdcentralen Birka',
      town: 'Växjö',
      address: 'Birkagatan 1, 352 36 Växjö',
      kinds: ['primary-care'],
      capacity: 2,
      overrides: [],
    });
  });

  it('says a capacity of 1.5 must be a whole number and an empty name must be filled in, in Swedish', async () => {
    const onSave = renderForm();
    fireEvent.change(screen.getAllByLabelText(CAPACITY)[0]!, { target: { value: '1.5' } });
    fireEvent.change(screen.getByLabelText('Namn'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const alerts = (await screen.findAllByRole('alert')).map((a) => [a.id, a.textContent]);
    expect(alerts).toEqual([
      ['name-error', 'Fyll i fältet'],
      ['capacity-error', 'Måste vara ett heltal'],
    ]);
    expect(screen.getAllByLabelText(CAPACITY)[0]!.getAttribute('aria-describedby')).toBe('capacity-error');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says the same in English when the UI is English', async () => {
    localStorage.setItem('lang', 'en');
    renderForm();
    fireEvent.change(screen.getAllByLabelText('Capacity (number of BT doctors, whole number)')[0]!, { target: { value: '1.5' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toEqual(['Required', 'Must be a whole number']);
  });
});
