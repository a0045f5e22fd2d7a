// One region, two cohorts, in Chromium against the real server (demo data): a second
// Västernorrland cohort is planned by the solver and published next to the demo cohort; the demo
// cohort's board shows both cohorts at a site ("1+1/2"); a lowered capacity shows in Beläggning
// as site-weeks over capacity, whose cohort's board opens from there, and publishing a draft of
// that board is refused in words naming the site-weeks. Screenshots: region-board-strip.png,
// occupancy.png, occupancy-phone.png, region-capacity-refused.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteWeek } from '../../shared/domain/capacity';
import { siteLoad } from '../../shared/domain/load';
import { addWeeks, formatWeekRange, weekIndex } from '../../shared/domain/weeks';
import type { Assignment } from '../../shared/format/plan';
import type { Problem } from '../../shared/format/problem';
import { ok, type Client } from '../support/api';
import { openClient, type BrowserClient } from '../support/browser';

const COORDINATOR = { email: 'koordinator.vasternorrland@bt-demo.se', password: 'demo-koordinator-2026' };
const DEMO = 'Västernorrland VT 2026';
const SECOND = 'Västernorrland HT 2026';
/**
 * The demo cohort fills every site whenever it uses it, so the second cohort needs room: every
 * site takes one more doctor, and the new intake starts 30 weeks later (its vacation window moves
 * to 2027). The solver plans all eight doctors so (optimal in about a second).
 */
const SHIFT_WEEKS = 30;

let client: BrowserClient;
let page: Page;
let coordinator: Client;
let region: string;
let demo: string;
let second: string;

const sites = async (): Promise<any[]> => ok(coordinator.request('GET', `/api/regions/${region}/sites`));

async function publishedAssignments(cohort: string): Promise<Assignment[]> {
  const plans: { uuid: string; status: string }[] = await ok(coordinator.request('GET', `/api/cohorts/${cohort}/plans`));
  return (await ok(coordinator.request('GET', `/api/plans/${plans.find((p) => p.status === 'published')!.uuid}`))).assignments;
}

beforeAll(async () => {
  client = await openClient();
  page = client.page;
  coordinator = await client.api.signIn(COORDINATOR.email, COORDINATOR.password);
  region = (await ok(coordinator.request('GET', '/api/auth/me'))).regions[0];
  demo = (await ok(coordinator.request('GET', `/api/regions/${region}/cohorts`))).find((c: { name: string }) => c.name === DEMO).uuid;
  for (const { uuid, ...site } of await sites()) await ok(coordinator.request('PATCH', `/api/sites/${uuid}`, { ...site, capacity: site.capacity + 1 }));
  second = (await ok(coordinator.request('POST', `/api/cohorts/${demo}/intake`, { name: SECOND, start: addWeeks('2026-02-16', SHIFT_WEEKS), copyDoctors: true }), 201)).uuid;
  let run = await ok(coordinator.request('POST', `/api/cohorts/${second}/solver-runs`, { timeLimit: 20 }), 202);
  for (let i = 0; i < 600 && (run.status === 'queued' || run.status === 'running'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    run = await ok(coordinator.request('GET', `/api/solver-runs/${run.uuid}`));
  }
  expect([run.status, run.plans[0].status]).toEqual(['succeeded', 'optimal']);
  const draft = await ok(coordinator.request('GET', `/api/plans/${run.plan}`));
  await ok(coordinator.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version }));
  await client.signIn(COORDINATOR.email, COORDINATOR.password);
}, 180_000);
afterAll(async () => {
  await client?.close();
});

/** The first site-week of the demo cohort's published plan where the second cohort is at the site too, that week and the next. */
let shared: { site: string; siteName: string; week: string; own: number; taken: number; capacity: number };

