// @vitest-environment happy-dom
// Cohorts and templates are the whole region's: to a coordinator limited to towns (the server
// answers 403 to every change) the pages show them read-only — only Exportera on a cohort, no
// template or assessment-kind buttons or inputs — and say why in one line. A coordinator of the
// whole region still gets every button.
import type { ReactElement } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CohortResource } from '../../shared/api/cohorts';
import type { Region } from '../../shared/api/regions';
import type { TemplateResource } from '../../shared/api/templates';
import { LangProvider } from '../../client/src/i18n/lang';
import { CohortsPage } from '../../client/src/pages/CohortsPage';
import { TemplatesPage } from '../../client/src/pages/TemplatesPage';
import { navigate } from '../../client/src/router/history';
import { PlaceProvider } from '../../client/src/router/PlaceContext';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const REGION_ID = '11111111-1111-4111-8111-111111111111';
const SIM = { id: 'simulering', name_sv: 'Simulering', name_en: 'Simulation' };
const REGION: Region = { uuid: REGION_ID, version: 3, name: 'Region Västernorrland', assessmentKinds: [SIM] };
const TEMPLATE: TemplateResource = {
  uuid: '33333333-3333-4333-8333-333333333333',
  version: 1,
  name: 'Mall',
  unit: 'weeks',
  blocks: [{ id: 'acute', kind: 'acute', category: 'acute', weeks: 13 }],
};
const COHORT: CohortResource = {
  uuid: '22222222-2222-4222-8222-222222222222',
  version: 1,
  region: REGION_ID,
  name: 'Västernorrland BT 2026',
  template: TEMPLATE.uuid,
  teaching: { weekday: 4, start: '13:00', minutes: 240 },
  kollegiumMonths: null,
  studyTime: null,
  councils: [],
  doctors: 4,
};
const WHY = 'Kohorter och mallar gäller hela regionen: en studierektor för hela regionen ändrar dem.';

/** Answers the reads of the two pages; any write would be a 404 (and is not expected). */
function fakeServer() {
  const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    if ((init.method ?? 'GET') !== 'GET') return answer({ type: 'about:blank', title: 'Not Found', status: 404 }, 404);
    if (url === '/api/regions') return answer([REGION]);
    if (url === `/api/regions/${REGION_ID}`) return answer(REGION);
    if (url === `/api/regions/${REGION_ID}/cohorts`) return answer([COHORT]);
    if (url === `/api/regions/${REGION_ID}/templates`) return answer([TEMPLATE]);
    return answer({ type: 'about:blank', title: 'Not Found', status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderAt(path: string, page: ReactElement) {
  const fetch = fakeServer();
  navigate(path, { replace: true });
  render(
    <LangProvider>
      <PlaceProvider>{page}</PlaceProvider>
    </LangProvider>,
  );
  return fetch;
}

const buttons = (scope: HTMLElement) => within(scope).queryAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent);
const hints = () => Array.from(document.querySelectorAll('p.hint')).map((p) => p.textContent);

describe('CohortsPage for a coordinator limited to towns', () => {
  it('offers only Exportera on a cohort and says why; no Ny kohort or Importera', async () => {
    const fetch = renderAt(`/kohorter/${REGION_ID}`, <CohortsPage readOnly />);
    const row = await screen.findByRole('row', { name: /Västernorrland BT 2026/ });
    expect(buttons(row)).toEqual(['Exportera']);
    expect(buttons(screen.getByRole('region', { name: 'Kohorter' }))).toEqual(['Exportera']);
    expect(hints()).toEqual([WHY]);
    expect(fetch.mock.calls.every(([, init]) => (init?.method ?? 'GET') === 'GET')).toBe(true);
  });

  it('gives a coordinator of the whole region every button and no such line', async () => {
    renderAt(`/kohorter/${REGION_ID}`, <CohortsPage />);
    const row = await screen.findByRole('row', { name: /Västernorrland BT 2026/ });
    expect(buttons(row)).toEqual(['Ändra', 'Exportera', 'Nytt intag', 'Ta bort']);
    expect(buttons(screen.getByRole('region', { name: 'Kohorter' }))).toEqual(['Ändra', 'Exportera', 'Nytt intag', 'Ta bort', 'Ny kohort', 'Importera']);
    expect(hints()).toEqual([]);
  });
});

describe('TemplatesPage for a coordinator limited to towns', () => {
  it('shows templates and assessment kinds as plain tables, without a button or input, and says why', async () => {
    renderAt(`/mallar/${REGION_ID}`, <TemplatesPage readOnly />);
    const kinds = await screen.findByRole('region', { name: 'Bedömningstyper i regionen' });
    await screen.findByRole('heading', { name: /^Mall / });
    const page = screen.getByRole('region', { name: 'Mallar' });
    expect(buttons(page)).toEqual([]);
    expect(within(page).queryAllByRole('spinbutton')).toEqual([]);
    expect(within(page).queryAllByRole('textbox')).toEqual([]);
    expect(within(page).getByRole('row', { name: /Akut/ }).querySelectorAll('td')[1]!.textContent).toBe('13');
    expect(within(kinds).getAllByRole('row').map((r) => Array.from(r.children).map((c) => c.textContent))).toEqual([
      ['Kod (id)', 'Svenskt namn', 'Engelskt namn'],
      ['simulering', 'Simulering', 'Simulation'],
    ]);
    expect(hints()).toEqual([WHY]);
  });

  it('gives a coordinator of the whole region the template and kind buttons and inputs', async () => {
    renderAt(`/mallar/${REGION_ID}`, <TemplatesPage />);
    const kinds = await screen.findByRole('region', { name: 'Bedömningstyper i regionen' });
    await screen.findByRole('heading', { name: /^Mall / });
    const page = screen.getByRole('region', { name: 'Mallar' });
    expect(buttons(page)).toEqual(['Ny mall', 'Spara', 'Ändra mall', 'Ta bort', 'Ta bort Simulering', 'Lägg till bedömningstyp', 'Spara bedömningstyper']);
    expect((within(page).getByLabelText('Veckor acute') as HTMLInputElement).value).toBe('13');
    expect(within(kinds).getAllByRole('textbox')).toHaveLength(2);
    expect(hints()).toEqual(['En ny typs kod föreslås från det svenska namnet. En typ som en malls block förväntar tas först bort där.']);
  });
});
