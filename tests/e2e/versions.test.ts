// Addresses and plan versions in Chromium against the real server (demo data, the server's clock
// in v. 38 2026): a deep link to a cohort's board survives a reload and Back returns from another
// page; undo outlives a solver run (back to the draft before it, which stays); the versions list
// compares two versions in words, discards a draft, opens an archived version read-only (no
// drag, no keyboard move) at its own address that survives a reload, and restores it as a new
// draft. Screenshots: versions.png, archived-version.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDiff } from '../../shared/domain/plan-diff';
import { addWeeks, formatWeekRange } from '../../shared/domain/weeks';
import type { Assignment } from '../../shared/format/plan';
import { ok, type Client } from '../support/api';
import { openClient, type BrowserClient } from '../support/browser';

const COORDINATOR = ['koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026'] as const;
const COMING_MONDAY = '2026-09-21';

let client: BrowserClient;
let page: Page;
let coordinator: Client;
let region: string;
let cohort: string;
let base: string;

interface Version {
  uuid: string;
  number: number;
  status: string;
  version: number;
}

const versions = async (): Promise<Version[]> => ok(coordinator.request('GET', `/api/cohorts/${cohort}/plans`));
const byNumber = async (n: number): Promise<Version> => (await versions()).find((v) => v.number === n)!;
const assignments = async (uuid: string): Promise<Assignment[]> =>
  (await ok(coordinator.request('GET', `/api/plans/${uuid}`))).assignments.map(({ doctor, block, site, from, to }: Assignment) => ({ doctor, block, site, from, to }));
