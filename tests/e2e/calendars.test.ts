// The calendars people keep, in Chromium against the real server (demo data) with the server's
// clock on Wednesday of v. 38 2026: the Västernorrland doctor's BT (Feb 2026 – Feb 2027) opens
// at September 2026, steps forward to the next year's placement and back inside the BT; on a
// phone it is a list by month, September first; the clinic's timeline marks today and its month
// view is Swedish with a title and previous/next. Screenshots: doctor-bt-year.png,
// doctor-bt-phone.png, clinic-timeline.png, clinic-month.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Schedule } from '../../shared/api/doctors';
import { builtInBlockKind } from '../../shared/domain/block-kinds';
import { lastDayOf } from '../../shared/domain/bt-span';
import { formatMonth } from '../../shared/domain/dates';
import { PROTECTED_NAME_SV } from '../../shared/domain/labels';
import { ok } from '../support/api';
import { axeProblems, openClient, type BrowserClient } from '../support/browser';

const TODAY = '2026-09-16';
const DOCTOR = ['lakare.vasternorrland@bt-demo.se', 'demo-lakare-2026'] as const;
const CLINIC = ['klinik.vasternorrland@bt-demo.se', 'demo-klinik-2026'] as const;

let client: BrowserClient;
let page: Page;

beforeAll(async () => {
  client = await openClient({ clock: () => new Date(`${TODAY}T10:00:00Z`) });
  page = client.page;
}, 120_000);
afterAll(async () => {
  await client?.close();
});

/** The months FullCalendar draws now, 'YYYY-MM'. */
const drawnMonths = () => page.locator('.year-calendar [role=table][data-date]').evaluateAll((months) => months.map((m) => m.getAttribute('data-date')));

describe('calendars people keep', () => {
  it("shows the doctor's whole BT into the next year, opening at today's month, with previous and next", async () => {
    const doctor = await client.api.signIn(...DOCTOR);
    const me = (await ok(doctor.request('GET', '/api/auth/me'))).doctor;
    const schedule: Schedule = await ok(doctor.request('GET', `/api/doctors/${me}/schedule`));
    const bt = schedule.bt!;
    const last = lastDayOf({ to: bt.end });
    expect(last > '2027-01-01').toBe(true);
    // A placement that runs in January 2027: the old view (the calendar year 2026) never showed it.
    const next = schedule.assignments.find((a) => a.from <= '2027-01-25' && a.to > '2027-01-04' && a.siteName)!;
    const title = `${builtInBlockKind(next.kind)!.name_sv} – ${next.siteName}`;

    await client.signIn(...DOCTOR);
    await page.locator('.year-calendar').waitFor();
    expect(await page.getByRole('heading', { level: 3, name: /^BT / }).innerText()).toBe(`BT ${formatMonth(bt.start)} – ${formatMonth(last)}`);
    const opening = await drawnMonths();
    expect(opening[0]).toBe('2026-09');
    expect(await page.locator('.year-calendar').innerText()).not.toContain('januari 2027');
    // Forward into 2027: the last window ends with the BT's last month.
    const nextMonths = page.getByRole('button', { name: 'Nästa månader' });
    while (await nextMonths.isEnabled()) await nextMonths.click();
    expect((await drawnMonths()).at(-1)).toBe(last.slice(0, 7));
    expect(await drawnMonths()).toContain('2027-01');
    await page.locator('.year-calendar', { hasText: title }).waitFor();
    expect(await page.locator('.year-calendar').innerText()).toContain('januari 2027');
    await client.shot('doctor-bt-year');

    // Back to the BT's first months, never before the start.
    const previous = page.getByRole('button', { name: 'Föregående månader' });
    while (await previous.isEnabled()) await previous.click();
    expect((await drawnMonths())[0]).toBe(bt.start.slice(0, 7));
    await page.getByRole('button', { name: 'I dag', exact: true }).click();
    expect(await drawnMonths()).toEqual(opening);

    // The list: the BT's end as its last day.
    expect(await page.locator('.bt-end').innerText()).toMatch(new RegExp(`^BT slutar ${last}`));
    expect(await page.locator('.placement-list li').count()).toBe(schedule.assignments.length + schedule.absences.length);
    expect(await axeProblems(page)).toEqual([]);
  }, 90_000);

  it("shows the year on a phone as months, today's month first", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await page.locator('.month-list').waitFor();
      expect(await page.locator('.year-calendar').count()).toBe(0);
      const first = page.locator('.month-list > section').first();
      expect(await first.getAttribute('data-month')).toBe('2026-09');
      expect(await first.locator('h4').innerText()).toBe('september 2026');
      // On screen as the page opens below the title, not twelve screens down.
      const box = (await first.boundingBox())!;
      expect(box.y).toBeLessThan(844);
      expect(await page.locator('.month-list summary').innerText()).toBe('Tidigare månader (7)');
      expect(await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }))).toEqual({ page: 390, screen: 390 });
      expect(await axeProblems(page)).toEqual([]);
      await client.shot('doctor-bt-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }, 60_000);

  it("shows the clinic a timeline with today marked and a Swedish month view with title, previous and next", async () => {
    const clinic = await client.api.signIn(...CLINIC);
    const site = (await ok(clinic.request('GET', '/api/auth/me'))).sites[0];
    const incoming: { name: string; cohort: string }[] = await ok(clinic.request('GET', `/api/sites/${site}/incoming`));
    expect(incoming.length).toBeGreaterThan(0);
    const doctors = new Set(incoming.map((i, n) => (i.name === PROTECTED_NAME_SV ? `${n}` : `${i.cohort}/${i.name}`)));

    await client.signIn(...CLINIC);
    const timeline = page.getByRole('region', { name: /^Tidslinje: / }).first();
    await timeline.waitFor();
    expect(await timeline.locator('tbody tr').count()).toBe(doctors.size);
    await timeline.getByRole('img', { name: 'I dag: v. 38 2026' }).waitFor();
    expect(await timeline.locator('th.ct-today').innerText()).toBe('38');
    // Reachable by keyboard: the box that scrolls sideways takes the focus (then the arrow keys scroll it).
    await timeline.focus();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('clinic-timeline'))).toBe(true);
    expect(await axeProblems(page)).toEqual([]);
    await client.shot('clinic-timeline');

    await page.getByRole('button', { name: 'Månad', exact: true }).first().click();
    const calendar = page.locator('.year-calendar').first();
    const title = calendar.getByRole('heading', { level: 2 });
    expect(await title.innerText()).toBe('september 2026');
    await calendar.getByRole('button', { name: 'Nästa månad' }).click();
    expect(await title.innerText()).toBe('oktober 2026');
    await calendar.getByRole('button', { name: 'Föregående månad' }).click();
    await calendar.getByRole('button', { name: 'Föregående månad' }).click();
    expect(await title.innerText()).toBe('augusti 2026');
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('All-day');
    expect(text).not.toContain('Heldag');
    await calendar.getByRole('button', { name: 'I dag' }).click();
    expect(await title.innerText()).toBe('september 2026');
    expect(await axeProblems(page)).toEqual([]);
    await client.shot('clinic-month');
  }, 60_000);
});
