// Templates that say everything and new intakes, over HTTP on a real PostgreSQL: a block's cohort
// week (at) and goals are kept; a new intake from a cohort moves windows into the new year and
// cohort weeks along, copies the doctors or not, and is refused naming the first rule when a year
// cannot be laid out; a template change that would lose what doctors name is refused with the
// list and mapped by kind on confirmation; a template a published cohort uses keeps its blocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { solve } from '../../../server/solver/solve';
import { vasternorrlandVt2026 } from '../../../shared/domain/presets';
import { planErrors } from '../../../shared/domain/validate-plan';
import { addWeeks } from '../../../shared/domain/weeks';
import type { Block, DoctorInput, Problem, ProblemInput } from '../../../shared/format/problem';
import { ok, startApi, type TestApi } from '../../support/api';

let api: TestApi;
let region: string;
beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  region = (await api.request('GET', '/api/regions')).body.find((r: { name: string }) => r.name === 'Region Västernorrland').uuid;
}, 60_000);
afterAll(() => api.close());

const get = (path: string) => ok(api.request('GET', path));

const AUTUMN = '2026-08-17';
const SUMMER_2027 = { from: '2027-06-01', to: '2027-08-31' };

/** The Västernorrland demo cohort's problem with its blocks changed, imported as a cohort of its own. */
async function importCohort(name: string, change: (p: ProblemInput) => void = () => {}): Promise<any> {
  const problem = structuredClone(vasternorrlandVt2026.problem) as ProblemInput;
  change(problem);
  return ok(api.request('POST', `/api/regions/${region}/cohorts/import`, { name, problem }), 201);
}
const blockOf = (blocks: Block[], id: string) => blocks.find((b) => b.id === id)!;
const templateOf = async (cohort: { template: string }) => get(`/api/templates/${cohort.template}`);
const doctorsOf = async (cohort: { uuid: string }) => get(`/api/cohorts/${cohort.uuid}/doctors`);

