// The web client in Debian Chromium against the real server and database: the coordinator runs
// the solver on the Västernorrland demo cohort, breaks and mends the plan, publishes; the doctor
// sees the year and a working feed link; the clinic sees its incoming doctors, a protected one
// masked. Screenshots go to test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacityAt } from '../../shared/domain/capacity';
import { siteLoad } from '../../shared/domain/load';
import { addWeeks, isoWeekOf } from '../../shared/domain/weeks';

const isoWeek = (date: string) => isoWeekOf(date).week;
import type { Problem } from '../../shared/format/problem';
import { openClient, type BrowserClient } from '../support/browser';
import type { TestApi } from '../support/api';
import type { Page } from 'playwright-core';

let client: BrowserClient;
let api: TestApi;
let page: Page;

beforeAll(async () => {
  client = await openClient();
  ({ api, page } = client);
}, 120_000);
afterAll(async () => {
  await client?.close();
});

const signIn = (email: string, password: string) => client.signIn(email, password);

/** From the cohort's current draft: a site placement and another site of its kind at capacity in one of its weeks. */
async function overloadingMove(): Promise<{ doctor: string; block: string; site: string }> {
  const coordinator = await api.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
  const region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
  const cohort = (await coordinator.request('GET', `/api/regions/${region}/cohorts`)).body[0].uuid;
  const problem: Problem = (await coordinator.request('GET', `/api/cohorts/${cohort}/problem`)).body;
  const plans = (await coordinator.request('GET', `/api/cohorts/${cohort}/plans`)).body;
  const draft = (await coordinator.request('GET', `/api/plans/${plans.find((p: { status: string }) => p.status === 'draft').uuid}`)).body;
  const load = siteLoad(draft.assignments, new Map(problem.doctors.map((d) => [d.id, d.absences])));
  for (const a of draft.assignments.filter((x: { site: string | null }) => x.site !== null)) {
    const kind = problem.blocks.find((b) => b.id === a.block)!.kind;
    for (const site of problem.sites.filter((s) => s.kinds.includes(kind) && s.id !== a.site)) {
      for (let w = a.from; w < a.to; w = addWeeks(w, 1)) {
        const n = load.get(site.id)?.get(w) ?? 0;
        if (n > 0 && n >= capacityAt(site, w) && (load.get(a.site)?.get(w) ?? 0) > 0) return { doctor: a.doctor, block: a.block, site: site.id };
      }
    }
  }
  throw new Error('no move overloads a site');
}

/** The coordinator's current draft placement of a doctor's block, read through the API. */
async function draftPlacement(doctor: string, block: string): Promise<{ site: string | null; from: string; to: string }> {
  const coordinator = await api.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
  const region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
  const cohort = (await coordinator.request('GET', `/api/regions/${region}/cohorts`)).body[0].uuid;
  const plans = (await coordinator.request('GET', `/api/cohorts/${cohort}/plans`)).body;
  const draft = (await coordinator.request('GET', `/api/plans/${plans.find((p: { status: string }) => p.status === 'draft').uuid}`)).body;
  const { site, from, to } = draft.assignments.find((a: { doctor: string; block: string }) => a.doctor === doctor && a.block === block);
  return { site, from, to };
}

/** Another coordinator saves the draft unchanged: its version moves on. */
async function saveDraftElsewhere(): Promise<void> {
  const coordinator = await api.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
  const region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
  const cohort = (await coordinator.request('GET', `/api/regions/${region}/cohorts`)).body[0].uuid;
  const plans = (await coordinator.request('GET', `/api/cohorts/${cohort}/plans`)).body;
  const draft = (await coordinator.request('GET', `/api/plans/${plans.find((p: { status: string }) => p.status === 'draft').uuid}`)).body;
  const assignments = draft.assignments.map(({ doctor, block, site, from, to }: Record<string, unknown>) => ({ doctor, block, site, from, to }));
  expect((await coordinator.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments })).status).toBe(200);
}