const planStatus = () => page.locator('.plan-status').innerText();
const openVersions = async () => {
  const summary = page.locator('summary', { hasText: 'Versioner' });
  if (!(await page.locator('details:has(> summary:has-text("Versioner"))').evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
  const table = page.getByRole('table', { name: 'Versioner' });
  await table.locator('tbody tr').first().waitFor();
  return table;
};

beforeAll(async () => {
  client = await openClient({ clock: () => new Date('2026-09-16T10:00:00Z') });
  page = client.page;
  base = client.api.base;
  coordinator = await client.api.signIn(...COORDINATOR);
  region = (await ok(coordinator.request('GET', '/api/auth/me'))).regions[0];
  cohort = (await ok(coordinator.request('GET', `/api/regions/${region}/cohorts`))).find((c: { name: string }) => c.name === 'Västernorrland VT 2026').uuid;
  await client.signIn(...COORDINATOR);
  await page.locator('[data-doctor]').first().waitFor();
}, 120_000);
afterAll(async () => {
  await client?.close();
});

describe('addresses', () => {
  it("opens a cohort's board from a deep link, keeps it on reload, and Back returns from another page", async () => {
    const board = `/planering/${region}/${cohort}`;
    await page.goto(`${base}${board}`);
    await page.locator('[data-doctor]').first().waitFor();
    expect(new URL(page.url()).pathname).toBe(board);
    expect(await page.locator('select[name=cohort]').inputValue()).toBe(cohort);
    await page.reload();
    await page.locator('[data-doctor]').first().waitFor();
    expect(new URL(page.url()).pathname).toBe(board);
    expect(await page.locator('select[name=cohort]').inputValue()).toBe(cohort);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Planeringstavla' }).getAttribute('aria-current')).toBe('page');

    // Another page keeps the region; its tab back to the board keeps the cohort.
    await page.getByRole('navigation').getByRole('link', { name: 'Arbetsplatser' }).click();
    await page.locator('[data-site-row]').first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/arbetsplatser/${region}`);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Planeringstavla' }).getAttribute('href')).toBe(board);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Läkare' }).getAttribute('href')).toBe(`/lakare/${region}/${cohort}`);
    await page.goBack();
    await page.getByRole('region', { name: 'Planeringstavla' }).waitFor();
    await page.locator('[data-doctor]').first().waitFor();
    expect(new URL(page.url()).pathname).toBe(board);
    await page.goForward();
    await page.locator('[data-site-row]').first().waitFor();
    await page.goBack();
    await page.locator('[data-doctor]').first().waitFor();
  }, 60_000);
});

describe('versions', () => {
  let moved: { doctor: string; block: string; from: string };

  it("keeps undo across a solver run: the run's draft is new, undo returns to the draft before it", async () => {
    await page.getByRole('button', { name: 'Nytt utkast från den publicerade planen' }).click();
    await page.locator('.plan-status', { hasText: 'Utkast 2' }).waitFor();
    const second = await byNumber(2);
    expect(new URL(page.url()).pathname).toBe(`/planering/${region}/${cohort}/plan/${second.uuid}`);
    // A placement that has not started, one week later by keyboard.
    const future = (await assignments(second.uuid)).find((a) => a.site !== null && a.from > '2026-10-05')!;
    moved = { doctor: future.doctor, block: future.block, from: future.from };
    await page.locator(`[data-placement="${future.doctor}/${future.block}"]`).focus();
    await page.keyboard.press('Alt+ArrowRight');
    const movedIn = async (uuid: string) => (await assignments(uuid)).find((a) => a.doctor === moved.doctor && a.block === moved.block)!.from;
    await expect.poll(() => movedIn(second.uuid)).toBe(addWeeks(future.from, 1));

    await page.getByRole('button', { name: 'Kör planeraren' }).click();
    await page.locator('.plan-status', { hasText: 'Utkast 3' }).waitFor({ timeout: 60_000 });
    const third = await byNumber(3);
    expect(new URL(page.url()).pathname).toBe(`/planering/${region}/${cohort}/plan/${third.uuid}`);

    // Undo: back to draft 2 with its move, which the run left alone; draft 3 stays.
    await page.getByRole('form', { name: 'Flytta placering' }).getByRole('button', { name: 'Ångra' }).click();
    await page.locator('.plan-status', { hasText: 'Utkast 2' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/planering/${region}/${cohort}/plan/${second.uuid}`);
    expect(await movedIn(second.uuid)).toBe(addWeeks(future.from, 1));
    expect((await versions()).map((v) => [v.number, v.status]).sort()).toEqual([
      [1, 'published'],
      [2, 'draft'],
      [3, 'draft'],
    ]);
  }, 90_000);

  it('compares two versions in words, discards a draft, publishes another', async () => {
    const table = await openVersions();
    expect(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-version'), r.getAttribute('data-status')]))).toEqual([
      ['3', 'draft'],
      ['2', 'draft'],
      ['1', 'published'],
    ]);
    // Who and when: the coordinator made the drafts.
    expect(await table.locator('tr[data-version="2"] td').nth(2).innerText()).toBe(COORDINATOR[0]);

    await table.getByRole('checkbox', { name: 'Jämför version 1' }).check();
    await table.getByRole('checkbox', { name: 'Jämför version 2' }).check();
    const diff = page.getByRole('region', { name: 'Skillnad mellan versionerna' });
    await diff.waitFor();
    const [one, two] = [await byNumber(1), await byNumber(2)];
    const expected = planDiff(await assignments(one.uuid), await assignments(two.uuid));
    expect(expected).toHaveLength(1);
    expect(await diff.locator('h4').innerText()).toBe('Från version 1 till version 2: 1 ändrad placering');
    const doctors: { id: string; name: string }[] = await ok(coordinator.request('GET', `/api/cohorts/${cohort}/doctors`));
    const sites: { id: string; name: string }[] = await ok(coordinator.request('GET', `/api/regions/${region}/sites`));
    const where = (p: { site: string | null; from: string; to: string }) => `${sites.find((s) => s.id === p.site)!.name}, ${formatWeekRange(p)}`;
    const line = await diff.locator(`li[data-change="${moved.doctor}/${moved.block}"]`).innerText();
    expect(line).toContain(doctors.find((d) => d.id === moved.doctor)!.name);
    expect(line).toContain(`${where(expected[0]!.before!)} → ${where(expected[0]!.after!)}`);
    await client.shot('versions');

    // Discard draft 2 (shown): after a confirmation it is gone; the board shows the newest draft.
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.message()), void d.accept())));
    await table.getByRole('button', { name: 'Kassera utkast 2' }).click();
    expect(await asked).toBe('Kassera utkast 2? Det går inte att ångra.');
    await page.locator('.plan-status', { hasText: 'Utkast 3' }).waitFor();
    await expect.poll(async () => (await versions()).map((v) => v.number).sort()).toEqual([1, 3]);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    expect(new URL(page.url()).pathname).toBe(`/planering/${region}/${cohort}`);

    await page.locator('.toolbar').getByRole('button', { name: 'Publicera' }).click();
    await page.getByRole('dialog', { name: 'Publicera' }).getByRole('button', { name: 'Publicera' }).click();
    await page.getByRole('alert').filter({ hasText: 'Publicerad' }).waitFor();
    expect((await versions()).map((v) => [v.number, v.status]).sort()).toEqual([
      [1, 'archived'],
      [3, 'published'],
    ]);

    // The audit log says what happened in words: the move (doctor, block, weeks before → after), the discard, the publication.
    await page.locator('summary', { hasText: 'Ändringslogg' }).click();
    const log = page.getByRole('table', { name: 'Ändringslogg' });
    await log.locator('tr[data-action="plan/publish"]').first().waitFor();
    expect(await log.locator('tr[data-action="plan/publish"] td').nth(3).innerText()).toMatch(/^version 3 publicerad, (1 ändrad placering|\d+ ändrade placeringar)$/);
    expect(await log.locator('tr[data-action="plan/delete"] td').nth(3).innerText()).toBe('utkast 2 kasserat');
    const edit = log.locator('tr[data-action="plan/update"]', { hasText: doctors.find((d) => d.id === moved.doctor)!.name }).first();
    expect(await edit.locator('td').nth(3).innerText()).toContain(`${where(expected[0]!.before!)} → ${where(expected[0]!.after!)}`);
  }, 60_000);

  it('opens an archived version read-only at its own address, and restores it as a new draft', async () => {
    const archived = await byNumber(1);
    const table = await openVersions();
    const boardBefore = new URL(page.url()).pathname;
    await table.getByRole('link', { name: 'Öppna version 1' }).click();
    await page.locator('.plan-status', { hasText: 'Arkiverad 1' }).waitFor();
    const address = `/planering/${region}/${cohort}/plan/${archived.uuid}`;
    expect(new URL(page.url()).pathname).toBe(address);
    expect(await planStatus()).toContain('skrivskyddad');
    // Read-only: no move form, no drag hint; a keyboard move and a drag change nothing.
    expect(await page.getByRole('form', { name: 'Flytta placering' }).count()).toBe(0);
    expect(await page.locator('.hint', { hasText: 'Dra en placering' }).count()).toBe(0);
    const before = await assignments(archived.uuid);
    const target = before.find((a) => a.site !== null && a.from > COMING_MONDAY)!;
    const bar = page.locator(`[data-placement="${target.doctor}/${target.block}"]`);
    const title = await bar.getAttribute('title');
    await bar.focus();
    await page.keyboard.press('Alt+ArrowRight');
    const box = (await bar.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await bar.getAttribute('title')).toBe(title);
    expect(await assignments(archived.uuid)).toEqual(before);
    await client.shot('archived-version');

    // The address survives a reload; Back returns to the board as it was.
    await page.reload();
    await page.locator('.plan-status', { hasText: 'Arkiverad 1' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(address);
    await page.goBack();
    await page.locator('.plan-status', { hasText: 'Publicerad 3' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(boardBefore);
    await page.goForward();
    await page.locator('.plan-status', { hasText: 'Arkiverad 1' }).waitFor();

    // Restore: a new draft with the archived version's placements.
    await (await openVersions()).getByRole('button', { name: 'Nytt utkast från version 1' }).click();
    await page.locator('.plan-status', { hasText: 'Utkast 4' }).waitFor();
    const restored = await byNumber(4);
    expect(restored.status).toBe('draft');
    expect(new URL(page.url()).pathname).toBe(`/planering/${region}/${cohort}/plan/${restored.uuid}`);
    const key = (a: Assignment) => `${a.doctor}/${a.block}`;
    expect((await assignments(restored.uuid)).sort((x, y) => key(x).localeCompare(key(y)))).toEqual(before.sort((x, y) => key(x).localeCompare(key(y))));
  }, 60_000);
});