describe('a new intake (nytt intag)', () => {
  it('from the Västernorrland cohort on 2026-08-17 with its doctors: a template of its own with summer 2027, doctors anew, and it plans', async () => {
    const source = await importCohort('VN källa', (p) => {
      p.doctors[0]!.absences = [{ from: '2026-09-07', to: '2026-10-05' }];
      p.doctors[0]!.pins = [{ block: 'psy', site: 'sun-psy', from: '2026-03-16' }];
      p.doctors[1]!.wishes = [{ block: 'pc', from: '2026-03-02', weight: 2 }];
    });
    const intake = await ok(api.request('POST', `/api/cohorts/${source.uuid}/intake`, { name: 'VN HT 2026', start: AUTUMN, copyDoctors: true }), 201);
    expect(intake).toMatchObject({ name: 'VN HT 2026', doctors: 8, region, teaching: source.teaching });

    const [before, after] = [await templateOf(source), await templateOf(intake)];
    expect(after.name).toBe('VN HT 2026');
    expect(blockOf(before.blocks, 'vac').window).toEqual({ from: '2026-06-01', to: '2026-08-31' });
    expect(blockOf(after.blocks, 'vac').window).toEqual(SUMMER_2027);
    expect(after.blocks.filter((b: Block) => b.id !== 'vac')).toEqual(before.blocks.filter((b: Block) => b.id !== 'vac'));

    const [old, doctors] = [await doctorsOf(source), await doctorsOf(intake)];
    // The file's week range became leave from its first Monday to the Friday before `to`.
    expect(old[0].absences).toEqual([{ first: '2026-09-07', last: '2026-10-02', from: '2026-09-07', to: '2026-10-05' }]);
    expect(doctors.map((d: DoctorInput) => [d.id, d.start, d.absences])).toEqual(old.map((d: DoctorInput) => [d.id, AUTUMN, []]));
    // 26 weeks later: the pin and the wish move along with the start.
    expect(doctors[0].pins).toEqual([{ block: 'psy', site: 'sun-psy', from: addWeeks('2026-03-16', 26) }]);
    expect(doctors[1].wishes).toEqual([{ block: 'pc', from: addWeeks('2026-03-02', 26), weight: 2 }]);
    expect(doctors.map((d: DoctorInput) => d.allowedSites)).toEqual(old.map((d: DoctorInput) => d.allowedSites));

    // With two more places at every site (the demo cohort fills them), the solver plans it: each vacation in
    // summer 2027 inside the doctor's year.
    const problem: Problem = await get(`/api/cohorts/${intake.uuid}/problem`);
    const roomy = { ...problem, sites: problem.sites.map((s) => ({ ...s, capacity: s.capacity + 2 })) };
    const plan = await solve(roomy, { timeLimit: 20 });
    expect(plan.explanation).toEqual([]);
    expect(plan.status).toBe('optimal');
    expect(planErrors(roomy, plan)).toEqual([]);
    for (const vac of plan.assignments.filter((a) => a.block === 'vac')) {
      expect(vac.from >= SUMMER_2027.from && vac.to <= '2027-08-16').toBe(true);
    }
  }, 60_000);

  it('without doctors, on the same template when nothing has to move', async () => {
    const source = await importCohort('VN utan');
    const intake = await ok(api.request('POST', `/api/cohorts/${source.uuid}/intake`, { name: 'VN utan 2', start: '2026-03-02', copyDoctors: false }), 201);
    expect(intake).toMatchObject({ doctors: 0, template: source.template });
  });

  it("moves the cohort's common week (at) as far as the intake moves, in a template of its own", async () => {
    const source = await importCohort('VN at', (p) => {
      p.blocks[1] = { id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, at: '2026-03-16' };
    });
    expect(blockOf((await templateOf(source)).blocks, 'edu')).toEqual({ id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, at: '2026-03-16' });
    const intake = await ok(api.request('POST', `/api/cohorts/${source.uuid}/intake`, { name: 'VN at HT', start: AUTUMN, copyDoctors: true }), 201);
    const blocks = (await templateOf(intake)).blocks;
    expect(blockOf(blocks, 'edu').at).toBe('2026-09-14');
    expect(blockOf(blocks, 'vac').window).toEqual(SUMMER_2027);
  });

  it('is refused (422) when a year cannot be laid out, naming the first rule in Swedish and English, and saves nothing', async () => {
    // A vacation window of 27 July–31 August: in summer 2027 only two of its weeks lie in the year v. 34 2026–v. 32 2027.
    const source = await importCohort('VN smalt', (p) => {
      p.blocks[5] = { ...p.blocks[5]!, window: { from: '2026-07-27', to: '2026-08-31' } };
    });
    const cohorts = (await get(`/api/regions/${region}/cohorts`)).length;
    const templates = (await get(`/api/regions/${region}/templates`)).length;
    const refused = await api.request('POST', `/api/cohorts/${source.uuid}/intake`, { name: 'VN smalt HT', start: AUTUMN, copyDoctors: true });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      type: '/problems/no-layout',
      layout: {
        doctor: 'vn-d01',
        block: 'vac',
        message_sv: 'Lina Persson [vn-d01]: Semester (4 veckor) ryms inte i fönstret 27 jul–31 aug 2027 inom året v. 34 2026–v. 32 2027',
        message_en: 'Lina Persson [vn-d01]: Vacation (4 weeks) does not fit in the window 27 Jul–31 Aug 2027 within the year w. 34 2026–w. 32 2027',
      },
    });
    expect(refused.body.detail).toBe('the year cannot be laid out: Lina Persson [vn-d01]: Vacation (4 weeks) does not fit in the window 27 Jul–31 Aug 2027 within the year w. 34 2026–w. 32 2027');
    const without = await api.request('POST', `/api/cohorts/${source.uuid}/intake`, { name: 'VN smalt HT', start: AUTUMN, copyDoctors: false });
    expect(without.body.layout).toEqual({
      block: 'vac',
      message_sv: 'Semester (4 veckor) ryms inte i fönstret 27 jul–31 aug 2027 inom året v. 34 2026–v. 32 2027',
      message_en: 'Vacation (4 weeks) does not fit in the window 27 Jul–31 Aug 2027 within the year w. 34 2026–w. 32 2027',
    });
    expect((await get(`/api/regions/${region}/cohorts`)).length).toBe(cohorts);
    expect((await get(`/api/regions/${region}/templates`)).length).toBe(templates);
  });

  it('answers 400 naming a start that is not a Monday', async () => {
    const source = await importCohort('VN 400');
    const bad = await api.request('POST', `/api/cohorts/${source.uuid}/intake`, { name: 'X', start: '2026-08-18' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'start', message: '2026-08-18 is not a Monday (w. 34 2026 starts 2026-08-17)' }]);
  });
});

