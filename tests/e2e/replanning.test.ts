// Replanning with a frozen past, in Chromium against the real server (demo data), the server's
// clock in the middle of the Västernorrland cohort's year (Wednesday of v. 38 2026): a doctor asks
// for leave, the coordinator grants it on the board and replans from the week the board offers;
// the run's draft keeps every week before then as published (checked through the API), extends the
// doctor's BT by the leave and changes few others; it publishes. Then a served placement moved by
// hand: the board warns, and publishing is refused with the reasons in the dialog. Screenshots:
// replan-offer.png, replanned.png, past-refused.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pastChanges } from '../../shared/domain/past-record';
import { btEnds } from '../../shared/domain/replanning';
import { addWeeks, formatWeek, formatWeekRange, weekIndex } from '../../shared/domain/weeks';
import type { Assignment } from '../../shared/format/plan';
import type { Problem } from '../../shared/format/problem';
import { ok, type Client } from '../support/api';
import { openClient, type BrowserClient } from '../support/browser';

const TODAY = '2026-09-16';
const COMING_MONDAY = '2026-09-21';
const COORDINATOR = ['koordinator.vasternorrland@bt-demo.se', 'demo-koordinator-2026'] as const;
const DOCTOR = ['lakare.vasternorrland@bt-demo.se', 'demo-lakare-2026'] as const;
/** Two weeks of leave, v. 41–42 2026: later than the coming Monday, so the replan starts there. */
const LEAVE = { from: '2026-10-05', to: '2026-10-19' };
/** The doctor asks for it as days: Monday 5 to Friday 16 October. */
const LEAVE_DAYS = { first: '2026-10-05', last: '2026-10-16' };
const LEAVE_WEEKS = 2;

let client: BrowserClient;
let page: Page;
let coordinator: Client;
let region: string;
let cohort: string;

const strip = (list: Assignment[]): Assignment[] => list.map(({ doctor, block, site, from, to }) => ({ doctor, block, site, from, to }));
async function version(status: 'draft' | 'published'): Promise<{ uuid: string; number: number; version: number; assignments: Assignment[] }> {
  const plans: { uuid: string; status: string; number: number }[] = await ok(coordinator.request('GET', `/api/cohorts/${cohort}/plans`));
  const newest = plans.filter((p) => p.status === status).sort((a, b) => b.number - a.number)[0]!;
  const plan = await ok(coordinator.request('GET', `/api/plans/${newest.uuid}`));
  return { ...plan, assignments: strip(plan.assignments) };
}

/** Per doctor and week before `until`: the block and site that cover it ("" when none). */
function weeksBefore(assignments: Assignment[], until: string): Map<string, string> {
  const covering = new Map<string, string>();
  for (const a of assignments) {
    for (let w = a.from; w < a.to && w < until; w = addWeeks(w, 1)) {
      const key = `${a.doctor} ${w}`;
      covering.set(key, [covering.get(key), `${a.block}@${a.site ?? ''}`].filter(Boolean).sort().join('+'));
    }
  }
  return covering;
}

beforeAll(async () => {
  client = await openClient({ clock: () => new Date(`${TODAY}T10:00:00Z`) });
  page = client.page;
  coordinator = await client.api.signIn(...COORDINATOR);
  region = (await ok(coordinator.request('GET', '/api/auth/me'))).regions[0];
  cohort = (await ok(coordinator.request('GET', `/api/regions/${region}/cohorts`))).find((c: { name: string }) => c.name === 'Västernorrland VT 2026').uuid;
}, 120_000);
afterAll(async () => {
  await client?.close();
});

