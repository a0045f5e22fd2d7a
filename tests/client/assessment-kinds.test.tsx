// @vitest-environment happy-dom
// A region's assessment kinds on the templates page: a new kind's code follows its Swedish name
// as a slug of the id rule (until typed), the whole list goes in one PATCH with the version read,
// a removed kind is left out, a broken field is named in its row and nothing is sent, the server's
// refusal is said as it words it, someone else's change shows the kinds as stored; and once saved,
// the template form's blocks offer the new kind.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROBLEM_TYPES } from '../../shared/api/common';
import type { Region, RegionUpdate } from '../../shared/api/regions';
import type { TemplateResource } from '../../shared/api/templates';
import { BUILT_IN_ASSESSMENT_KINDS } from '../../shared/domain/readiness';
import { ApiError } from '../../client/src/api/client';
import { AssessmentKindsForm, kindIdOf } from '../../client/src/components/AssessmentKindsForm';
import { LangProvider } from '../../client/src/i18n/lang';
import { TemplatesPage } from '../../client/src/pages/TemplatesPage';
import { navigate } from '../../client/src/router/history';
import { PlaceProvider } from '../../client/src/router/PlaceContext';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const REGION_ID = '11111111-1111-4111-8111-111111111111';
const aRegion = (overrides: Partial<Region> = {}): Region => ({ uuid: REGION_ID, version: 3, name: 'Region Västernorrland', assessmentKinds: [...BUILT_IN_ASSESSMENT_KINDS], ...overrides });
const SIM = { id: 'simulering', name_sv: 'Simulering', name_en: 'Simulation' };

function renderForm(region: Region = aRegion(), updateRegion = vi.fn(async (_id: string, body: RegionUpdate) => aRegion({ version: body.version + 1, assessmentKinds: body.assessmentKinds! }))) {
  const reload = vi.fn();
  const view = render(
    <LangProvider>
      <AssessmentKindsForm region={region} reload={reload} calls={{ updateRegion }} />
    </LangProvider>,
  );
  return { updateRegion, reload, view };
}

const cell = (field: 'Kod (id)' | 'Svenskt namn' | 'Engelskt namn', row: number) => screen.getByLabelText(`${field}, rad ${row}`) as HTMLInputElement;
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Spara bedömningstyper' }));
const status = () => screen.findByRole('status');

describe('kindIdOf', () => {
  it.each([
    ['Samlad bedömning', 'samlad-bedomning'],
    ['Åtgärd på  akuten!', 'atgard-pa-akuten'],
    [' BT-kollegium 2 ', 'bt-kollegium-2'],
    ['Öva', 'ova'],
    ['!!!', ''],
  ])('%s → %s', (name, id) => expect(kindIdOf(name)).toBe(id));
});

describe('AssessmentKindsForm', () => {
  it("lists the region's kinds: code, Swedish and English name", () => {
    renderForm();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.dataset.kind)).toEqual(BUILT_IN_ASSESSMENT_KINDS.map((k) => k.id));
    expect(within(rows[3]!).getByText('specialistkollegium').tagName).toBe('CODE');
    expect([cell('Svenskt namn', 4).value, cell('Engelskt namn', 4).value]).toEqual(['Specialistkollegium', 'Specialist panel']);
  });

  it('adds a kind, its code suggested from the Swedish name, and sends the whole list with the version read; "Sparat"', async () => {
    const { updateRegion, reload } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till bedömningstyp' }));
    type(cell('Svenskt namn', 8), 'Simulering på övningsavd');
    expect(cell('Kod (id)', 8).value).toBe('simulering-pa-ovningsavd');
    type(cell('Svenskt namn', 8), 'Simulering');
    expect(cell('Kod (id)', 8).value).toBe('simulering');
    type(cell('Engelskt namn', 8), 'Simulation');
    save();
    expect((await status()).textContent).toBe('Sparat');
    expect(updateRegion.mock.calls).toEqual([[REGION_ID, { name: 'Region Västernorrland', version: 3, assessmentKinds: [...BUILT_IN_ASSESSMENT_KINDS, SIM] }]]);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('keeps a typed code when the Swedish name changes, and suggests a free one when the slug is taken', () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till bedömningstyp' }));
    type(cell('Svenskt namn', 8), 'DOPS');
    expect(cell('Kod (id)', 8).value).toBe('dops-2');
    type(cell('Kod (id)', 8), 'dops-akut');
    type(cell('Svenskt namn', 8), 'DOPS akut');
    expect(cell('Kod (id)', 8).value).toBe('dops-akut');
  });

  it('removes a kind and renames another: the list sent lacks it and carries the new names', async () => {
    const { updateRegion } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort DOPS' }));
    expect(screen.queryByRole('button', { name: 'Ta bort DOPS' })).toBeNull();
    type(cell('Svenskt namn', 2), 'CbD');
    type(cell('Engelskt namn', 2), 'Case-based discussion');
    save();
    await status();
    const [mini, , , ...rest] = BUILT_IN_ASSESSMENT_KINDS;
    expect(updateRegion.mock.calls[0]![1].assessmentKinds).toEqual([mini, { id: 'cbd', name_sv: 'CbD', name_en: 'Case-based discussion' }, ...rest]);
  });

  it("says the server's 422 naming assessmentKinds as it words it, and keeps what was typed", async () => {
    const detail = 'assessmentKinds: dops is expected by block acute of the template Mall 2026; remove it there first';
    const updateRegion = vi.fn(async () => {
      throw new ApiError({ type: 'about:blank', title: 'Unprocessable Content', status: 422, detail });
    });
    const { reload } = renderForm(aRegion(), updateRegion);
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort DOPS' }));
    save();
    expect((await status()).textContent).toBe(detail);
    expect(updateRegion).toHaveBeenCalledTimes(1);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(screen.getAllByRole('row').slice(1).map((r) => r.dataset.kind)).toEqual(BUILT_IN_ASSESSMENT_KINDS.map((k) => k.id).filter((id) => id !== 'dops'));
  });

  it("on someone else's change (409) says so and shows the kinds as stored once read again", async () => {
    const updateRegion = vi.fn(async () => {
      throw new ApiError({ type: PROBLEM_TYPES.staleVersion, title: 'Conflict', status: 409, detail: 'region was changed by someone else; reload and try again' });
    });
    const { view } = renderForm(aRegion(), updateRegion);
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort DOPS' }));
    save();
    expect((await status()).textContent).toBe('Någon annan ändrade samtidigt; uppgifterna är omladdade, försök igen');
    view.rerender(
      <LangProvider>
        <AssessmentKindsForm region={aRegion({ version: 4, assessmentKinds: [...BUILT_IN_ASSESSMENT_KINDS, SIM] })} reload={vi.fn()} calls={{ updateRegion }} />
      </LangProvider>,
    );
    expect(screen.getAllByRole('row').slice(1).map((r) => r.dataset.kind)).toEqual([...BUILT_IN_ASSESSMENT_KINDS.map((k) => k.id), 'simulering']);
  });

  it('names an empty name and a taken code in their places and sends nothing', async () => {
    const { updateRegion } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till bedömningstyp' }));
    type(cell('Kod (id)', 8), 'cbd');
    type(cell('Svenskt namn', 8), 'Fallbaserad');
    save();
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(['Fyll i fältet', 'Bedömningstypernas koder måste vara unika ("cbd" finns två gånger)']);
    expect(cell('Engelskt namn', 8).getAttribute('aria-invalid')).toBe('true');
    expect(updateRegion).not.toHaveBeenCalled();
  });
});