describe("changing a cohort's template", () => {
  const renamed = (blocks: Block[], ids: Record<string, string>) => blocks.map((b) => ({ ...b, id: ids[b.id] ?? b.id }));

  it('is refused with the list of what the doctors name, and on confirmation mapped by block kind', async () => {
    const cohort = await importCohort('VN byte', (p) => {
      p.doctors[0]!.credits = [{ block: 'psy', weeks: 13, decidedBy: 'Studierektor Eva Ek', decidedOn: '2025-12-01' }];
      p.doctors[2]!.wishes = [{ block: 'psy', site: 'sun-psy', weight: 1 }];
    });
    const blocks: Block[] = (await templateOf(cohort)).blocks;
    const other = await ok(api.request('POST', `/api/regions/${region}/templates`, { name: 'VN nya id', unit: 'weeks', blocks: renamed(blocks, { psy: 'psyk', acute: 'akut' }) }), 201);
    const body = { name: cohort.name, template: other.uuid, teaching: cohort.teaching, kollegiumMonths: cohort.kollegiumMonths, version: cohort.version };

    const refused = await api.request('PATCH', `/api/cohorts/${cohort.uuid}`, body);
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('/problems/lost-references');
    const lost = refused.body.lost;
    expect(lost.filter((l: any) => l.doctor === 'vn-d01')).toEqual([
      { doctor: 'vn-d01', doctorName: 'Lina Persson', what: 'credit', block: 'psy', kind: 'psychiatry', mappedTo: 'psyk' },
      { doctor: 'vn-d01', doctorName: 'Lina Persson', what: 'allowedSites', block: 'acute', kind: 'acute', mappedTo: 'akut' },
    ]);
    expect(lost.find((l: any) => l.doctor === 'vn-d03' && l.what === 'wish')).toEqual({ doctor: 'vn-d03', doctorName: 'Elin Sjöberg', what: 'wish', block: 'psy', kind: 'psychiatry', mappedTo: 'psyk' });
    expect(lost).toHaveLength(10); // every doctor's allowed acute sites, the credit and the wish
    expect((await get(`/api/cohorts/${cohort.uuid}`)).template).toBe(cohort.template);

    const mapped = await ok(api.request('PATCH', `/api/cohorts/${cohort.uuid}`, { ...body, mapByKind: true }));
    expect(mapped).toMatchObject({ template: other.uuid, version: cohort.version + 1 });
    const doctors = await doctorsOf(cohort);
    expect(doctors[0]).toMatchObject({ version: 2, credits: [{ block: 'psyk', weeks: 13, decidedBy: 'Studierektor Eva Ek' }], allowedSites: { akut: ['sun-akut'], pc: ['hc-bergsaker'] } });
    expect(doctors[2].wishes).toEqual([{ block: 'psyk', site: 'sun-psy', weight: 1 }]);
    expect(await api.request('GET', `/api/cohorts/${cohort.uuid}/problem`)).toMatchObject({ status: 200 });
  });

  it('is refused still, on confirmation, when a block named has no block of its kind in the new template', async () => {
    const cohort = await importCohort('VN utan psyk', (p) => {
      p.doctors[0]!.credits = [{ block: 'psy', weeks: 13, decidedBy: 'Studierektor Eva Ek', decidedOn: '2025-12-01' }];
    });
    const blocks: Block[] = (await templateOf(cohort)).blocks;
    const other = await ok(api.request('POST', `/api/regions/${region}/templates`, { name: 'VN utan psykiatri', unit: 'weeks', blocks: blocks.filter((b) => b.id !== 'psy') }), 201);
    const refused = await api.request('PATCH', `/api/cohorts/${cohort.uuid}`, { name: cohort.name, template: other.uuid, teaching: cohort.teaching, kollegiumMonths: null, version: 1, mapByKind: true });
    expect(refused.status).toBe(422);
    expect(refused.body.lost).toEqual([
      { doctor: 'vn-d01', doctorName: 'Lina Persson', what: 'credit', block: 'psy', kind: 'psychiatry', mappedTo: null },
      { doctor: 'vn-d03', doctorName: 'Elin Sjöberg', what: 'wish', block: 'psy', kind: 'psychiatry', mappedTo: null },
    ]);
    expect(refused.body.detail).toContain('change those doctors first');
    expect((await doctorsOf(cohort))[0]).toMatchObject({ version: 1, credits: [{ block: 'psy' }] });
  });
});

