// Calendar links people keep, in Chromium: the doctor and the clinic see their link on every
// visit without a click — the same one, which answers over HTTP; "Skapa ny länk" asks first
// (declined: nothing changes), then shows another link and the old one answers 404. The
// coordinator finds the cohort's link on the board. axe finds nothing serious on the pages.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FEEDS, demoFeedPath } from '../../server/db/demo-data';
import { axeProblems, openClient, type BrowserClient } from '../support/browser';

let client: BrowserClient;
let page: Page;

beforeAll(async () => {
  client = await openClient();
  page = client.page;
}, 120_000);
afterAll(async () => {
  await client?.close();
});

const RENEW = 'Skapa ny länk — den gamla slutar fungera';

/** The feed's HTTP status, fetched as a calendar app would (no session). */
const status = async (url: string) => (await fetch(url.replace(/^https?:\/\/[^/]+/, client.api.base))).status;

/** The link shown in the textbox named `name`, once it is there. */
async function shownLink(on: Page, name: string | RegExp): Promise<string> {
  const box = on.getByRole('textbox', { name });
  await box.waitFor();
  return box.inputValue();
}

/** Renewing: declined changes nothing; accepted shows a new link and ends the old one. */
async function renews(name: string | RegExp, before: string): Promise<string> {
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: RENEW }).first().click();
  expect(await shownLink(page, name)).toBe(before);
  const asked: string[] = [];
  page.once('dialog', (dialog) => (asked.push(dialog.message()), void dialog.accept()));
  await page.getByRole('button', { name: RENEW }).first().click();
  await page.getByRole('status').filter({ hasText: 'En ny länk är skapad' }).waitFor();
  expect(asked[0]).toContain('Den gamla slutar fungera direkt');
  const after = await shownLink(page, name);
  expect(after).not.toBe(before);
  expect(await status(before)).toBe(404);
  expect(await status(after)).toBe(200);
  return after;
}

describe('calendar links that stay', () => {
  it('the doctor sees the same link on every visit (README’s demo link), and a new one after confirming', async () => {
    await client.signIn('lakare.kronoberg@bt-demo.se', 'demo-lakare-2026');
    const first = await shownLink(page, 'Min kalenderprenumeration');
    expect(first).toBe(`${client.api.base}${demoFeedPath(DEMO_FEEDS[0].id)}`);
    expect(await status(first)).toBe(200);
    await page.getByRole('link', { name: 'Prenumerera (webcal)' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Prenumerera (webcal)' }).first().getAttribute('href')).toBe(first.replace(/^http:/, 'webcal:'));
    expect(await page.getByRole('img', { name: /QR-kod/ }).getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await page.getByRole('link', { name: 'Ladda ner .ics' }).getAttribute('href')).toMatch(/^\/api\/doctors\/[0-9a-f-]{36}\/calendar\.ics$/);
    expect(await axeProblems(page)).toEqual([]);
    // On a phone the link, its buttons and the QR code stay within the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.locator('.feed-link').evaluate((el) => Math.max(...[el, ...el.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)))).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.reload();
    expect(await shownLink(page, 'Min kalenderprenumeration')).toBe(first);
    const other = await client.browser.newPage();
    try {
      await other.goto(client.api.base);
      expect(await shownLink(other, 'Min kalenderprenumeration')).toBe(first);
    } finally {
      await other.close();
    }

    const renewed = await renews('Min kalenderprenumeration', first);
    await page.reload();
    expect(await shownLink(page, 'Min kalenderprenumeration')).toBe(renewed);
    await client.shot('feed-link-doctor');
  }, 60_000);

  it('the clinic sees its site’s link on every visit, and a new one after confirming', async () => {
    await client.signIn('klinik.kronoberg@bt-demo.se', 'demo-klinik-2026');
    const name = /^Arbetsplatsens kalenderprenumeration: /;
    const first = await shownLink(page, name);
    expect(first).toBe(`${client.api.base}${demoFeedPath(DEMO_FEEDS[1].id)}`);
    expect(await status(first)).toBe(200);
    expect(await axeProblems(page)).toEqual([]);
    await page.reload();
    expect(await shownLink(page, name)).toBe(first);

    const renewed = await renews(name, first);
    await page.reload();
    expect(await shownLink(page, name)).toBe(renewed);
  }, 60_000);

  it("the coordinator finds the cohort's link on the board, made on first look and the same on the next", async () => {
    await client.signIn('koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026');
    await page.locator('[data-doctor]').first().waitFor();
    await page.getByText('Kohortens kalenderprenumeration').click();
    const first = await shownLink(page, 'Kohortens kalenderprenumeration');
    expect(await status(first)).toBe(200);
    expect(await axeProblems(page)).toEqual([]);
    await page.reload();
    await page.locator('[data-doctor]').first().waitFor();
    await page.getByText('Kohortens kalenderprenumeration').click();
    expect(await shownLink(page, 'Kohortens kalenderprenumeration')).toBe(first);
  }, 60_000);
});
