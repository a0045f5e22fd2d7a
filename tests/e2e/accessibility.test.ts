// Accessibility and small screens in Chromium: axe-core (WCAG 2 A/AA rules) finds no serious or
// critical problem on any page of any role (the region's load view and the board's panels too), every page is usable by keyboard (the board's bars
// and the forms' controls take focus), and the doctor's and the clinic's pages fit a phone
// (390 px) without sideways scrolling. Screenshots: doctor-phone.png, clinic-phone.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems as findings, openClient, type BrowserClient } from '../support/browser';

let client: BrowserClient;
let page: Page;

beforeAll(async () => {
  client = await openClient();
  page = client.page;
}, 120_000);
afterAll(async () => {
  await client?.close();
});

/** axe's serious and critical findings on the page as it is now. */
const axeProblems = () => findings(page);
/** Tab presses allowed from the first link to the board's first bar (the header and toolbar come between). */
const TAB_LIMIT = 60;
const tab = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

describe('accessibility', () => {
  it('the sign-in page has no serious axe findings', async () => {
    await page.goto(client.api.base);
    await page.getByLabel('E-post').waitFor();
    expect(await axeProblems()).toEqual([]);
  });

  it("the coordinator's board and setup pages have no serious axe findings and work by keyboard", async () => {
    await client.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
    await page.locator('[data-doctor]').first().waitFor();
    expect(await axeProblems()).toEqual([]);
    // Tab alone, from the page's first link, reaches the board's first bar: it can be chosen
    // without a mouse. Bounded, so a bar Tab skips fails here instead of looping.
    const bar = page.locator('[data-placement]').first();
    await page.getByRole('navigation').getByRole('link').first().focus();
    let presses = 0;
    while (presses < TAB_LIMIT && !(await bar.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-placement'))).toBe(await bar.getAttribute('data-placement'));
    expect(await bar.evaluate((el) => el === document.activeElement)).toBe(true);
    // Each setup page with its first edit form open, so the forms are checked too.
    for (const [name, ready, form] of [
      ['Kohorter', '[data-cohort-row]', '.cohort-form'],
      ['Läkare', '[data-doctor-row]', '.doctor-form'],
      ['Arbetsplatser', '[data-site-row]', '.site-form'],
      ['Mallar', '.template', null],
      ['Checklista', '.checklist-matrix', null],
    ] as const) {
      await tab(name);
      await page.locator(ready).first().waitFor();
      if (form) {
        await page.locator(ready).first().getByRole('button', { name: 'Ändra' }).click();
        await page.locator(form).waitFor();
      }
      expect({ page: name, problems: await axeProblems() }).toEqual({ page: name, problems: [] });
    }
  });

  it("the board's panels (versions with a comparison, the publish dialog, requests, the audit log) have no serious axe findings and fit a phone", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await client.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
    await page.locator('[data-doctor]').first().waitFor();
    await page.getByRole('button', { name: 'Nytt utkast från den publicerade planen' }).click();
    await page.locator('.plan-status', { hasText: 'Utkast' }).waitFor();
    for (const summary of ['Versioner', 'Ansökningar', 'Ändringslogg']) await page.locator('summary', { hasText: summary }).click();
    const versions = page.getByRole('table', { name: 'Versioner' });
    await versions.getByRole('checkbox').nth(0).check();
    await versions.getByRole('checkbox').nth(1).check();
    await page.getByRole('region', { name: 'Skillnad mellan versionerna' }).waitFor();
    await page.getByRole('table', { name: 'Ändringslogg' }).locator('tbody tr').first().waitFor();
    await page.locator('.toolbar').getByRole('button', { name: 'Publicera' }).click();
    await page.getByRole('dialog', { name: 'Publicera' }).waitFor();
    expect(await axeProblems()).toEqual([]);
    // On a phone the grid and the tables scroll in their own boxes; the page does not.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }))).toEqual({ page: 390, screen: 390 });
    await client.shot('board-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  it("the region's load (Beläggning) has no serious axe findings, works by keyboard and fits a phone", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await client.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
    await page.locator('[data-doctor]').first().waitFor();
    await tab('Beläggning');
    await page.locator('.occ-row').first().waitFor();
    expect(await axeProblems()).toEqual([]);
    // Tab reaches the grid's one active cell; the arrow keys move it and the details follow.
    await page.getByRole('region', { name: 'Beläggning per arbetsplats och vecka' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('0:0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const cell = await page.evaluate(() => document.activeElement?.getAttribute('data-cell'));
    expect(cell).toMatch(/^1:[1-9]\d*$/);
    const details = page.getByRole('region', { name: 'Vald arbetsplats och vecka' });
    await details.waitFor();
    expect(await details.locator('h3').innerText()).toContain(await page.locator('.occ-row[data-row="1"]').getAttribute('aria-label'));
    // With the details open and the drafts view chosen: still nothing serious.
    await page.getByLabel('Med utkast').check();
    expect(await axeProblems()).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }))).toEqual({ page: 390, screen: 390 });
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  // axe over a year of FullCalendar takes a while on a busy machine: a generous limit, not a speed target.
  it.each([
    ['doctor', 'lakare.vasternorrland@bt-demo.se', 'demo-lakare-2026', '.placement-list li', '.year-calendar'],
    ['clinic', 'klinik.vasternorrland@bt-demo.se', 'demo-klinik-2026', 'table.incoming', '.clinic-timeline'],
  ] as const)('the %s page has no serious axe findings and fits a phone', async (who, email, password, ready, calendar) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await client.signIn(email, password);
    await page.locator(ready).first().waitFor();
    await page.locator(calendar).first().waitFor();
    expect(await axeProblems()).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(widths).toEqual({ page: 390, screen: 390 });
    await client.shot(`${who}-phone`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 90_000);
});
