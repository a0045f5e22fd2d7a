// The solver on real instances: every plan it returns passes validatePlan; infeasibility comes
// back explained, naming the site; the same seed gives the same plan.
import { describe, expect, it } from 'vitest';
import { FIRST_COHORT, generateInstance } from '../../server/solver/bench/generate';
import { DEFAULT_WEIGHTS } from '../../server/solver/heuristic';
import { buildModel } from '../../server/solver/model';
import { solveReference } from '../../server/solver/reference';
import { solve } from '../../server/solver/solve';
import { solveVariants } from '../../server/solver/variants';
import { PRESETS, vasternorrlandVt2026 } from '../../shared/domain/presets';
import type { PlanChange } from '../../shared/domain/plan-diff';
import { btEnd } from '../../shared/domain/rotation';
import { addWeeks, weekFromIndex, weekIndex } from '../../shared/domain/weeks';
import { planErrors } from '../../shared/domain/validate-plan';
import type { Assignment, Plan } from '../../shared/format/plan';
import type { Problem } from '../../shared/format/problem';
import { aDoctor, aProblem, aSite, week } from '../support/builders';

async function solved(problem: Problem, seed = 1): Promise<Plan> {
  const plan = await solve(problem, { seed, timeLimit: 20 });
  expect(['optimal', 'feasible']).toContain(plan.status);
  expect(plan.bound).toBeLessThanOrEqual(plan.objective!);
  // Optimal exactly when the plan reaches its bound.
  expect(plan.status === 'optimal').toBe(Math.abs(plan.objective! - plan.bound!) <= 1e-9);
  expect(planErrors(problem, plan)).toEqual([]);
  return plan;
}

const lastTo = (plan: Plan, doctor: string) =>
  plan.assignments.filter((a) => a.doctor === doctor).reduce((end, a) => (a.to > end ? a.to : end), '');

