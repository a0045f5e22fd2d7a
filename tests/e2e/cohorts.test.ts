// The cohorts page in Chromium against the real server (demo data): a Kronoberg coordinator
// creates a cohort, exports the demo cohort as a file, imports that file under a new name,
// makes a new intake a year later, is told what is wrong with a broken file, and deletes.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeks } from '../../shared/domain/weeks';
import type { Problem } from '../../shared/format/problem';
import type { Client } from '../support/api';
import { openClient, type BrowserClient } from '../support/browser';

const COORDINATOR = { email: 'koordinator.kronoberg@bt-demo.se', password: 'demo-koordinator-2026' };
const DEMO = 'Kronoberg BT 2026';

let client: BrowserClient;
let page: Page;
let coordinator: Client;
let region: string;

beforeAll(async () => {
  client = await openClient();
  page = client.page;
  coordinator = await client.api.signIn(COORDINATOR.email, COORDINATOR.password);
  region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
  await client.signIn(COORDINATOR.email, COORDINATOR.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Kohorter' }).click();
}, 120_000);
afterAll(async () => {
  await client?.close();
});

interface Listed {
  uuid: string;
  version: number;
  name: string;
  template: string;
  kollegiumMonths: number[] | null;
  doctors: number;
}
const listed = async (): Promise<Listed[]> => (await coordinator.request('GET', `/api/regions/${region}/cohorts`)).body;
const byName = async (name: string) => (await listed()).find((c) => c.name === name)!;
const doctorsOf = async (cohort: string): Promise<{ id: string; start: string }[]> => (await coordinator.request('GET', `/api/cohorts/${cohort}/doctors`)).body;
/** The row headed exactly `name` (names share prefixes; a template may bear a cohort's name). */
const row = (name: string) => page.locator('tr[data-cohort-row]', { has: page.getByRole('rowheader', { name, exact: true }) });
/** The toggle that opens the import form, not the form's own submit button. */
const openImport = () => page.getByRole('button', { name: 'Importera', expanded: false }).click();
const status = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

describe('the cohorts page', () => {
  let exported: { path: string; problem: Problem };

  it('creates a cohort from a template and lists it with its template and no doctors', async () => {
    await row(DEMO).waitFor();
    await page.getByRole('button', { name: 'Ny kohort' }).click();
    const form = page.getByRole('form', { name: 'Ny kohort' });
    await form.getByLabel('Namn').fill('Kronoberg HT 2026');
    await form.getByLabel('Mall').selectOption({ label: DEMO });
    await form.getByLabel(/BT-kollegium/).fill('6');
    await form.getByRole('button', { name: 'Spara' }).click();
    await status('Kohorten skapades');
    await row('Kronoberg HT 2026').waitFor(); // the list reloads after the status
    expect(await row('Kronoberg HT 2026').locator('th, td').allInnerTexts()).toEqual(['Kronoberg HT 2026', DEMO, '0', expect.any(String)]);
    const created = await byName('Kronoberg HT 2026');
    expect(created.template).toBe((await byName(DEMO)).template);
    expect(created.kollegiumMonths).toEqual([6]);
  });

  it("exports the demo cohort as a bt-planning-problem/1 file with the cohort's doctors", async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), row(DEMO).getByRole('button', { name: 'Exportera' }).click()]);
    expect(download.suggestedFilename()).toBe(`${DEMO}.json`);
    const path = await download.path();
    const problem: Problem = JSON.parse(await readFile(path, 'utf8'));
    expect(problem.format).toBe('bt-planning-problem/1');
    const doctors = await doctorsOf((await byName(DEMO)).uuid);
    expect(doctors.length).toBeGreaterThan(0);
    expect(problem.doctors.map((d) => [d.id, d.start])).toEqual(doctors.map((d) => [d.id, d.start]));
    exported = { path, problem };
  });

  it('imports the exported file under a new name with the same number of doctors', async () => {
    await openImport();
    const form = page.getByRole('form', { name: 'Importera' });
    await form.getByLabel('Namn').fill('Kronoberg BT 2026 (import)');
    await form.getByLabel(/Planeringsfil/).setInputFiles(exported.path);
    await form.getByRole('button', { name: 'Importera' }).click();
    const n = exported.problem.doctors.length;
    await status(`Importerad: ${n} läkare`);
    expect(await row('Kronoberg BT 2026 (import)').getAttribute('data-doctors')).toBe(String(n));
    expect(await row('Kronoberg BT 2026 (import)').locator('td').nth(1).innerText()).toBe(String(n));
  });

  it("makes a new intake from the demo cohort a year later: its doctors start 52 weeks later", async () => {
    await row(DEMO).getByRole('button', { name: 'Nytt intag' }).click();
    const form = page.getByRole('form', { name: `Nytt intag: ${DEMO}` });
    expect(await form.getByLabel('Namn').inputValue()).toBe('Kronoberg BT 2027');
    // The first start a year (52 weeks) later is suggested; the doctors come along.
    expect(await form.getByLabel('Intagets start').inputValue()).toBe('2027-01-11');
    expect(await form.getByLabel(/Kopiera läkarna/).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Skapa intaget' }).click();
    await status(`Nytt intag: ${exported.problem.doctors.length} läkare`);
    await row('Kronoberg BT 2027').waitFor();
    const original = await doctorsOf((await byName(DEMO)).uuid);
    const copy = await doctorsOf((await byName('Kronoberg BT 2027')).uuid);
    expect(copy.map((d) => [d.id, d.start])).toEqual(original.map((d) => [d.id, addWeeks(d.start, 52)]));
    await client.shot('cohorts');
  });

  it('shows what is wrong with a file that is not JSON or not a problem, and adds no cohort', async () => {
    const before = (await listed()).length;
    await openImport();
    const form = page.getByRole('form', { name: 'Importera' });
    await form.getByLabel('Namn').fill('Trasig');
    const file = form.getByLabel(/Planeringsfil/);
    const alert = form.getByRole('alert');

    await file.setInputFiles({ name: 'trasig.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": ') });
    await form.getByRole('button', { name: 'Importera' }).click();
    await alert.filter({ hasText: 'Filen är inte JSON' }).waitFor();

    const wrong = { ...exported.problem, format: 'bt-planning-problem/2' };
    await file.setInputFiles({ name: 'fel-format.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(wrong)) });
    await form.getByRole('button', { name: 'Importera' }).click();
    await alert.filter({ hasText: 'problem.format' }).waitFor();

    expect((await listed()).length).toBe(before);
    expect(await page.locator('tr[data-cohort-row]').count()).toBe(before);
  });

  it('edits a cohort: "no teaching" and a new name are saved, the version moves on', async () => {
    const before = await byName('Kronoberg HT 2026');
    await row('Kronoberg HT 2026').getByRole('button', { name: 'Ändra' }).click();
    const form = page.getByRole('form', { name: 'Kohort Kronoberg HT 2026' });
    await form.getByLabel('Ingen undervisning').check();
    await form.getByLabel('Namn').fill('Kronoberg HT 2026 B');
    await form.getByRole('button', { name: 'Spara' }).click();
    await status('Sparat');
    await row('Kronoberg HT 2026 B').waitFor();
    expect(await coordinator.request('GET', `/api/cohorts/${before.uuid}`).then((a) => a.body)).toMatchObject({ name: 'Kronoberg HT 2026 B', teaching: null, kollegiumMonths: [6], version: before.version + 1 });
  });

  it('deletes a cohort after confirmation', async () => {
    const confirmed: string[] = [];
    page.once('dialog', (dialog) => (confirmed.push(dialog.message()), dialog.accept()));
    await row('Kronoberg HT 2026 B').getByRole('button', { name: 'Ta bort' }).click();
    await status('Kohorten togs bort');
    expect(confirmed).toEqual(['Ta bort kohorten Kronoberg HT 2026 B med alla dess läkare, planer och läkarkonton?']);
    await row('Kronoberg HT 2026 B').waitFor({ state: 'detached' });
    expect(await byName('Kronoberg HT 2026 B')).toBeUndefined();
  });
});