describe('TemplatesPage: assessment kinds', () => {
  const TEMPLATE: TemplateResource = {
    uuid: '33333333-3333-4333-8333-333333333333',
    version: 1,
    name: 'Mall',
    unit: 'weeks',
    blocks: [{ id: 'acute', kind: 'acute', category: 'acute', weeks: 13 }],
  };

  /** The API as far as the page reads and writes it, the region kept between calls. */
  function fakeServer() {
    let region = aRegion();
    const patches: unknown[] = [];
    const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      if (method === 'GET' && url === '/api/regions') return answer([aRegion()]);
      if (method === 'GET' && url === `/api/regions/${REGION_ID}`) return answer(region);
      if (method === 'GET' && url === `/api/regions/${REGION_ID}/cohorts`) return answer([]);
      if (method === 'GET' && url === `/api/regions/${REGION_ID}/templates`) return answer([TEMPLATE]);
      if (method === 'PATCH' && url === `/api/regions/${REGION_ID}`) {
        const body = JSON.parse(String(init.body)) as RegionUpdate;
        patches.push(body);
        region = { ...region, version: region.version + 1, assessmentKinds: body.assessmentKinds! };
        return answer(region);
      }
      return answer({ type: 'about:blank', title: 'Not Found', status: 404 }, 404);
    });
    vi.stubGlobal('fetch', fetch);
    return { patches };
  }

  it("offers a kind just saved in the template form's blocks", async () => {
    const { patches } = fakeServer();
    navigate(`/mallar/${REGION_ID}`, { replace: true });
    render(
      <LangProvider>
        <PlaceProvider>
          <TemplatesPage />
        </PlaceProvider>
      </LangProvider>,
    );
    const kinds = within(await screen.findByRole('region', { name: 'Bedömningstyper i regionen' }));
    fireEvent.click(kinds.getByRole('button', { name: 'Lägg till bedömningstyp' }));
    type(cell('Svenskt namn', 8), 'Simulering');
    type(cell('Engelskt namn', 8), 'Simulation');
    fireEvent.click(kinds.getByRole('button', { name: 'Spara bedömningstyper' }));
    await waitFor(() => expect(kinds.getByRole('status').textContent).toBe('Sparat'));
    expect(patches).toEqual([{ name: 'Region Västernorrland', version: 3, assessmentKinds: [...BUILT_IN_ASSESSMENT_KINDS, SIM] }]);

    fireEvent.click(screen.getByRole('button', { name: 'Ändra mall' }));
    const block = within(screen.getByRole('group', { name: 'Block 1' }));
    fireEvent.click(block.getByRole('button', { name: /^Förväntade bedömningar/ }));
    await waitFor(() => expect(block.getByLabelText('Simulering')).toBeTruthy());
    expect(block.getAllByRole('spinbutton').map((i) => i.getAttribute('name')).filter((n) => n?.startsWith('assessments.'))).toEqual([
      ...BUILT_IN_ASSESSMENT_KINDS.map((k) => `assessments.${k.id}`),
      'assessments.simulering',
    ]);
  });
});