describe('solve', () => {
  // The optima the reference MIP finds for the demo cohorts.
  const demoOptimum: Record<string, number> = { 'kronoberg-2026': 25, 'vasternorrland-vt-2026': 6 };

  it.each(PRESETS.map((p) => [p.id, p] as const))('plans the %s demo cohort, proven optimal', async (id, preset) => {
    const plan = await solved(preset.problem);
    expect(plan.assignments).toHaveLength(preset.plan.assignments.length);
    expect([plan.status, plan.objective, plan.bound]).toEqual(['optimal', demoOptimum[id], demoOptimum[id]]);
  });

  it.each([
    ['kronoberg', 40],
    ['vasternorrland', 40],
    ['mixed', 200],
  ] as const)('finds a valid plan for a planted %s instance of %i doctors at peak capacity', async (region, doctors) => {
    const instance = generateInstance({ name: 't', region, doctors, seed: 3 });
    expect(planErrors(instance.problem, instance.planted)).toEqual([]);
    await solved(instance.problem);
  });

  it('answers infeasible and names the site when its only-allowed doctors need more than it has', async () => {
    const instance = generateInstance({ name: 't', region: 'kronoberg', doctors: 40, seed: 3, infeasible: 'one-site' });
    const plan = await solve(instance.problem, { timeLimit: 20 });
    expect(plan.status).toBe('infeasible');
    expect(plan.assignments).toEqual([]);
    const capacity = plan.explanation.find((e) => e.code === 'site-capacity');
    expect(capacity?.sites).toEqual(['kr-c1-psy-1']);
    const onlyThere = instance.problem.doctors.filter((d) => d.allowedSites?.psy?.join() === 'kr-c1-psy-1' && d.credits.length === 0);
    expect(capacity?.doctors).toEqual(onlyThere.map((d) => d.id));
    expect(capacity?.message_sv).toMatch(/^psychiatry KR-stad 1 1: 8 läkare behöver .* kapacitet 1 ger \d+ läkarveckor, \d+ behövs$/);
  });

  it('proves infeasibility no single site shows, with the master LP, and names both sites', async () => {
    // Cluster 1 may use both of its internal-medicine sites, with capacity 0 and 1.
    const instance = generateInstance({ name: 't', region: 'kronoberg', doctors: 40, seed: 3, infeasible: 'two-sites' });
    const plan = await solve(instance.problem, { timeLimit: 20 });
    expect(plan.status).toBe('infeasible');
    expect(plan.explanation).toHaveLength(1);
    const [clash] = plan.explanation;
    expect(clash?.code).toBe('site-capacity');
    expect(clash?.sites).toEqual(['kr-c1-im-1', 'kr-c1-im-2']);
    expect(clash?.doctors).toEqual(instance.problem.doctors.filter((d) => d.id.startsWith('kr-c1-')).map((d) => d.id));
    const match = clash?.message_sv.match(/^internal-medicine KR-stad 1 1 och internal-medicine KR-stad 1 2: 8 läkare behöver minst (\d+) läkarveckor där mellan v\. \d+ 202\d och v\. \d+ 202\d; kapaciteten ger (\d+)$/);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThan(Number(match![2]));
    expect(clash?.message_en).toMatch(/^internal-medicine KR-stad 1 1 and internal-medicine KR-stad 1 2: 8 doctors need at least \d+ doctor-weeks there/);
  });

  it('explains a block that no allowed site offers', async () => {
    const problem = aProblem({ doctors: [aDoctor({ allowedSites: { pc: ['hosp'] } })] });
    const plan = await solve(problem);
    expect(plan.status).toBe('infeasible');
    expect(plan.explanation.map((e) => [e.code, e.doctors, e.blocks])).toEqual([['no-site', ['d1'], ['pc']]]);
  });

  it('keeps pins, the vacation window and the intro offset', async () => {
    const problem = aProblem({
      doctors: [
        aDoctor({ id: 'd1', pins: [{ block: 'pc', site: 'vc', from: week(2) }] }),
        aDoctor({ id: 'd2', pins: [{ block: 'vac', from: week(20) }] }),
      ],
    });
    const plan = await solved(problem);
    const find = (doctor: string, block: string) => plan.assignments.find((a) => a.doctor === doctor && a.block === block);
    expect(find('d1', 'pc')).toMatchObject({ site: 'vc', from: week(2) });
    expect(find('d2', 'vac')?.from).toBe(week(20));
    for (const d of ['d1', 'd2']) {
      expect(find(d, 'intro')?.from).toBe(week(0));
      expect(find(d, 'vac')!.from >= '2026-06-01' && find(d, 'vac')!.to <= '2026-08-31').toBe(true);
    }
  });

  it('extends the BT by an absence instead of squeezing it, and stretches part-time', async () => {
    const problem = aProblem({
      doctors: [
        aDoctor({ id: 'd1', absences: [{ from: week(20), to: week(26) }] }),
        aDoctor({ id: 'd2', partTime: 0.75 }),
      ],
      sites: aProblem().sites.map((s) => ({ ...s, capacity: 2 })),
    });
    const plan = await solved(problem);
    expect(lastTo(plan, 'd1')).toBe(week(34 + 6));
    expect(lastTo(plan, 'd1')).toBe(btEnd(problem, problem.doctors[0]!));
    expect(lastTo(plan, 'd2')).toBe(btEnd(problem, problem.doctors[1]!));
  });

  it('gives a credited block no placement', async () => {
    const problem = aProblem({
      doctors: [aDoctor({ credits: [{ block: 'psy', weeks: 13, decidedBy: 'Studierektor Eva Ek', decidedOn: '2026-02-01' }] })],
    });
    const plan = await solved(problem);
    expect(plan.assignments.map((a) => a.block).sort()).toEqual(['acute', 'intro', 'pc', 'vac']);
  });

  it('gives the same plan for the same input and seed', async () => {
    const { problem } = generateInstance({ name: 't', region: 'mixed', doctors: 80, seed: 5 });
    expect(JSON.stringify(await solve(problem, { seed: 9 }))).toBe(JSON.stringify(await solve(problem, { seed: 9 })));
  });
});

