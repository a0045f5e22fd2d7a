// npm run bench:client: how long Chromium takes to show the planning board of a 200-doctor
// cohort (sign-in done, from opening the page to every doctor's row drawn), median of 5; and the
// region's load view (Beläggning) of a region of 1,500 doctors in three cohorts at 812 sites,
// from opening the page to the grid drawn, and from a scroll to the bottom to the last row drawn.
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { buildApp } from './app';
import { createUserIn } from './auth/service';
import { openDatabase } from './db/database';
import { RegionEntity } from './entities/region';
import { importProblem } from './services/cohorts';
import { PlanService } from './services/plans';
import { generateInstance } from './solver/bench/generate';

const DOCTORS = 200;
/** The region view's region: 1,500 doctors, clusters of 13 sharing 7 sites (812 sites), three cohorts. */
const REGION_DOCTORS = 1500;
const REGION_CLUSTER = 13;
const REGION_COHORTS = 3;
const REGION_USER = { email: 'bench-region@bt-demo.se', password: 'bench-password-1' };
/**
 * Milliseconds from the navigation's start to the first frame drawn after every doctor's row is
 * in the page, read by the page's own clock: a cheap check each frame, not Playwright's locator
 * polling, whose visibility checks would themselves slow the page being measured.
 */
async function boardDrawn(page: Page): Promise<number> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-doctor]').length >= n, DOCTORS, { polling: 'raf', timeout: 60_000 });
  return page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now())))));
}
/** Milliseconds from Alt+→ on the last doctor's first bar to that bar drawn a week later (median of 3). */
async function editRoundTrip(page: Page): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const bar = page.locator('[data-doctor]').nth(DOCTORS - 1).locator('[data-placement]').first();
    await bar.focus();
    const before = await bar.evaluate((el) => (el as HTMLElement).style.getPropertyValue('--from'));
    const started = await page.evaluate(() => performance.now());
    await page.keyboard.press('Alt+ArrowRight');
    await page.waitForFunction((old) => (document.activeElement as HTMLElement | null)?.style.getPropertyValue('--from') !== old, before, { polling: 'raf' });
    times.push((await page.evaluate(() => performance.now())) - started);
  }
  // Let the background saves finish before the page or the database goes away.
  await page.waitForLoadState('networkidle');
  return times.sort((a, b) => a - b)[1]!;
}
/** BENCH_PROFILE=1: one more load under the CPU profiler, the functions with most self time printed. */
async function printProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  // BENCH_PROFILE=edit: a keyboard move instead of a page load.
  if (process.env.BENCH_PROFILE === 'edit') await editRoundTrip(page);
  else await page.reload(), await boardDrawn(page);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
}
/** Milliseconds from the navigation's start to the first frame after the region grid's first rows and cells are in the page. */
async function regionDrawn(page: Page): Promise<number> {
  await page.waitForFunction(() => document.querySelector('.occ-row .occ-cell') !== null, undefined, { polling: 'raf', timeout: 60_000 });
  return page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now())))));
}
/**
 * Milliseconds from setting the grid's scroll to its bottom to the first frame after the last
 * site's row is drawn. No named functions inside: tsx would wrap them in a helper the page lacks.
 */
