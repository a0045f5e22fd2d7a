// Templates and new intakes in Chromium against the real server (demo data), as the Västernorrland
// coordinator: an autumn intake (2026-08-17) from the demo cohort in "Nytt intag"; its own template
// edited in Mallar — the common education on the cohort's week 38 and the vacation window inside
// the new year — then planned by the solver and published with no violation, every doctor's
// vacation inside their year and the common education on the same weeks for all; an intake whose
// year cannot be laid out is refused in words; a template change that would lose a credit is
// refused with the list and mapped on confirmation. The forms and the list have no serious axe findings.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vasternorrlandVt2026 } from '../../shared/domain/presets';
import { addWeeks } from '../../shared/domain/weeks';
import type { Assignment } from '../../shared/format/plan';
import type { Block } from '../../shared/format/problem';
import { ok, type Client } from '../support/api';
import { axeProblems as findings, openClient, type BrowserClient } from '../support/browser';

const COORDINATOR = { email: 'koordinator.vasternorrland@bt-demo.se', password: 'demo-koordinator-2026' };
const DEMO = 'Västernorrland VT 2026';
const AUTUMN = 'Västernorrland HT 2026';
const START = '2026-08-17';
/** 52 weeks from the autumn start: the doctors' year is [START, YEAR_END). */
const YEAR_END = addWeeks(START, 52);

let client: BrowserClient;
let page: Page;
let coordinator: Client;
let region: string;