describe('replanning with minimal change', () => {
  it('keeps everything before frozenBefore, extends the absent doctor, moves nobody else', async () => {
    const { problem } = generateInstance({ name: 't', region: 'kronoberg', doctors: 16, seed: 11 });
    // Room for the absent doctor's six extra weeks without touching anyone else.
    const roomy = { ...problem, sites: problem.sites.map((s) => ({ ...s, capacity: s.capacity + 1 })) };
    const published = await solved(roomy);
    const absent = roomy.doctors.find((d) => d.absences.length === 0 && d.partTime === 1 && d.credits.length === 0)!;
    const frozenBefore = addWeeks(absent.start, 20);
    const changed: Problem = {
      ...roomy,
      doctors: roomy.doctors.map((d) => (d.id === absent.id ? { ...d, absences: [{ from: frozenBefore, to: addWeeks(frozenBefore, 6) }] } : d)),
      previous: published,
      frozenBefore,
    };
    const replanned = await solved(changed);

    const key = (a: Assignment) => `${a.doctor}/${a.block}`;
    const after = new Map(replanned.assignments.map((a) => [key(a), a]));
    for (const before of published.assignments.filter((a) => a.from < frozenBefore)) {
      const now = after.get(key(before))!;
      expect([now.site, now.from]).toEqual([before.site, before.from]);
      if (before.doctor !== absent.id) expect(now.to).toBe(before.to);
    }
    expect(lastTo(replanned, absent.id)).toBe(addWeeks(lastTo(published, absent.id), 6));
    const movedDoctors = new Set(
      published.assignments
        .filter((a) => a.doctor !== absent.id)
        .filter((a) => JSON.stringify(after.get(key(a))) !== JSON.stringify(a))
        .map((a) => a.doctor),
    );
    expect([...movedDoctors]).toEqual([]);
    expect(new Set((replanned.stats.diff as PlanChange[]).map((c) => c.doctor))).toEqual(new Set([absent.id]));
    expect(replanned.stats.changes).toBe((replanned.stats.diff as PlanChange[]).filter((c) => c.before && c.after && (c.before.site !== c.after.site || c.before.from !== c.after.from)).length);
  });
});

describe('replanning a full plan', () => {
  it('moves exactly as few assignments as the optimal reference model, only future ones', async () => {
    const { problem: base } = generateInstance({ name: 't', region: 'kronoberg', doctors: 12, seed: 14 });
    const published = await solved(base);
    // Every site exactly as full as the published plan keeps it (at least one place), week by
    // week: the absent doctor's later weeks can only fit if others make room.
    const load = new Map<string, number>();
    for (const a of published.assignments) {
      if (a.site !== null) for (let w = weekIndex(a.from); w < weekIndex(a.to); w++) load.set(`${a.site}@${w}`, (load.get(`${a.site}@${w}`) ?? 0) + 1);
    }
    const first = Math.min(...base.doctors.map((d) => weekIndex(d.start)));
    const full = base.sites.map((site) => ({
      ...site,
      capacity: 1,
      overrides: Array.from({ length: 80 }, (_, i) => ({
        from: weekFromIndex(first + i),
        to: weekFromIndex(first + i + 1),
        capacity: Math.max(1, load.get(`${site.id}@${first + i}`) ?? 0),
      })),
    }));
    const absent = base.doctors.find((d) => d.absences.length === 0 && d.partTime === 1 && d.credits.length === 0)!;
    const frozenBefore = addWeeks(absent.start, 20);
    const replan: Problem = {
      ...base,
      sites: full,
      doctors: base.doctors.map((d) => (d.id === absent.id ? { ...d, absences: [{ from: frozenBefore, to: addWeeks(frozenBefore, 6) }] } : d)),
      previous: published,
      frozenBefore,
    };
    // Only moves count, so the optimum is the fewest changed assignments.
    const weights = { wish: 0, homeTown: 0, vacationCut: 0, change: 1, urgentChange: 1, fairness: 0 };
    const ours = await solve(replan, { seed: 1, timeLimit: 20, weights });
    const reference = await solveReference(replan, { weights, timeLimit: 30 });
    expect(planErrors(replan, ours)).toEqual([]);
    expect(reference.status).toBe('optimal');
    expect(ours.status).toBe('optimal');
    expect(ours.objective).toBe(reference.objective);

    const key = (a: Assignment) => `${a.doctor}/${a.block}`;
    // Other doctors' moved assignments (site or start): what the objective counts, so equal
    // to the reference's. Which doctors move is a tie between optima (2 or 3 doctors here), 4 assignments.
    const movedOthers = (plan: Plan) => {
      const after = new Map(plan.assignments.map((a) => [key(a), a]));
      return published.assignments.filter((a) => a.doctor !== absent.id && (after.get(key(a))?.site !== a.site || after.get(key(a))?.from !== a.from)).length;
    };
    expect(movedOthers(reference)).toBe(4);
    expect(movedOthers(ours)).toBe(movedOthers(reference));
    // The plan's own diff against the published one lists them (and any end that moved with them).
    const diff = ours.stats.diff as PlanChange[];
    expect(diff.filter((c) => c.doctor !== absent.id)).toHaveLength(4);
    expect(diff.some((c) => c.doctor === absent.id)).toBe(true);
    for (const before of published.assignments.filter((a) => a.from < frozenBefore)) {
      const now = ours.assignments.find((a) => key(a) === key(before))!;
      expect([now.site, now.from]).toEqual([before.site, before.from]);
    }
    expect(lastTo(ours, absent.id)).toBe(addWeeks(lastTo(published, absent.id), 6));
  });
});