describe('templates that say everything', () => {
  it("keep a block's cohort week and goals; refuse a block with both offset and at, naming it", async () => {
    const blocks = [
      { id: 'intro', kind: 'intro', category: 'cohort', weeks: 2, offset: 0 },
      { id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, at: '2026-03-09', goals: ['BT9', 'BT12'] },
      { id: 'pc', kind: 'primary-care', category: 'primary-care', weeks: 26 },
    ];
    const created = await ok(api.request('POST', `/api/regions/${region}/templates`, { name: 'Allt sagt', unit: 'weeks', blocks }), 201);
    expect(created.blocks).toEqual(blocks);
    const both = await api.request('POST', `/api/regions/${region}/templates`, { name: 'Båda', unit: 'weeks', blocks: [{ ...blocks[1], offset: 2 }] });
    expect(both.body.errors).toEqual([{ path: 'blocks[0].at', message: 'a block starts either at an offset or at a date (at), not both' }]);
  });

  it('a template a cohort with a published plan uses keeps its blocks (409), takes a new name; a change that drops what doctors name is refused with the list', async () => {
    const [demo] = (await get(`/api/regions/${region}/cohorts`)).filter((c: { name: string }) => c.name === 'Västernorrland VT 2026');
    const template = await templateOf(demo);
    const { uuid, ...body } = template;
    const wider = body.blocks.map((b: Block) => (b.id === 'vac' ? { ...b, window: { from: '2026-05-04', to: '2026-08-31' } } : b));
    const refused = await api.request('PATCH', `/api/templates/${uuid}`, { ...body, blocks: wider });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: '/problems/in-use', detail: expect.stringContaining('Västernorrland VT 2026, which has a published plan') });
    expect(await ok(api.request('PATCH', `/api/templates/${uuid}`, { ...body, name: `${body.name} (demo)` }))).toMatchObject({ version: template.version + 1, blocks: template.blocks });

    // A cohort without a published plan: the window may change; dropping psychiatry, which a wish names, may not.
    const cohort = await importCohort('VN mall', (p) => (p.doctors[2]!.wishes = [{ block: 'psy', weight: 1 }]));
    const own = await templateOf(cohort);
    const { uuid: id, ...ownBody } = own;
    const changed = await ok(api.request('PATCH', `/api/templates/${id}`, { ...ownBody, blocks: ownBody.blocks.map((b: Block) => (b.id === 'vac' ? { ...b, window: { from: '2026-05-04', to: '2026-08-31' } } : b)) }));
    expect(blockOf(changed.blocks, 'vac').window).toEqual({ from: '2026-05-04', to: '2026-08-31' });
    const dropped = await api.request('PATCH', `/api/templates/${id}`, { ...ownBody, version: changed.version, blocks: ownBody.blocks.filter((b: Block) => b.id !== 'psy') });
    expect(dropped.status).toBe(422);
    expect(dropped.body.lost).toEqual([{ doctor: 'vn-d03', doctorName: 'Elin Sjöberg', what: 'wish', block: 'psy', kind: 'psychiatry', mappedTo: null }]);
    expect((await templateOf(cohort)).blocks).toEqual(changed.blocks);
  });
});