describe('capacity shared by the region’s cohorts', () => {
  it("shows the other cohort's doctors in the demo cohort's capacity strip", async () => {
    const problem: Problem = await ok(coordinator.request('GET', `/api/cohorts/${demo}/problem`));
    const assignments = await publishedAssignments(demo);
    const load = siteLoad(assignments, new Map(problem.doctors.map((d) => [d.id, d.absences])));
    const found = problem.sites
      .flatMap((site) => [...(load.get(site.id) ?? [])].map(([week, own]) => ({ site, week, own, ...siteWeek(site, week) })))
      // Both cohorts there this week and the next (the overload of the next test spans both).
      .filter((x) => x.own > 0 && x.taken > 0 && (load.get(x.site.id)?.get(addWeeks(x.week, 1)) ?? 0) > 0 && siteWeek(x.site, addWeeks(x.week, 1)).taken > 0)
      .sort((a, b) => a.week.localeCompare(b.week) || a.site.id.localeCompare(b.site.id))[0];
    expect(found).toBeDefined();
    shared = { site: found!.site.id, siteName: found!.site.name, week: found!.week, own: found!.own, taken: found!.taken, capacity: found!.capacity };

    await page.getByRole('region', { name: 'Planeringstavla' }).waitFor();
    await page.locator('select[name=cohort]').selectOption({ label: DEMO });
    await page.locator('[data-doctor="vn-d01"]').waitFor();
    const first = assignments.map((a) => a.from).sort()[0]!;
    const column = weekIndex(shared.week) - weekIndex(first);
    // The strip's cell covering that week: its run starts at or before the column and reaches past it.
    const cells = page.locator(`.site-row[data-site="${shared.site}"] .cell`);
    await cells.first().waitFor();
    const covering = await cells.evaluateAll(
      (list, col) =>
        list
          .map((c) => ({ from: Number((c as HTMLElement).style.getPropertyValue('--from')), span: Number((c as HTMLElement).style.getPropertyValue('--span')), figures: c.getAttribute('data-figures'), title: c.getAttribute('title') }))
          .find((c) => c.from <= col && col < c.from + c.span),
      column,
    );
    const figures = `${shared.own}+${shared.taken}/${shared.capacity}`;
    expect(figures).toBe('1+1/2');
    expect(covering?.figures).toBe(figures);
    expect(covering?.title).toContain(`: ${shared.own} i denna kohort + ${shared.taken} i andra kohorter (${SECOND}), kapacitet ${shared.capacity}, ledigt 0`);
    // What a screen reader is told: the cell is an image named by those words.
    expect(await page.getByRole('img', { name: covering!.title!, exact: true }).getAttribute('data-figures')).toBe(figures);
    await page.locator(`.site-row[data-site="${shared.site}"]`).scrollIntoViewIfNeeded();
    await client.shot('region-board-strip');
  }, 60_000);

  it('marks the site-weeks a lowered capacity puts over it in Beläggning, and opens the board of a cohort there', async () => {
    // Back to one place in two of the weeks both cohorts are there.
    const site = (await sites()).find((s) => s.id === shared.site);
    const { uuid, ...body } = site;
    const lowered = { from: shared.week, to: addWeeks(shared.week, 2), capacity: 1 };
    await ok(coordinator.request('PATCH', `/api/sites/${uuid}`, { ...body, overrides: [...body.overrides, lowered] }));
    const occupancy = await ok(coordinator.request('GET', `/api/regions/${region}/occupancy`));
    const inService = (cohort: string, week: string) =>
      occupancy.load
        .filter((e: any) => e.site === shared.site && e.cohort === cohort && e.plan === 'published')
        .flatMap((e: any) => e.runs)
        .filter((r: any) => r.from <= week && week < r.to)
        .reduce((n: number, r: any) => n + r.doctors, 0);
    // Both cohorts have one doctor there in both weeks: two site-weeks over a capacity of one.
    expect([0, 1].map((k) => [inService(second, addWeeks(shared.week, k)), inService(demo, addWeeks(shared.week, k))])).toEqual([
      [1, 1],
      [1, 1],
    ]);

    await page.getByRole('navigation').getByRole('link', { name: 'Beläggning', exact: true }).click();
    const grid = page.getByRole('region', { name: 'Beläggning per arbetsplats och vecka' });
    await grid.locator('.occ-row').first().waitFor();
    expect(await page.locator('.occ-summary').innerText()).toBe('! Över kapacitet: 2 arbetsplatsveckor på 1 arbetsplats Nästa överbeläggning');
    // The legend: both cohorts, in name order (HT before VT).
    expect(await page.locator('.occ-legend li').allInnerTexts()).toEqual([SECOND, DEMO, 'ledigt', '! över kapacitet'].map((t) => expect.stringContaining(t)));
    const over = grid.locator(`.occ-row[data-site="${shared.site}"] .occ-over`);
    expect(await over.count()).toBe(1);
    expect(await over.getAttribute('data-figures')).toBe('!1+1/1');
    expect(await over.innerText()).toBe('!1+1/1');
    expect(await over.getAttribute('aria-label')).toBe(
      `!1+1/1 – ${shared.siteName}, ${formatWeekRange(lowered)}: 2 BT-läkare i tjänst (1 ${SECOND}, 1 ${DEMO}), kapacitet 1, över kapacitet med 1`,
    );
    // Nothing else in the region is over: the other site-weeks of both cohorts fit.
    expect(await grid.locator('.occ-over').count()).toBe(1);

    // The button jumps to the overload: the details name both cohorts.
    await page.getByRole('button', { name: 'Nästa överbeläggning' }).click();
    const details = page.getByRole('region', { name: 'Vald arbetsplats och vecka' });
    await details.waitFor();
    expect(await details.locator('h3').innerText()).toBe(`${shared.siteName} · ${formatWeekRange(lowered)}`);
    expect(await details.locator('li[data-cohort]').allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`^\\s*${SECOND}: 1 BT-läkare i tjänst · publicerad plan 1\\s+Öppna i Planeringstavlan$`)),
      expect.stringMatching(new RegExp(`^\\s*${DEMO}: 1 BT-läkare i tjänst · publicerad plan 1\\s+Öppna i Planeringstavlan$`)),
    ]);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('occ-over'))).toBe(true);
    await client.shot('occupancy');

    // From the cell to the demo cohort's board: region and cohort chosen, its strip over there too.
    await details.getByRole('link', { name: `Öppna i Planeringstavlan: ${DEMO}` }).click();
    await page.getByRole('region', { name: 'Planeringstavla' }).waitFor();
    await page.locator('[data-doctor="vn-d01"]').waitFor();
    await expect.poll(() => page.locator('select[name=cohort]').inputValue()).toBe(demo);
    expect(await page.getByLabel('Region').inputValue()).toBe(region);
    expect(await page.locator(`.site-row[data-site="${shared.site}"] .cell-over`).getAttribute('data-figures')).toBe('!1+1/1');
  }, 60_000);

  it('refuses to publish a draft that overloads a site with the other cohort, naming the site-weeks in words', async () => {
    await page.getByRole('button', { name: 'Nytt utkast från den publicerade planen' }).click();
    await page.locator('.plan-status', { hasText: 'Utkast' }).waitFor();
    await page.locator('.toolbar').getByRole('button', { name: 'Publicera' }).click();
    await page.getByRole('dialog', { name: 'Publicera' }).getByRole('button', { name: 'Publicera' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'kan inte publiceras' });
    await alert.waitFor();
    expect((await alert.innerText()).split('\n')).toEqual([
      'Planen kan inte publiceras: tillsammans med regionens andra publicerade planer blir de här arbetsplatserna överbelagda. Flytta placeringar eller kör planeraren igen.',
      `${shared.siteName}, ${formatWeekRange({ from: shared.week, to: addWeeks(shared.week, 2) })}: 1 i denna kohort + 1 i andra kohorter, kapacitet 1`,
    ]);
    await client.shot('region-capacity-refused');
    const plans: { status: string }[] = await ok(coordinator.request('GET', `/api/cohorts/${demo}/plans`));
    expect(plans.map((p) => p.status).sort()).toEqual(['draft', 'published']);
  }, 60_000);

  it('fits a phone: the grid scrolls sideways in its own box, the page does not', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('navigation').getByRole('link', { name: 'Beläggning', exact: true }).click();
    const grid = page.getByRole('region', { name: 'Beläggning per arbetsplats och vecka' });
    await grid.locator('.occ-row').first().waitFor();
    // With a cell's details open too.
    await page.getByRole('button', { name: 'Nästa överbeläggning' }).click();
    await page.getByRole('region', { name: 'Vald arbetsplats och vecka' }).waitFor();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(widths).toEqual({ page: 390, screen: 390 });
    const box = await grid.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
    await client.shot('occupancy-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);
});