describe('the reference formulation (time-indexed MIP on HiGHS)', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('returns a valid, proven optimal plan for %s', async (_id, preset) => {
    const plan = await solveReference(preset.problem, { timeLimit: 30 });
    expect(plan.status).toBe('optimal');
    expect(plan.bound).toBeCloseTo(plan.objective!, 6);
    expect(planErrors(preset.problem, plan)).toEqual([]);
  });

  it('agrees on a tight instance where the bound needs column generation', async () => {
    const { problem } = generateInstance({ name: 't', region: 'mixed', doctors: 40, seed: 2, tight: true, clusterSize: 20 });
    const phases: string[] = [];
    const ours = await solve(problem, { seed: 1, timeLimit: 20, onProgress: (e) => phases.push(e.phase) });
    const reference = await solveReference(problem, { timeLimit: 60 });
    expect(reference.status).toBe('optimal');
    expect(ours.status).toBe('optimal');
    expect(ours.objective).toBe(9);
    expect(reference.objective).toBeCloseTo(9, 6);
    expect(ours.bound).toBe(9);
    // The capacity-free bound is below 9 here: only column generation proves it.
    expect(phases).toContain('bound');
    expect(planErrors(problem, ours)).toEqual([]);
  });

  it('is matched by the layout search on the Västernorrland cohort (objective 6)', async () => {
    const reference = await solveReference(vasternorrlandVt2026.problem, { timeLimit: 30 });
    const ours = await solved(vasternorrlandVt2026.problem);
    expect(reference.objective).toBe(6);
    expect(ours.objective).toBe(6);
    expect(ours.status).toBe('optimal');
  });
});

describe('fair spread of unmet wishes', () => {
  it('leaves each of two doctors one unmet wish rather than one doctor both, as the reference does', async () => {
    // Both wish primary care at Vårdcentralen X from week 2 and acute care at Sjukhuset X from
    // week 17; each X site takes one doctor, so two wishes stay unmet either way.
    const wishes = [
      { block: 'pc', site: 'vc-x', from: week(2), weight: 1 },
      { block: 'acute', site: 'hosp-x', from: week(17), weight: 1 },
    ];
    const problem = aProblem({
      sites: [
        ...aProblem().sites.map((s) => ({ ...s, capacity: 2 })),
        aSite({ id: 'hosp-x', name: 'Sjukhuset X', kinds: ['acute'] }),
        aSite({ id: 'vc-x', name: 'Vårdcentralen X', kinds: ['primary-care'] }),
      ],
      doctors: [aDoctor({ id: 'd1', wishes }), aDoctor({ id: 'd2', name: 'Doktor Två', wishes })],
    });
    const plan = await solved(problem);
    expect(plan.stats.wishesUnmet).toBe(2);
    expect(plan.stats.extraUnmetWishes).toBe(0);
    const wishesMet = (doctor: string) =>
      wishes.filter((w) => plan.assignments.some((a) => a.doctor === doctor && a.block === w.block && a.site === w.site && a.from === w.from)).length;
    expect([wishesMet('d1'), wishesMet('d2')]).toEqual([1, 1]);
    const reference = await solveReference(problem, { timeLimit: 30 });
    expect(reference.objective).toBeCloseTo(plan.objective!, 6);
    expect(plan.status).toBe('optimal');
  });

  it("charges a doctor's second unmet wish, in both formulations", async () => {
    // Three blocks wished to start in week 2: one can.
    const problem = aProblem({
      doctors: [aDoctor({ wishes: ['acute', 'pc', 'psy'].map((block) => ({ block, from: week(2), weight: 1 })) })],
    });
    const plan = await solved(problem);
    expect([plan.stats.wishesUnmet, plan.stats.extraUnmetWishes]).toEqual([2, 1]);
    expect(plan.objective).toBe(2 * DEFAULT_WEIGHTS.wish + DEFAULT_WEIGHTS.fairness);
    expect((await solveReference(problem, { timeLimit: 30 })).objective).toBeCloseTo(plan.objective!, 6);
  });
});