describe('replanning with a frozen past', () => {
  it('grants a leave on the board, replans from the week offered, keeps the past, extends the BT and publishes', async () => {
    const before = await version('published');
    const me = await (await client.api.signIn(...DOCTOR)).request('GET', '/api/auth/me');
    const doctors: { uuid: string; id: string; name: string }[] = await ok(coordinator.request('GET', `/api/cohorts/${cohort}/doctors`));
    const doctor = doctors.find((d) => d.uuid === me.body.doctor)!;

    // The doctor asks for leave.
    await client.signIn(...DOCTOR);
    const form = page.getByRole('form', { name: 'Ansök om ledighet' });
    await form.getByLabel('Första dag').fill(LEAVE_DAYS.first);
    await form.getByLabel('Sista dag').fill(LEAVE_DAYS.last);
    await form.getByRole('button', { name: 'Skicka ansökan' }).click();
    await page.locator('.requests li[data-status=pending]').waitFor();

    // The coordinator's board counts it; granting it offers the replan from the leave's first week.
    await client.signIn(...COORDINATOR);
    await page.locator('[data-doctor]').first().waitFor();
    expect(await page.locator('.plan-status').innerText()).toMatch(/^Publicerad \d+/);
    // With a published plan the solver replans against it, from the coming Monday unless another is chosen.
    expect(await page.getByLabel('Planera om från').inputValue()).toBe(COMING_MONDAY);
    await page.getByRole('button', { name: 'Ansökningar: 1 väntar' }).click();
    const pending = page.locator('.pending-requests li', { hasText: doctor.name });
    await pending.getByRole('button', { name: 'Bevilja' }).click();
    await pending.waitFor({ state: 'detached' });
    const offer = page.locator('.leave-offer');
    expect(await offer.innerText()).toContain(`Ledigheten för ${doctor.name} (${formatWeekRange(LEAVE)}) är beviljad och förlänger BT.`);
    expect(formatWeek(LEAVE.from)).toBe('v. 41 2026');
    await client.shot('replan-offer');
    await offer.getByRole('button', { name: 'Planera om från v. 41 2026' }).click();
    await page.locator('.solver-progress').waitFor({ timeout: 5000 });
    expect(await page.locator('.solver-progress [role=status]').innerText()).toMatch(/^Planerar: /);
    await page.locator('.plan-status', { hasText: 'Utkast' }).waitFor({ timeout: 60_000 });

    // Through the API: the run replanned from v. 41, and nothing before it differs from the published plan.
    const draft = await version('draft');
    const runs: { parameters: { frozenBefore?: string }; plan: string | null }[] = await ok(coordinator.request('GET', `/api/cohorts/${cohort}/solver-runs`));
    expect(runs.find((r) => r.plan === draft.uuid)?.parameters.frozenBefore).toBe(LEAVE.from);
    expect(weeksBefore(draft.assignments, LEAVE.from)).toEqual(weeksBefore(before.assignments, LEAVE.from));
    expect(pastChanges(before.assignments, draft.assignments, TODAY)).toEqual([]);
    // The doctor's BT ends later by the leave; the leave is an absence, no placement in it.
    const endBefore = btEnds(before.assignments).get(doctor.id)!;
    const endAfter = btEnds(draft.assignments).get(doctor.id)!;
    expect(weekIndex(endAfter) - weekIndex(endBefore)).toBe(LEAVE_WEEKS);
    const problem: Problem = await ok(coordinator.request('GET', `/api/cohorts/${cohort}/problem`));
    expect(problem.doctors.find((d) => d.id === doctor.id)!.absences).toContainEqual(expect.objectContaining(LEAVE));
    // Few others change: the doctors whose placements moved besides the one on leave.
    const changedDoctors = new Set(
      draft.assignments
        .filter((a) => !before.assignments.some((b) => b.doctor === a.doctor && b.block === a.block && b.site === a.site && b.from === a.from && b.to === a.to))
        .map((a) => a.doctor),
    );
    changedDoctors.delete(doctor.id);
    expect(changedDoctors.size).toBeLessThanOrEqual(2);

    // The board says so: replanned from v. 41, how much changes, and that the BT is extended.
    const summary = page.getByRole('region', { name: 'Ändringar mot den publicerade planen' });
    expect(await summary.locator('p').first().innerText()).toMatch(/^Omplanerat från v\. 41 2026: inget före den veckan ändras\. Jämfört med den publicerade planen ändras \d+ placering(ar)? för \d+ läkare\.$/);
    expect(await summary.locator(`[data-doctor-end="${doctor.id}"]`).innerText()).toBe(
      `${doctor.name}: BT förlängs, sista veckan ${formatWeek(addWeeks(endBefore, -1))} → ${formatWeek(addWeeks(endAfter, -1))}`,
    );
    expect(await page.locator('.past-changes').count()).toBe(0);
    await client.shot('replanned');

    // Publish: the dialog lists the changes, the server takes it.
    await page.locator('.toolbar').getByRole('button', { name: 'Publicera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publicera' });
    expect(await dialog.locator('p').first().innerText()).toBe('Publicera planen? Ändringar:');
    expect(await dialog.locator('.changes li').count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Publicera' }).click();
    await page.getByRole('alert').filter({ hasText: 'Publicerad' }).waitFor();
    expect((await version('published')).uuid).toBe(draft.uuid);
  }, 120_000);

  it('refuses to publish a served placement moved by hand, and the dialog says why', async () => {
    await page.getByRole('button', { name: 'Nytt utkast från den publicerade planen' }).click();
    await page.locator('.plan-status', { hasText: 'Utkast' }).waitFor();
    const published = await version('published');
    // A placement that has started (before this week): one week later by keyboard.
    const served = published.assignments.find((a) => a.site !== null && a.from < COMING_MONDAY && a.from > '2026-03-01')!;
    const bar = page.locator(`[data-placement="${served.doctor}/${served.block}"]`);
    await bar.focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(async () => (await version('draft')).assignments.find((a) => a.doctor === served.doctor && a.block === served.block)!.from).toBe(addWeeks(served.from, 1));
    const draft = await version('draft');
    // Worded with the cohort's names, as the server words them.
    const problem = await ok(coordinator.request('GET', `/api/cohorts/${cohort}/problem`));
    const expected = pastChanges(published.assignments, draft.assignments, TODAY, problem);
    expect(expected.length).toBeGreaterThan(0);

    // Warned on the board before publishing …
    const warning = page.getByRole('region', { name: 'Utkastet ändrar det som redan har hänt.' });
    await warning.waitFor();
    expect(await warning.locator('li').count()).toBe(expected.length);
    // … and refused by the server, in words, inside the dialog.
    await page.locator('.toolbar').getByRole('button', { name: 'Publicera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publicera' });
    await dialog.getByRole('button', { name: 'Publicera' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect((await alert.innerText()).split('\n')).toEqual([
      'Planen kan inte publiceras: den ändrar det som redan har hänt. Påbörjade placeringar behåller block, arbetsplats och start, och veckor före innevarande vecka ska vara som i den publicerade planen:',
      ...expected.map((c) => c.message_sv),
    ]);
    await client.shot('past-refused');
    expect((await version('published')).uuid).toBe(published.uuid);
    const refused = await coordinator.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version });
    expect(refused).toMatchObject({ status: 422, body: { type: '/problems/past-changed' } });
  }, 60_000);
});