async function scrolledToBottom(page: Page, sites: number): Promise<number> {
  return page.evaluate(async (last) => {
    const box = document.querySelector('.occ-scroll')!;
    box.scrollTop = 0;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const started = performance.now();
    box.scrollTop = box.scrollHeight;
    while (!document.querySelector(`.occ-row[data-row="${last}"] .occ-cell`)) {
      if (performance.now() - started > 30_000) throw new Error(`row ${last} not drawn 30 s after the scroll`);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    return performance.now() - started;
  }, sites - 1);
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

const RUNS = 5;

const work = await mkdtemp(join(tmpdir(), 'bt-bench-client-'));
const clientDir = join(work, 'client');
await build({ configFile: resolve('vite.config.ts'), logLevel: 'silent', build: { outDir: clientDir, emptyOutDir: true } });
const db = await openDatabase({ dataDir: work });
const { problem, planted } = generateInstance({ name: 'bench', region: 'mixed', doctors: DOCTORS, seed: 1 });
await db.dataSource.transaction(async (em) => {
  const region = await em.getRepository(RegionEntity).save({ name: 'Region Bench' });
  const cohort = await importProblem(em, region.id, 'Bench 200', problem, 'bench');
  const plans = new PlanService(db.dataSource);
  const draft = await plans.draftIn(em, cohort.uuid, planted.assignments, 'bench');
  await plans.publishIn(em, draft.uuid, draft.version, 'bench');
  // A draft on top, as a coordinator has while planning: the board is editable.
  await plans.createIn(em, cohort.uuid, { from: 'published' }, 'bench');
  await createUserIn(em, { email: 'bench@bt-demo.se', password: 'bench-password-1', role: 'admin', regions: [], sites: [] }, 'bench');
});
// The region view's region: the planted plan of one large instance, its doctors dealt to three
// cohorts (each published, the first with a draft on top), all sharing the region's sites.
const large = generateInstance({ name: 'region', region: 'mixed', doctors: REGION_DOCTORS, seed: 1, tight: true, clusterSize: REGION_CLUSTER });
const regionSites = large.problem.sites.length;
await db.dataSource.transaction(async (em) => {
  // Sorts after "Region Bench", so the admin's board above still opens on the 200-doctor cohort.
  const region = await em.getRepository(RegionEntity).save({ name: 'Region Stor' });
  const plans = new PlanService(db.dataSource);
  for (let k = 0; k < REGION_COHORTS; k++) {
    const doctors = new Set(large.problem.doctors.filter((_, i) => i % REGION_COHORTS === k).map((d) => d.id));
    const part = { ...large.problem, name: `Stor ${k + 1}`, doctors: large.problem.doctors.filter((d) => doctors.has(d.id)) };
    const cohort = await importProblem(em, region.id, `Stor kohort ${k + 1}`, part, 'bench');
    const draft = await plans.draftIn(em, cohort.uuid, large.planted.assignments.filter((a) => doctors.has(a.doctor)), 'bench');
    await plans.publishIn(em, draft.uuid, draft.version, 'bench');
    if (k === 0) await plans.createIn(em, cohort.uuid, { from: 'published' }, 'bench');
  }
  await createUserIn(em, { ...REGION_USER, role: 'coordinator', regions: [region.id], sites: [] }, 'bench');
});
const server = buildApp({ dataSource: db.dataSource, clientDir }).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launchPersistentContext(join(work, 'chromium'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(base);
  await page.getByLabel('E-post').fill('bench@bt-demo.se');
  await page.getByLabel('Lösenord').fill('bench-password-1');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.locator('[data-doctor]').nth(DOCTORS - 1).waitFor({ timeout: 60_000 });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    times.push(await boardDrawn(page));
  }
  times.sort((a, b) => a - b);
  const bars = await page.locator('[data-placement]').count();
  const edit = await editRoundTrip(page);
  if (process.env.BENCH_PROFILE) await printProfile(page);
  if (process.env.BENCH_DEBUG) {
    const entries = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => `${e.name.replace(location.origin, '')} ${Math.round(e.startTime)}→${Math.round(e.responseEnd)}`));
    console.log(entries.join('\n'));
  }
  console.log(`move by keyboard (Alt+→): ${edit.toFixed(0)} ms until the bar is redrawn (save over HTTP with the whole plan, validation in the browser, redraw)`);
  console.log(`board of ${DOCTORS} doctors (${bars} placements): median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms, slowest ${times.at(-1)!.toFixed(0)} ms (from navigation start: page load, API calls and render, to the next frame)`);

  // The region view, as its coordinator opens it (#occupancy: the tab in the address).
  await page.getByRole('button', { name: /Logga ut/ }).click();
  await page.getByLabel('E-post').fill(REGION_USER.email);
  await page.getByLabel('Lösenord').fill(REGION_USER.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.locator('[data-doctor]').first().waitFor({ timeout: 60_000 });
  await page.goto(`${base}/#occupancy`);
  await page.reload();
  await regionDrawn(page);
  const opened: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    opened.push(await regionDrawn(page));
  }
  const rows = await page.locator('.occ-row').count();
  const cells = await page.locator('.occ-cell').count();
  const scrolls: number[] = [];
  for (let i = 0; i < RUNS; i++) scrolls.push(await scrolledToBottom(page, regionSites));
  // BENCH_SHOTS=1: the region view scrolled to the bottom, to look at (test-results/screenshots/).
  if (process.env.BENCH_SHOTS) await page.screenshot({ path: resolve('test-results/screenshots/bench-region-view.png') });
  console.log(
    `region view of ${REGION_DOCTORS} doctors, ${regionSites} sites (${REGION_COHORTS} cohorts): median ${median(opened).toFixed(0)} ms, slowest ${Math.max(...opened).toFixed(0)} ms (from navigation start to the first frame with the grid drawn; ${rows} rows, ${cells} cells in the page)`,
  );
  console.log(`region view, scroll to the bottom: median ${median(scrolls).toFixed(0)} ms, slowest ${Math.max(...scrolls).toFixed(0)} ms until the last site's row is drawn`);
} finally {
  await browser.close();
  await new Promise((r) => server.close(r));
  await db.close();
}