describe('the web client', () => {
  it('lets a coordinator plan, break, mend and publish the Västernorrland cohort', async () => {
    await signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
    await page.getByRole('region', { name: 'Planeringstavla' }).waitFor();
    await page.locator('[data-doctor]').first().waitFor();
    await page.getByRole('button', { name: 'Kör planeraren' }).click();
    await page.locator('.solver-progress').waitFor({ timeout: 5000 });
    await page.locator('.plan-status', { hasText: 'Utkast' }).waitFor({ timeout: 30_000 });
    await page.locator('.no-violations').waitFor();

    // A placement and a site of its kind that is full in one of its weeks: moving there overloads it.
    const move = await overloadingMove();
    const form = page.getByRole('form', { name: 'Flytta placering' });
    await form.locator('select[name=doctor]').selectOption(move.doctor);
    await form.locator('select[name=block]').selectOption(move.block);
    await form.locator('select[name=site]').selectOption(move.site);
    await form.getByRole('button', { name: 'Flytta' }).click();
    await page.locator('.violation-error[data-code=capacity]').first().waitFor();
    await client.shot('board-with-violation');
    await form.getByRole('button', { name: 'Ångra' }).click();
    await page.locator('.no-violations').waitFor();

    // Drag the bar two weeks later with the mouse, then one more with Alt+→; undo both.
    const placed = await draftPlacement(move.doctor, move.block);
    const bar = page.locator(`[data-placement="${move.doctor}/${move.block}"]`);
    const week = (await page.locator('.board-week').first().boundingBox())!.width;
    const box = (await bar.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 2 * week + 3, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => draftPlacement(move.doctor, move.block)).toMatchObject({ from: addWeeks(placed.from, 2), to: addWeeks(placed.to, 2) });
    await bar.focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => draftPlacement(move.doctor, move.block)).toMatchObject({ from: addWeeks(placed.from, 3), to: addWeeks(placed.to, 3) });
    await form.getByRole('button', { name: 'Ångra' }).click();
    await expect.poll(() => draftPlacement(move.doctor, move.block)).toMatchObject({ from: addWeeks(placed.from, 2) });
    await form.getByRole('button', { name: 'Ångra' }).click();
    await expect.poll(() => draftPlacement(move.doctor, move.block)).toMatchObject({ from: placed.from, to: placed.to, site: placed.site });
    await page.locator('.no-violations').waitFor();

    // Someone else saves the draft meanwhile: the next move is refused (409), said so, and the
    // board shows what the server holds again.
    await saveDraftElsewhere();
    await bar.focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByRole('alert').filter({ hasText: 'Någon annan ändrade samtidigt' }).waitFor();
    await expect.poll(() => bar.evaluate((el) => (el as HTMLElement).title)).toContain(`v. ${isoWeek(placed.from)} `);
    expect(await draftPlacement(move.doctor, move.block)).toMatchObject({ from: placed.from, to: placed.to });

    // Lock the placement: the bar says so in text.
    await form.getByRole('button', { name: 'Lås placeringen' }).click();
    await page.locator(`[data-placement="${move.doctor}/${move.block}"]`, { hasText: '🔒' }).waitFor();

    // Compare three weightings side by side and take one as the draft.
    await page.getByRole('button', { name: 'Jämför varianter' }).click();
    const variants = page.getByRole('table', { name: 'Jämför varianter' });
    await variants.waitFor({ timeout: 60_000 });
    expect(await variants.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await variants.locator('tbody tr').first().getAttribute('data-variant')).toBe('balanced');
    await variants.locator('tbody tr').first().getByRole('button', { name: 'Välj' }).click();
    await variants.waitFor({ state: 'detached' });
    await page.locator('.no-violations').waitFor();

    await page.locator('.toolbar').getByRole('button', { name: 'Publicera' }).click();
    await page.getByRole('dialog', { name: 'Publicera' }).getByRole('button', { name: 'Publicera' }).click();
    await page.getByRole('alert').filter({ hasText: 'Publicerad' }).waitFor();
    await client.shot('board');

    // Setup: raise a site's weekly capacity.
    await page.getByRole('navigation').getByRole('link', { name: 'Arbetsplatser' }).click();
    const row = page.locator('tr[data-site-row]').first();
    await row.getByRole('button', { name: 'Ändra' }).click();
    const capacity = page.locator('.site-form input[name=capacity]');
    const raised = String(Number(await capacity.inputValue()) + 1);
    await capacity.fill(raised);
    await page.locator('.site-form').getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Sparat' }).waitFor();
    await row.locator('td').nth(2).filter({ hasText: raised }).waitFor();

    // Setup: give a doctor leave (it extends the BT).
    await page.getByRole('navigation').getByRole('link', { name: 'Läkare' }).click();
    const doctorRow = page.locator('tr[data-doctor-row]').first();
    await doctorRow.getByRole('button', { name: 'Ändra' }).click();
    const doctorForm = page.locator('.doctor-form');
    await doctorForm.getByRole('button', { name: 'Lägg till frånvaro' }).click();
    await doctorForm.locator('input[type=date]').nth(-2).fill('2026-10-05');
    await doctorForm.locator('input[type=date]').nth(-1).fill('2026-10-16');
    await doctorForm.locator('.leave-weeks', { hasText: 'v. 41–42 2026 räknas som frånvaro' }).waitFor();
    await doctorForm.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Sparat' }).waitFor();
    // Listed as the days given, both inclusive.
    await doctorRow.locator('td').nth(3).filter({ hasText: '5–16 okt 2026' }).waitFor();

    // Setup: the week-based template shows each block in weeks and in months.
    await page.getByRole('navigation').getByRole('link', { name: 'Mallar' }).click();
    const template = page.locator('.template').first();
    await template.waitFor();
    expect(await template.locator('h3').innerText()).toContain('i veckor');
    const rows = template.locator('tr[data-block]');
    expect(await rows.count()).toBeGreaterThan(3);
    const weeks = Number(await rows.nth(2).locator('input').inputValue());
    const months = Number(await rows.nth(2).locator('td').nth(2).innerText());
    expect(months).toBeCloseTo((weeks * 12) / 52, 0);
  }, 120_000);

  it("shows the doctor their published year and a feed link that works", async () => {
    await signIn('lakare.vasternorrland@bt-demo.se', 'demo-lakare-2026');
    await page.getByRole('region', { name: 'Mitt år' }).waitFor();
    await page.locator('.year-calendar').waitFor();
    expect(await page.locator('.placement-list li').count()).toBeGreaterThan(4);
    const url = await page.getByRole('textbox', { name: 'Min kalenderprenumeration' }).inputValue();
    const feed = await fetch(url.replace(/^https?:\/\/[^/]+/, api.base));
    expect(feed.status).toBe(200);
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);
    await client.shot('doctor-year');

    // A wish: a start that is not a Monday is named and nothing is sent; then a site is wished for.
    const wish = page.getByRole('form', { name: 'Önska placering' });
    await wish.locator('select[name=block]').selectOption('psy');
    const site = await wish.locator('select[name=site] option').nth(1);
    const [siteId, siteName] = [await site.getAttribute('value'), await site.innerText()];
    await wish.locator('input[name=from]').fill('2026-09-08');
    await wish.getByRole('button', { name: 'Skicka ansökan' }).click();
    await wish.locator('.field-error', { hasText: '2026-09-08 är ingen måndag (v. 37 2026 börjar 2026-09-07)' }).waitFor();
    await wish.locator('input[name=from]').fill('');
    await wish.locator('select[name=site]').selectOption(siteId!);
    await wish.getByRole('button', { name: 'Skicka ansökan' }).click();
    await page.locator('.requests li[data-status=pending]', { hasText: siteName }).waitFor();
    expect(await page.locator('.requests li').count()).toBe(1);

    // The coordinator approves it: it joins the doctor's wishes.
    await signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
    // The board counts the pending requests; the count opens them.
    await page.getByRole('button', { name: 'Ansökningar: 1 väntar' }).click();
    const pending = page.locator('.pending-requests li', { hasText: siteName });
    await pending.getByRole('button', { name: 'Bevilja' }).click();
    await pending.waitFor({ state: 'detached' });
    const coordinator = await api.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
    const region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
    const cohort = (await coordinator.request('GET', `/api/regions/${region}/cohorts`)).body[0].uuid;
    const problem: Problem = (await coordinator.request('GET', `/api/cohorts/${cohort}/problem`)).body;
    expect(problem.doctors.flatMap((d) => d.wishes)).toContainEqual({ block: 'psy', site: siteId, weight: 1 });

    // The doctor reads it as a wish the planner weighs, until a published plan meets it.
    const doctor = await api.signIn('lakare.vasternorrland@bt-demo.se', 'demo-lakare-2026');
    const me = (await doctor.request('GET', '/api/auth/me')).body.doctor;
    const psy = (await doctor.request('GET', `/api/doctors/${me}/schedule`)).body.assignments.find((a: { block: string }) => a.block === 'psy');
    await signIn('lakare.vasternorrland@bt-demo.se', 'demo-lakare-2026');
    const approved = page.locator('.requests li[data-status=approved]', { hasText: siteName });
    await approved.waitFor();
    expect(await approved.innerText()).toMatch(psy?.site === siteId ? /: uppfyllt i den publicerade planen$/ : /: registrerat som önskemål$/);
  }, 90_000);

  it('shows the clinic its incoming doctors, a protected identity masked', async () => {
    const clinic = await api.signIn('klinik.vasternorrland@bt-demo.se', 'demo-klinik-2026');
    const site = (await clinic.request('GET', '/api/auth/me')).body.sites[0];
    const names: string[] = (await clinic.request('GET', `/api/sites/${site}/incoming?from=2026-01-01`)).body.map((i: { name: string }) => i.name);
    const coordinator = await api.signIn('koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026');
    const region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
    const cohort = (await coordinator.request('GET', `/api/regions/${region}/cohorts`)).body[0].uuid;
    const doctors = (await coordinator.request('GET', `/api/cohorts/${cohort}/doctors`)).body;
    const target = doctors.find((d: { name: string }) => names.includes(d.name));
    const { uuid: _uuid, ...body } = target;
    // Absences go back as their days: the weeks are the server's to derive.
    const absences = body.absences.map(({ from: _from, to: _to, ...days }: { from: string; to: string }) => days);
    expect((await coordinator.request('PATCH', `/api/doctors/${target.uuid}`, { ...body, absences, protectedIdentity: true })).status).toBe(200);

    await signIn('klinik.vasternorrland@bt-demo.se', 'demo-klinik-2026');
    await page.locator('table.incoming').first().waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(target.name);
    await client.shot('clinic');
  });
});
