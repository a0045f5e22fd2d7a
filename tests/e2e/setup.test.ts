// The coordinator's setup pages in Chromium against the real server (Kronoberg demo data): a new
// site is listed and a site still in a plan cannot be deleted (the server says why); a
// month-based template shows its blocks in weeks and months; a new doctor with an allowed site, a
// pin and a wish reaches the cohort's problem exactly so, and a start that is not a Monday is
// named and saves nothing. The screenshot goes to test-results/screenshots/setup.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doctor, Problem } from '../../shared/format/problem';
import type { Client } from '../support/api';
import { openClient, type BrowserClient } from '../support/browser';

const COORDINATOR = ['koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026'] as const;

let client: BrowserClient;
let page: Page;
let coordinator: Client;
let region: string;
let cohort: string;

beforeAll(async () => {
  client = await openClient();
  page = client.page;
  coordinator = await client.api.signIn(...COORDINATOR);
  region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
  cohort = (await coordinator.request('GET', `/api/regions/${region}/cohorts`)).body[0].uuid;
  await client.signIn(...COORDINATOR);
  await page.getByRole('region', { name: 'Planeringstavla' }).waitFor();
}, 120_000);
afterAll(async () => {
  await client?.close();
});

const tab = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();
/** Accepts the next confirm() and gives its message. */
const acceptNextDialog = () => new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.message()), void d.accept())));
const doctorsInProblem = async (): Promise<Doctor[]> => ((await coordinator.request('GET', `/api/cohorts/${cohort}/problem`)).body as Problem).doctors;