const cohorts = async (): Promise<any[]> => ok(coordinator.request('GET', `/api/regions/${region}/cohorts`));
const cohortNamed = async (name: string) => (await cohorts()).find((c) => c.name === name);
const templateNamed = async (name: string) => (await ok(coordinator.request('GET', `/api/regions/${region}/templates`))).find((t: { name: string }) => t.name === name);
/** The demo cohort's problem with a change, imported as a cohort of its own. */
async function importCohort(name: string, change: (p: any) => void): Promise<any> {
  const problem = structuredClone(vasternorrlandVt2026.problem) as any;
  change(problem);
  return ok(coordinator.request('POST', `/api/regions/${region}/cohorts/import`, { name, problem }), 201);
}
const row = (name: string) => page.locator('tr[data-cohort-row]', { has: page.getByRole('rowheader', { name, exact: true }) });
const status = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
/** axe's serious and critical findings on the page as it is now. */
const axeProblems = () => findings(page);
const tab = (name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

beforeAll(async () => {
  client = await openClient();
  page = client.page;
  coordinator = await client.api.signIn(COORDINATOR.email, COORDINATOR.password);
  region = (await ok(coordinator.request('GET', '/api/auth/me'))).regions[0];
  // The demo cohort fills its sites whenever it uses them: a second intake needs more places,
  // which a region arranges before it takes one (two more at every site: the autumn year overlaps
  // the spring one for 26 weeks).
  for (const { uuid, ...site } of await ok(coordinator.request('GET', `/api/regions/${region}/sites`))) {
    await ok(coordinator.request('PATCH', `/api/sites/${uuid}`, { ...site, capacity: site.capacity + 2 }));
  }
  // A cohort whose vacation window (27 July–31 August) leaves an autumn year two weeks of it.
  await importCohort('Västernorrland smalt fönster', (p) => (p.blocks[5].window = { from: '2026-07-27', to: '2026-08-31' }));
  // A cohort with a credited psychiatry block, and a template whose blocks have other codes.
  const credited = await importCohort('Västernorrland tillgodoräknad', (p) => {
    p.doctors[0].credits = [{ block: 'psy', weeks: 13, decidedBy: 'Studierektor Eva Ek', decidedOn: '2025-12-01' }];
  });
  const blocks: Block[] = (await ok(coordinator.request('GET', `/api/templates/${credited.template}`))).blocks;
  const codes: Record<string, string> = { psy: 'psyk', acute: 'akut' };
  await ok(coordinator.request('POST', `/api/regions/${region}/templates`, { name: 'Västernorrland nya koder', unit: 'weeks', blocks: blocks.map((b) => ({ ...b, id: codes[b.id] ?? b.id })) }), 201);
  await client.signIn(COORDINATOR.email, COORDINATOR.password);
  await tab('Kohorter');
}, 180_000);
afterAll(async () => {
  await client?.close();
});

describe('a new intake from the Västernorrland cohort', () => {
  it('is made in "Nytt intag" for 2026-08-17 with the doctors, on a template of its own with the vacation window in summer 2027', async () => {
    await row(DEMO).getByRole('button', { name: 'Nytt intag' }).click();
    const form = page.getByRole('form', { name: `Nytt intag: ${DEMO}` });
    await form.getByLabel('Namn').fill(AUTUMN);
    await form.getByLabel('Intagets start').fill(START);
    expect(await form.getByLabel(/Kopiera läkarna/).isChecked()).toBe(true);
    await client.shot('intake-form');
    expect(await axeProblems()).toEqual([]);
    await form.getByRole('button', { name: 'Skapa intaget' }).click();
    await status('Nytt intag: 8 läkare');
    await row(AUTUMN).waitFor();
    const autumn = await cohortNamed(AUTUMN);
    const doctors = await ok(coordinator.request('GET', `/api/cohorts/${autumn.uuid}/doctors`));
    expect(doctors.map((d: { start: string }) => d.start)).toEqual(Array(8).fill(START));
    const template = await ok(coordinator.request('GET', `/api/templates/${autumn.template}`));
    expect(template.name).toBe(AUTUMN);
    expect(template.blocks.find((b: Block) => b.id === 'vac').window).toEqual({ from: '2027-06-01', to: '2027-08-31' });
  });

  it('is refused in words when a doctor’s year cannot be laid out, and nothing is made', async () => {
    const before = (await cohorts()).length;
    await row('Västernorrland smalt fönster').getByRole('button', { name: 'Nytt intag' }).click();
    const form = page.getByRole('form', { name: 'Nytt intag: Västernorrland smalt fönster' });
    await form.getByLabel('Namn').fill('Västernorrland smalt HT');
    await form.getByLabel('Intagets start').fill(START);
    await form.getByRole('button', { name: 'Skapa intaget' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Året går inte att lägga ut' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe(
      'Året går inte att lägga ut: Lina Persson [vn-d01]: Semester (4 veckor) ryms inte i fönstret 27 jul–31 aug 2027 inom året v. 34 2026–v. 32 2027',
    );
    await client.shot('intake-refused');
    expect((await cohorts()).length).toBe(before);
  });
});

describe("the autumn intake's template, edited in Mallar", () => {
  it('puts the common education on the cohort’s week 38 and the vacation window inside the year, and says so in the list', async () => {
    await tab('Mallar');
    const template = page.locator(`.template[data-template="${AUTUMN}"]`);
    await template.getByRole('button', { name: 'Ändra mall' }).click();
    const form = page.getByRole('form', { name: `Ändra mall: ${AUTUMN}` });
    const edu = form.locator('fieldset[data-block-row="edu"]');
    expect(await edu.getByLabel('Fast start, veckor efter BT-start').inputValue()).toBe('2');
    await edu.getByLabel('Fast start, veckor efter BT-start').fill('');
    await edu.getByLabel('Samma vecka för hela kohorten').fill('2026-09-14');
    const vac = form.locator('fieldset[data-block-row="vac"]');
    expect(await vac.getByLabel('Fönster från').inputValue()).toBe('2027-06-01');
    await vac.getByLabel('Fönster från').fill('2027-06-07');
    await vac.getByLabel('Fönster till').fill('2027-08-16');
    await client.shot('template-edit');
    expect(await axeProblems()).toEqual([]);
    await form.getByRole('button', { name: 'Spara', exact: true }).click();
    await status('Sparat');
    const places = template.locator('ul.template-places li');
    await places.filter({ hasText: 'Semester: inom 7 jun–16 aug 2027' }).waitFor();
    expect(await places.allInnerTexts()).toEqual(['Gemensam introduktion: vid BT-start', 'Gemensam utbildning: v. 38 2026 för alla', 'Semester: inom 7 jun–16 aug 2027']);
    const saved = await templateNamed(AUTUMN);
    expect(saved.blocks.find((b: Block) => b.id === 'edu')).toEqual({ id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, at: '2026-09-14' });
    await client.shot('templates');
  });

  it('the demo template, which a published cohort uses, keeps its blocks: the change is refused in words', async () => {
    // The demo cohort's template bears its name (imported with it).
    const template = page.locator(`.template[data-template="${DEMO}"]`);
    await template.getByRole('button', { name: 'Ändra mall' }).click();
    const form = template.getByRole('form');
    await form.locator('fieldset[data-block-row="vac"]').getByLabel('Fönster från').fill('2026-05-04');
    await form.getByRole('button', { name: 'Spara', exact: true }).click();
    await status('Mallen används av en kohort med publicerad plan');
    await template.getByRole('button', { name: 'Ändra mall' }).click();
  });
});

describe('the autumn intake planned and published', () => {
  it('plans with the solver and publishes with no violation: every vacation inside the year and its window, the common education on the same weeks for all', async () => {
    const autumn = await cohortNamed(AUTUMN);
    let run = await ok(coordinator.request('POST', `/api/cohorts/${autumn.uuid}/solver-runs`, { timeLimit: 20 }), 202);
    for (let i = 0; i < 600 && (run.status === 'queued' || run.status === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = await ok(coordinator.request('GET', `/api/solver-runs/${run.uuid}`));
    }
    expect(run.plans[0].explanation).toEqual([]);
    expect([run.status, run.plans[0].status]).toEqual(['succeeded', 'optimal']);
    const draft = await ok(coordinator.request('GET', `/api/plans/${run.plan}`));
    expect(draft.violations).toEqual([]);
    const published = await ok(coordinator.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version }));
    expect(published).toMatchObject({ status: 'published', violations: [] });

    const assignments: Assignment[] = published.assignments;
    const vacations = assignments.filter((a) => a.block === 'vac');
    expect(vacations).toHaveLength(8);
    for (const v of vacations) expect(v.from >= '2027-06-07' && v.to <= '2027-08-16' && v.from >= START && v.to <= YEAR_END).toBe(true);
    expect(assignments.filter((a) => a.block === 'edu').map((a) => [a.from, a.to])).toEqual(Array(8).fill(['2026-09-14', '2026-09-28']));
    // The board shows the published plan.
    await page.goto(`${new URL(page.url()).origin}/planering/${region}/${autumn.uuid}`);
    await page.locator('[data-doctor]').first().waitFor();
    expect(await page.locator('select[name=cohort]').inputValue()).toBe(autumn.uuid);
    await page.locator('.no-violations').waitFor();
    await client.shot('autumn-intake-board');
  }, 120_000);
});

describe("changing a cohort's template", () => {
  it('with a credit the new template lacks is refused with the list, and on confirmation mapped to the block of the same kind', async () => {
    await tab('Kohorter');
    const name = 'Västernorrland tillgodoräknad';
    await row(name).getByRole('button', { name: 'Ändra' }).click();
    const form = page.getByRole('form', { name: `Kohort ${name}` });
    await form.getByLabel('Mall').selectOption({ label: 'Västernorrland nya koder' });
    await form.getByRole('button', { name: 'Spara' }).click();
    const lost = page.locator('.lost-references');
    await lost.waitFor();
    const lines = await lost.locator('li').allInnerTexts();
    expect(lines).toHaveLength(10);
    expect(lines.slice(0, 2)).toEqual(['Lina Persson: tillgodoräknande psy → psyk', 'Lina Persson: tillåtna arbetsplatser acute → akut']);
    expect(lines).toContain('Elin Sjöberg: önskemål psy → psyk');
    await client.shot('template-change-refused');
    expect(await axeProblems()).toEqual([]);
    const cohort = await cohortNamed(name);
    expect((await templateNamed('Västernorrland nya koder')).uuid).not.toBe(cohort.template);

    await lost.getByRole('button', { name: 'Byt mall och flytta uppgifterna till blocken av samma typ' }).click();
    await status('Mallen bytt; 10 uppgifter flyttade till blocken av samma typ');
    const changed = await cohortNamed(name);
    expect(changed.template).toBe((await templateNamed('Västernorrland nya koder')).uuid);
    const [lina] = await ok(coordinator.request('GET', `/api/cohorts/${changed.uuid}/doctors`));
    expect(lina).toMatchObject({ credits: [{ block: 'psyk', weeks: 13 }], allowedSites: { akut: ['sun-akut'], pc: ['hc-bergsaker'] } });
    await client.shot('template-change-mapped');
  });
});