describe('variants', () => {
  it('returns different plans for different weightings, each valid and named, with its parts', async () => {
    // A wish for a vårdcentral outside the home town: wishes-first and balanced grant it,
    // home-town-first keeps the doctor at home.
    const problem = aProblem({
      sites: [...aProblem().sites, aSite({ id: 'vc-b', name: 'Vårdcentralen Byn', town: 'Byn', kinds: ['primary-care'] })],
      doctors: [aDoctor({ wishes: [{ block: 'pc', site: 'vc-b', weight: 1 }] })],
    });
    const plans = await solveVariants(problem, 3, { timeLimit: 10 });
    expect(plans.map((p) => p.stats.variant)).toEqual(['balanced', 'home-town-first']);
    for (const plan of plans) expect(planErrors(problem, plan)).toEqual([]);
    const pcSite = (plan: Plan) => plan.assignments.find((a) => a.block === 'pc')?.site;
    expect(plans.map(pcSite)).toEqual(['vc-b', 'vc']);
    expect(plans.map((p) => [p.stats.wishesUnmet, p.stats.homeTownMissed])).toEqual([[0, 1], [1, 0]]);
  });
});

describe("the region's other cohorts (sites' taken load)", () => {
  const OTHERS = 'Kohort HT 2025';
  /** Other cohorts' doctors at a site in weeks [from, to); `null`: load without a cohort's name. */
  const taken = (from: number, to: number, doctors = 1, cohort: string | null = OTHERS) => ({
    from: week(from),
    to: week(to),
    doctors,
    ...(cohort !== null ? { cohort } : {}),
  });

  it.each([
    ['no load', undefined, [2, 2, 2, 3]],
    ['one range', [taken(1, 3)], [2, 1, 1, 3]],
    ['ranges add up and never leave below 0', [taken(1, 3), taken(2, 4, 2)], [2, 1, 0, 1]],
  ] as const)("the model's capacity is what the others leave, after overrides: %s", (_name, load, expected) => {
    const site = aSite({ capacity: 2, overrides: [{ from: week(3), to: week(4), capacity: 3 }], ...(load ? { taken: [...load] } : {}) });
    const model = buildModel(aProblem({ sites: [site, ...aProblem().sites.slice(1)] }));
    expect([...model.capacity.slice(0, 4)]).toEqual(expected);
  });

  // One doctor wishes acute care at Sjukhuset from week 2; another cohort fills its one place until week 12.
  const wished = (load: boolean) =>
    aProblem({
      sites: aProblem().sites.map((s) => (s.id === 'hosp' && load ? { ...s, taken: [taken(0, 12)] } : s)),
      doctors: [aDoctor({ wishes: [{ block: 'acute', site: 'hosp', from: week(2), weight: 1 }] })],
    });
  const acute = (plan: Plan) => plan.assignments.find((a) => a.block === 'acute')!;

  it('plans around the weeks other cohorts fill, though a wish asks for them', async () => {
    expect(acute(await solved(wished(false))).from).toBe(week(2));
    const plan = await solved(wished(true));
    expect(acute(plan).site).toBe('hosp');
    expect(acute(plan).from >= week(12)).toBe(true);
    expect(plan.stats.wishesUnmet).toBe(1);
  });

  it('finds a valid plan for a second generated cohort planned against the first', async () => {
    const instance = generateInstance({ name: 't', region: 'kronoberg', doctors: 40, seed: 3, tight: true, loaded: true });
    const { problem } = instance;
    expect(problem.doctors).toHaveLength(40);
    expect(problem.sites.filter((s) => s.taken?.length).length).toBeGreaterThan(problem.sites.length / 2);
    expect(new Set(problem.sites.flatMap((s) => s.taken ?? []).map((t) => t.cohort))).toEqual(new Set([FIRST_COHORT]));
    expect(planErrors(problem, instance.planted)).toEqual([]);
    await solved(problem);
    // The load binds: planned as if the site were the cohort's own, the plan overloads it.
    const blind = await solved({ ...problem, sites: problem.sites.map(({ taken: _, ...s }) => s) });
    expect(planErrors(problem, blind).map((e) => e.code)).toContain('capacity');
  });

  // Two doctors need 4 weeks each at Psykiatrin, whose one place another cohort fills until week 30.
  const crowded = (load: boolean) =>
    aProblem({
      sites: aProblem().sites.map((s) => (s.id === 'psy' ? (load ? { ...s, taken: [taken(0, 30)] } : s) : { ...s, capacity: 2 })),
      doctors: [aDoctor({ id: 'd1' }), aDoctor({ id: 'd2', name: 'Doktor Två' })],
    });

  it('answers infeasible when the others leave too little, counts their part and names them', async () => {
    await solved(crowded(false));
    const plan = await solve(crowded(true), { timeLimit: 20 });
    expect(plan.status).toBe('infeasible');
    expect(plan.explanation).toHaveLength(1);
    const [clash] = plan.explanation;
    expect(clash).toMatchObject({ code: 'site-capacity', sites: ['psy'], doctors: ['d1', 'd2'], from: week(2), to: week(34) });
    // 32 weeks of capacity 1 from week 2, of which 28 (weeks 2–29) are the other cohort's.
    expect(clash?.message_sv).toBe(
      'Psykiatrin: 2 läkare i denna kohort behöver 4 veckor var mellan v. 12 2026 och v. 43 2026; kapacitet 1 ger 32 läkarveckor, varav 28 tagna av Kohort HT 2025: 4 kvar, 8 behövs',
    );
    expect(clash?.message_en).toBe(
      'Psykiatrin: 2 doctors in this cohort need 4 weeks each between w. 12 2026 and w. 43 2026; capacity 1 gives 32 doctor-weeks, of which 28 are taken by Kohort HT 2025: 4 left, 8 needed',
    );
  });

  it('proves with the master LP that two sites the others fill are too small together, and names every cohort', async () => {
    // Three doctors, two psychiatry sites of one place each, each filled by another cohort until week 30.
    const problem = aProblem({
      sites: [
        ...aProblem().sites.filter((s) => s.id !== 'psy').map((s) => ({ ...s, capacity: 3 })),
        aSite({ id: 'psy-a', name: 'Psykiatrin A', kinds: ['psychiatry'], taken: [taken(0, 30, 1, 'Kohort VT 2025')] }),
        aSite({ id: 'psy-b', name: 'Psykiatrin B', kinds: ['psychiatry'], taken: [taken(0, 20, 1, 'Kohort HT 2025'), taken(20, 30, 1, null)] }),
      ],
      doctors: ['d1', 'd2', 'd3'].map((id) => aDoctor({ id })),
    });
    const plan = await solve(problem, { timeLimit: 20 });
    expect(plan.status).toBe('infeasible');
    const [clash] = plan.explanation;
    expect(clash).toMatchObject({ code: 'site-capacity', sites: ['psy-a', 'psy-b'], doctors: ['d1', 'd2', 'd3'] });
    // Weeks 2–33 at two sites: 64 doctor-weeks, 56 of them (weeks 2–29) the other cohorts'.
    expect(clash).toMatchObject({ from: week(2), to: week(34) });
    expect(clash?.message_sv).toBe(
      'Psykiatrin A och Psykiatrin B: 3 läkare i denna kohort behöver minst 12 läkarveckor där mellan v. 12 2026 och v. 43 2026; kapaciteten ger 64, varav 56 tagna av Kohort HT 2025, Kohort VT 2025 och andra kohorter: 8 kvar',
    );
    expect(clash?.message_en).toMatch(/; the capacity gives 64, of which 56 are taken by Kohort HT 2025, Kohort VT 2025 and other cohorts: 8 left$/);
  });

  it('is respected by the reference MIP too', async () => {
    const plan = await solveReference(wished(true), { timeLimit: 30 });
    expect(plan.status).toBe('optimal');
    expect(planErrors(wished(true), plan)).toEqual([]);
    expect(acute(plan).from >= week(12)).toBe(true);
    expect((await solveReference(crowded(false), { timeLimit: 30 })).status).toBe('optimal');
    expect((await solveReference(crowded(true), { timeLimit: 30 })).status).toBe('infeasible');
  });
});