describe('the setup pages', () => {
  it('create a site, and refuse to delete one a published plan uses with the server’s reason', async () => {
    await tab('Arbetsplatser');
    await page.getByRole('button', { name: 'Ny arbetsplats', exact: true }).click();
    const form = page.getByRole('form', { name: 'Ny arbetsplats' });
    // The kinds offered are those of the region's template blocks served at a site.
    await expect.poll(() => form.locator('input[name=kinds]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual([
      'internal-medicine',
      'surgery',
      'psychiatry',
      'primary-care',
    ]);
    await form.getByLabel('Kod (id)').fill('vc-birka');
    await form.getByLabel('Namn').fill('Vårdcentralen Birka');
    await form.getByLabel('Ort').fill('Växjö');
    await form.getByLabel('Adress').fill('Birkagatan 1, 352 36 Växjö');
    await form.getByLabel('Allmänmedicin').check();
    await form.getByLabel('Kapacitet (antal BT-läkare, heltal)').fill('2');
    await form.getByRole('button', { name: 'Spara' }).click();
    await status('Sparat');
    const row = page.locator('tr[data-site-row=vc-birka]');
    // The list reloads after the status says "Sparat".
    await row.waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['Vårdcentralen Birka', 'Växjö', '2']));
    const created = (await coordinator.request('GET', `/api/regions/${region}/sites`)).body.find((s: { id: string }) => s.id === 'vc-birka');
    expect(created).toMatchObject({ kinds: ['primary-care'], capacity: 2, address: 'Birkagatan 1, 352 36 Växjö' });

    const teleborg = (await coordinator.request('GET', `/api/regions/${region}/sites`)).body.find((s: { id: string }) => s.id === 'vc-teleborg');
    const asked = acceptNextDialog();
    await page.locator('tr[data-site-row=vc-teleborg]').getByRole('button', { name: 'Ta bort' }).click();
    expect(await asked).toBe('Ta bort Vårdcentralen Teleborg? Det går inte att ångra.');
    await page.getByRole('status').filter({ hasNotText: 'Sparat' }).waitFor();
    // The same request again: the server says it is in use, the page says so in Swedish.
    const refused = await coordinator.request('DELETE', `/api/sites/${teleborg.uuid}?version=${teleborg.version}`);
    expect(refused).toMatchObject({ status: 409, body: { type: '/problems/in-use' } });
    expect(await page.getByRole('status').innerText()).toBe('Går inte: något använder den fortfarande (en plan, en läkare eller en annan uppgift)');
    expect(await page.locator('tr[data-site-row=vc-teleborg]').count()).toBe(1);
  });

  it('create a month-based template that shows each block in weeks and months, and delete it', async () => {
    await tab('Mallar');
    await page.getByRole('button', { name: 'Ny mall', exact: true }).click();
    const form = page.getByRole('form', { name: 'Ny mall' });
    await form.getByLabel('Namn', { exact: true }).fill('Kronoberg BT 2027');
    await form.getByLabel('Anställningens längd i veckor').fill('52');
    for (const [i, kind, months] of [[1, 'intro', '1'], [2, 'internal-medicine', '5'], [3, 'primary-care', '6']] as const) {
      await form.getByRole('button', { name: 'Lägg till block' }).click();
      const block = form.getByRole('group', { name: `Block ${i}` });
      await block.getByLabel('Typ').selectOption(kind);
      await block.getByLabel('Månader').fill(months);
    }
    // 1, 5 and 6 of 12 months over 52 weeks: 4.33, 21.67, 26 → 4, 22, 26.
    expect(await form.locator('output').allInnerTexts()).toEqual(['= 4 veckor', '= 22 veckor', '= 26 veckor']);
    await form.getByRole('button', { name: 'Spara' }).click();
    await status('Sparat');
    const template = page.locator('.template[data-template="Kronoberg BT 2027"]');
    expect(await template.locator('h3').innerText()).toBe('Kronoberg BT 2027 (i månader, 52 veckor)');
    const shown = await template.locator('tr[data-block]').evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-block'), (r.querySelector('input') as HTMLInputElement).value, r.querySelectorAll('td')[2]!.textContent]),
    );
    expect(shown).toEqual([
      ['intro', '4', '1'],
      ['internal-medicine', '22', '5'],
      ['primary-care', '26', '6'],
    ]);

    const asked = acceptNextDialog();
    await template.getByRole('button', { name: 'Ta bort' }).click();
    expect(await asked).toBe('Ta bort Kronoberg BT 2027? Det går inte att ångra.');
    await status('Borttaget');
    await template.waitFor({ state: 'detached' });
    const names = (await coordinator.request('GET', `/api/regions/${region}/templates`)).body.map((t: { name: string }) => t.name);
    expect(names).toEqual(['Kronoberg BT 2026']);
  });

  it('names a start that is not a Monday and saves nothing; then creates the doctor with an allowed site, a pin and a wish', async () => {
    const before = (await doctorsInProblem()).map((d) => d.id);
    await tab('Läkare');
    await page.locator('tr[data-doctor-row]').first().waitFor();
    await page.getByRole('button', { name: 'Ny läkare', exact: true }).click();
    const form = page.getByRole('form', { name: 'Ny läkare' });
    await form.getByLabel('Kod (id)').fill('kr-d09');
    await form.getByLabel('Namn').fill('Lisa Ek');
    await form.getByLabel('Hemort').fill('Ljungby');
    await form.getByLabel('Start (en måndag)').fill('2026-01-13');
    await form.getByRole('button', { name: 'Spara' }).click();
    expect(await form.getByRole('alert').allInnerTexts()).toEqual(['2026-01-13 är ingen måndag (v. 3 2026 börjar 2026-01-12)']);
    expect((await doctorsInProblem()).map((d) => d.id)).toEqual(before);

    await form.getByLabel('Start (en måndag)').fill('2026-01-12');
    // The site created above offers primary care, so it can be the doctor's home vårdcentral.
    await form.locator('[data-allowed-block=pc] input[value=vc-birka]').check();
    await form.getByRole('button', { name: 'Lägg till låsning' }).click();
    await form.getByLabel('Låsning 1: Block').selectOption('surg');
    await form.getByLabel('Låsning 1: Arbetsplats').selectOption('lj-kir');
    await form.getByLabel('Låsning 1: Från').fill('2026-03-09');
    await form.getByRole('button', { name: 'Lägg till önskemål' }).click();
    await form.getByLabel('Önskemål 1: Block').selectOption('psy');
    await form.getByLabel('Önskemål 1: Arbetsplats').selectOption('vxo-psy');
    await form.getByLabel('Önskemål 1: Vikt').fill('2');
    await client.shot('setup');
    await form.getByRole('button', { name: 'Spara' }).click();
    await status('Sparat');
    await page.locator('tr[data-doctor-row=kr-d09]').waitFor();

    const doctor = (await doctorsInProblem()).find((d) => d.id === 'kr-d09');
    expect(doctor).toMatchObject({ name: 'Lisa Ek', town: 'Ljungby', start: '2026-01-12', partTime: 1, absences: [], credits: [] });
    expect(doctor!.allowedSites).toEqual({ pc: ['vc-birka'] });
    expect(doctor!.pins).toEqual([{ block: 'surg', site: 'lj-kir', from: '2026-03-09' }]);
    expect(doctor!.wishes).toEqual([{ block: 'psy', site: 'vxo-psy', weight: 2 }]);

    // And it can be deleted again.
    const asked = acceptNextDialog();
    await page.locator('tr[data-doctor-row=kr-d09]').getByRole('button', { name: 'Ta bort' }).click();
    expect(await asked).toBe('Ta bort Lisa Ek? Det går inte att ångra.');
    await status('Borttaget');
    expect((await doctorsInProblem()).map((d) => d.id)).toEqual(before);
  });
});
