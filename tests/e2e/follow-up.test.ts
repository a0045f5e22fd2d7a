// The BT follow-up in Chromium against the real server (demo data, the server's clock in March
// 2026, while the Kronoberg demo doctor is in primary care): the coordinator sets the assessments
// the template's primary-care block expects and the cohort's study time; the doctor's checklist
// shows them per placement; the placement's supervisor signs in, records a Mini-CEX for their
// doctor and cannot reach another doctor (404); the cohort matrix counts it; the doctor's feed
// has the planned assessments and the study time. Screenshots: checklist-matrix.png,
// supervisor-checklist.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/api';
import { axeProblems, openClient, type BrowserClient } from '../support/browser';

const TODAY = '2026-03-11';
const COORDINATOR = ['koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026'] as const;
const DOCTOR = ['lakare.kronoberg@bt-demo.se', 'demo-lakare-2026'] as const;
const SUPERVISOR = ['handledare.kronoberg@bt-demo.se', 'demo-handledare-2026'] as const;

let client: BrowserClient;
let page: Page;

beforeAll(async () => {
  client = await openClient({ clock: () => new Date(`${TODAY}T10:00:00Z`) });
  page = client.page;
}, 120_000);
afterAll(async () => {
  await client?.close();
});

/** The text of the matrix cell of one doctor and kind. */
async function matrixCell(doctor: string, kind: string): Promise<string> {
  const cell = page.locator('.checklist-matrix tr', { has: page.getByRole('button', { name: `Checklista för ${doctor}` }) }).locator(`td[data-kind="${kind}"]`);
  await cell.waitFor();
  return cell.innerText();
}

/** A status the signed-in browser gets for a GET, with its session. */
const statusInBrowser = (path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);

describe('the BT follow-up', () => {
  let doctorId: string;
  let doctorName: string;

  it('lets the coordinator set the assessments a template block expects, and the study time', async () => {
    const doctor = await client.api.signIn(...DOCTOR);
    doctorId = (await ok(doctor.request('GET', '/api/auth/me'))).doctor;
    doctorName = (await ok(client.api.request('GET', `/api/doctors/${doctorId}`))).name;

    await client.signIn(...COORDINATOR);
    await page.getByRole('link', { name: 'Mallar' }).click();
    await page.getByRole('button', { name: 'Ändra mall' }).first().click();
    const primaryCare = page.locator('fieldset', { has: page.locator('input[value="pc"]') }).first();
    await primaryCare.getByRole('button', { name: /Förväntade bedömningar/ }).click();
    await primaryCare.getByLabel('Mini-CEX').fill('2');
    await primaryCare.getByLabel('DOPS').fill('1');
    await page.getByRole('button', { name: 'Spara', exact: true }).last().click();
    await page.getByText('Sparat').waitFor();

    await page.getByRole('link', { name: 'Kohorter' }).click();
    await page.getByRole('row', { name: /Kronoberg BT 2026/ }).getByRole('button', { name: 'Ändra' }).click();
    await page.getByLabel('Ingen studietid').uncheck();
    await page.getByLabel('Var N:e vecka (1–8)').fill('2');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText('Sparat').waitFor();

  }, 90_000);

  it("shows the doctor's checklist per placement", async () => {
    await client.signIn(...DOCTOR);
    const checklist = page.locator('.checklist');
    await checklist.waitFor();
    const row = checklist.locator('.checklist-placements').getByRole('row', { name: /Allmänmedicin/ });
    await expect.poll(() => row.innerText()).toContain('0 av 2');
    expect(await row.innerText()).toContain('0 av 1');
    expect(await checklist.innerText()).toContain('Mini-CEX: 0 av 2 gjorda under Allmänmedicin');
  }, 60_000);

  it('lets the supervisor record a Mini-CEX for their doctor, and no other doctor is there for them', async () => {
    await client.signIn(...SUPERVISOR);
    await page.getByRole('heading', { name: 'Mina BT-läkare' }).waitFor();
    // Their one doctor, whose checklist opens at once.
    expect(await page.locator('table.supervisees tbody tr').allInnerTexts()).toEqual([expect.stringContaining(doctorName)]);
    await page.locator('table.supervisees tbody tr').getByRole('button', { name: 'Visa checklista' }).click();
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Registrera bedömning' }) });
    await form.getByLabel('Typ av bedömning').selectOption({ label: 'Mini-CEX' });
    await form.getByLabel('Datum').fill('2026-03-10');
    await form.getByLabel('Bedömare').fill('Karin Ek');
    await form.getByLabel('Placering').selectOption({ label: 'Allmänmedicin' });
    await form.getByRole('button', { name: 'Registrera bedömning' }).click();
    const row = page.locator('.checklist-placements').getByRole('row', { name: /Allmänmedicin/ });
    await expect.poll(() => row.innerText()).toContain('1 av 2');
    expect(await page.locator('.checklist').innerText()).toContain('Karin Ek');
    await client.shot('supervisor-checklist');

    // Another doctor of the same cohort: not theirs, so not there at all.
    expect(await statusInBrowser(`/api/doctors/${doctorId}/checklist`)).toBe(200);
    const other = (await client.api.dataSource.query(`SELECT id FROM doctors WHERE cohort_id = (SELECT cohort_id FROM doctors WHERE id = $1) AND id <> $1 LIMIT 1`, [doctorId]))[0].id;
    expect(await statusInBrowser(`/api/doctors/${other}/checklist`)).toBe(404);
    expect(await statusInBrowser(`/api/doctors/${other}`)).toBe(404);
    expect(await axeProblems(page)).toEqual([]);
  }, 60_000);

  it('counts it in the cohort matrix', async () => {
    await client.signIn(...COORDINATOR);
    await page.getByRole('link', { name: 'Checklista' }).click();
    expect(await matrixCell(doctorName, 'mini-cex')).toBe('1/2');
    expect(await matrixCell(doctorName, 'dops')).toBe('0/1');
    // Their checklist opens below the matrix, with the form to record one.
    await page.getByRole('button', { name: `Checklista för ${doctorName}` }).click();
    await page.locator('.checklist-placements').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await client.shot('checklist-matrix');
  }, 60_000);

  it("puts the planned assessments and the study time in the doctor's feed", async () => {
    const doctor = await client.api.signIn(...DOCTOR);
    // The link the doctor keeps (the demo data made it) or the first one.
    const link = await doctor.request('POST', `/api/doctors/${doctorId}/feed`);
    expect([200, 201]).toContain(link.status);
    const feed = await fetch(String(link.body.url).replace(/^https?:\/\/[^/]+/, client.api.base));
    expect(feed.status).toBe(200);
    const ics = (await feed.text()).replace(/\r\n /g, '');
    expect(ics.match(/SUMMARY:BT: Mini-CEX\\, Allmänmedicin/g)).toHaveLength(2);
    expect(ics.match(/SUMMARY:BT: DOPS\\, Allmänmedicin/g)).toHaveLength(1);
    expect(ics).toContain('SUMMARY:BT: Studietid');
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY;INTERVAL=2/);
  }, 60_000);
});
