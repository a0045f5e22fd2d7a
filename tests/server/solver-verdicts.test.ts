// The solver never gives a wrong verdict: hard rules before soft goals, no plan out as
// `optimal` or `feasible` that validatePlan rejects, `infeasible` only when proven.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateInstance } from '../../server/solver/bench/generate';
import { solveReference } from '../../server/solver/reference';
import { solve } from '../../server/solver/solve';
import { planErrors } from '../../shared/domain/validate-plan';
import { problemReferenceIssues } from '../../shared/format/problem-references';
import type { Block, Doctor, Problem } from '../../shared/format/problem';
import { aBlock, aDoctor, aProblem, aSite, defaultBlocks, week } from '../support/builders';

// Psychiatry is one week; Psykiatrin has one place, d1 is pinned there in week 2, and d2
// wishes that very week (weight 100, and a second wish no plan meets, so missing the first
// also costs the fairness charge). One week of overload weighed 1,000, the wish 1,000 + 5.
const pinnedAndWished = (): Problem =>
  aProblem({
    blocks: defaultBlocks().map((b) => (b.id === 'psy' ? aBlock({ id: 'psy', kind: 'psychiatry', category: 'psychiatry', weeks: 1 }) : b)),
    sites: [
      ...aProblem().sites.filter((s) => s.id !== 'psy').map((s) => ({ ...s, capacity: 2 })),
      aSite({ id: 'psy', name: 'Psykiatrin', kinds: ['psychiatry'], capacity: 1 }),
      aSite({ id: 'psy-2', name: 'Psykiatrin 2', kinds: ['psychiatry'], capacity: 1 }),
    ],
    doctors: [
      aDoctor({ id: 'd1', pins: [{ block: 'psy', site: 'psy', from: week(2) }] }),
      aDoctor({
        id: 'd2',
        name: 'Doktor Två',
        wishes: [
          { block: 'psy', site: 'psy', from: week(2), weight: 100 },
          { block: 'vac', from: week(0), weight: 1 },
        ],
      }),
    ],
  });

describe('hard before soft', () => {
  it.each([1, 2, 3])('never trades a capacity violation for a heavy wish (seed %i)', async (seed) => {
    const problem = pinnedAndWished();
    const plan = await solve(problem, { seed, timeLimit: 20 });
    expect(planErrors(problem, plan)).toEqual([]);
    expect(plan.status).toBe('optimal');
    // Both wishes unmet: 100 × 10 + 1 × 10, and the second unmet wish's fairness charge 5.
    expect(plan.objective).toBe(1_015);
    expect(plan.bound).toBe(1_015);
    const psy = (doctor: string) => plan.assignments.find((a) => a.doctor === doctor && a.block === 'psy');
    expect(psy('d1')).toMatchObject({ site: 'psy', from: week(2) });
    expect(psy('d2')?.site === 'psy' && psy('d2')?.from === week(2)).toBe(false);
  });
});

describe('the final gate (validatePlan)', () => {
  it('lets no plan out that the checker rejects: a rule the search does not model gives unknown, naming the rule', async () => {
    // Acute care of 10 weeks: every plan misses the regulation's 13 weeks, which the layout
    // search does not count; the checker does.
    const problem = aProblem({ blocks: defaultBlocks().map((b) => (b.id === 'acute' ? aBlock({ id: 'acute', kind: 'acute', category: 'acute', weeks: 10 }) : b)) });
    const plan = await solve(problem, { timeLimit: 20 });
    expect(plan.status).toBe('unknown');
    expect(plan.assignments).toEqual([]);
    expect(plan.explanation.map((e) => e.code)).toEqual(['plan-rejected']);
    expect(plan.explanation[0]!.message_en).toBe("No valid plan found: the search's last plan broke a rule (Doktor Ett [d1]: 10 weeks of acute care, at least 13 required)");
    expect(plan.explanation[0]!.message_sv).toBe('Ingen giltig plan hittades: sökningens sista plan bröt mot en regel (Doktor Ett [d1]: 10 veckor akutsjukvård, minst 13 krävs)');
  });
});

describe('a cut model (not every layout enumerated)', () => {
  it('gives a valid plan as feasible, never optimal, with no bound over the layouts kept, and says so', async () => {
    const problem = pinnedAndWished();
    const plan = await solve(problem, { seed: 1, timeLimit: 20, maxLayouts: 2 });
    expect(plan.status).toBe('feasible');
    expect(planErrors(problem, plan)).toEqual([]);
    expect(plan.bound).toBeUndefined();
    expect(plan.stats.layoutsCut).toBe(2);
    // Uncut, the same problem is proven optimal.
    expect((await solve(problem, { seed: 1, timeLimit: 20 })).stats.layoutsCut).toBeUndefined();
  });

  it('answers unknown, not infeasible, when the cut left a doctor no layout', async () => {
    const plan = await solve(aProblem(), { timeLimit: 20, maxLayouts: 0 });
    expect(plan.status).toBe('unknown');
    expect(plan.explanation.map((e) => [e.code, e.doctors])).toEqual([['layouts-cut', ['d1']]]);
    expect(plan.explanation[0]!.message_en).toBe('Within the time limit no order of the blocks was found for Doktor Ett [d1]; not all were tried, so it is not proven that none exists');
  });

  it("takes the exact MIP's plan when it lies outside the layouts kept", async () => {
    // Two doctors alike, one place per site: with one layout each they clash everywhere, so
    // only a plan from outside the layouts kept fits.
    const problem = aProblem({ doctors: [aDoctor({ id: 'd1' }), aDoctor({ id: 'd2', name: 'Doktor Två' })] });
    const plan = await solve(problem, { timeLimit: 20, maxLayouts: 1 });
    expect(plan.status).toBe('feasible');
    expect(planErrors(problem, plan)).toEqual([]);
    expect(plan.stats).toMatchObject({ exact: true, layoutsCut: 2 });
  });

  it("does not claim infeasible from the master LP's proof over the layouts kept", async () => {
    // Infeasible, but only the master LP shows it (no single site does), and too many doctors
    // for the exact MIP: uncut the verdict is proven, cut it is unknown and says why.
    const { problem } = generateInstance({ name: 't', region: 'kronoberg', doctors: 80, seed: 3, infeasible: 'two-sites' });
    expect((await solve(problem, { timeLimit: 20 })).status).toBe('infeasible');
    const plan = await solve(problem, { timeLimit: 20, maxLayouts: 3 });
    expect(plan.status).toBe('unknown');
    expect(plan.assignments).toEqual([]);
    expect(plan.explanation.map((e) => e.code)).toEqual(['layouts-cut']);
    expect(plan.explanation[0]!.message_en).toMatch(/^No valid plan exists among the block orders tried, but not all were tried \(\d+ doctors have more\); that no plan exists is not proven$/);
  });
});

// Small random problems: a template of up to 12 blocks (acute and primary care always, so a
// plan can meet the regulation), a few sites of capacity 0–3, a few doctors with part-time,
// absences, pins, wishes up to weight 100 and now and then a credit.
/** `arbitrary`'s value with probability `p`, else null. */
const sometimes = <T,>(arbitrary: fc.Arbitrary<T>, p: number) =>
  fc.oneof({ weight: Math.round(p * 100), arbitrary }, { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(null) });

/** Capacity 0–3, mostly some room. */
const capacityArb = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 9, arbitrary: fc.integer({ min: 1, max: 3 }) });

const KINDS = [
  { kind: 'psychiatry', category: 'psychiatry' },
  { kind: 'geriatrics', category: 'other' },
  { kind: 'surgery', category: 'acute' },
] as const;

const extraBlock = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constantFrom(0, 1, 2), weeks: fc.integer({ min: 1, max: 6 }) }).map(({ type, weeks }) => ({ ...KINDS[type]!, weeks })) },
  { weight: 1, arbitrary: fc.record({ weeks: fc.integer({ min: 1, max: 3 }), summer: fc.boolean() }).map(({ weeks, summer }) => ({ kind: 'vacation', category: 'vacation' as const, weeks, summer })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 12 }).map((at) => ({ kind: 'common-education', category: 'cohort' as const, weeks: 1, at })) },
);

const templateArb = fc
  .record({ acute: fc.integer({ min: 13, max: 15 }), pc: fc.integer({ min: 13, max: 14 }), intro: fc.boolean(), extras: fc.array(extraBlock, { maxLength: 9 }) })
  .map(({ acute, pc, intro, extras }): Block[] => {
    // At most two vacations and one common week keep the site-less placements few.
    let vacations = 0;
    let commons = 0;
    const kept = extras.filter((e) => (e.category === 'vacation' ? ++vacations <= 2 : e.category === 'cohort' ? ++commons <= 1 : true));
    return [
      ...(intro ? [aBlock({ id: 'intro', kind: 'intro', category: 'cohort', weeks: 2, offset: 0 })] : []),
      aBlock({ id: 'acute', kind: 'acute', category: 'acute', weeks: acute }),
      aBlock({ id: 'pc', kind: 'primary-care', category: 'primary-care', weeks: pc }),
      ...kept.map((e, i) =>
        aBlock({
          id: `b${i}`,
          kind: e.kind,
          category: e.category,
          weeks: e.weeks,
          ...('summer' in e && e.summer ? { window: { from: '2026-06-01', to: '2026-08-31' } } : {}),
          ...('at' in e ? { at: week(e.at) } : {}),
        }),
      ),
    ];
  });

const problemArb = templateArb.chain((blocks) => {
  const siteBlocks = blocks.filter((b) => !['cohort', 'vacation'].includes(b.category));
  const kinds = [...new Set(siteBlocks.map((b) => b.kind))];
  const sitesArb = fc.tuple(
    ...kinds.map((kind) =>
      fc.array(fc.record({ capacity: capacityArb, override: sometimes(fc.record({ from: fc.integer({ min: 0, max: 40 }), weeks: fc.integer({ min: 1, max: 10 }), capacity: capacityArb }), 0.3) }), { minLength: 1, maxLength: 2 }).map((list) =>
        list.map((s, i) =>
          aSite({
            id: `${kind}-${i}`,
            name: `${kind} ${i}`,
            town: i === 0 ? 'Staden' : 'Byn',
            kinds: [kind],
            capacity: s.capacity,
            overrides: s.override ? [{ from: week(s.override.from), to: week(s.override.from + s.override.weeks), capacity: s.override.capacity }] : [],
          }),
        ),
      ),
    ),
  ).map((groups) => groups.flat());
  return sitesArb.chain((sites) => {
    const offering = (block: Block, n: number) => {
      const list = sites.filter((site) => site.kinds.includes(block.kind));
      return list[n % list.length]!.id;
    };
    const doctorArb = (id: string) =>
      fc
        .record({
          start: fc.integer({ min: 0, max: 4 }),
          partTime: fc.constantFrom(1, 1, 1, 0.75, 0.5),
          absence: sometimes(fc.record({ from: fc.integer({ min: 0, max: 40 }), weeks: fc.integer({ min: 1, max: 4 }) }), 0.4),
          // A pinned site offers the block's kind (else the verdict is a trivial no-site).
          pin: sometimes(fc.record({ block: fc.constantFrom(...siteBlocks), site: sometimes(fc.nat(), 0.7), from: sometimes(fc.integer({ min: 0, max: 30 }), 0.25) }), 0.3),
          wishes: fc.array(fc.record({ block: fc.constantFrom(...blocks), site: sometimes(fc.constantFrom(...sites), 0.6), from: sometimes(fc.integer({ min: 0, max: 40 }), 0.5), weight: fc.integer({ min: 0, max: 100 }) }), { maxLength: 3 }),
          credit: sometimes(fc.constant('acute'), 0.1),
          home: fc.boolean(),
        })
        .map((d): Doctor => {
          const start = d.start;
          const credited = d.credit !== null;
          const pin = d.pin && !(credited && d.pin.block.id === 'acute') ? d.pin : null;
          return aDoctor({
            id,
            name: `Doktor ${id}`,
            ...(d.home ? {} : { town: 'Byn' }),
            start: week(start),
            partTime: d.partTime,
            absences: d.absence ? [{ from: week(start + d.absence.from), to: week(start + d.absence.from + d.absence.weeks) }] : [],
            credits: credited ? [{ block: 'acute', weeks: 13, decidedBy: 'Studierektor', decidedOn: '2026-01-01' }] : [],
            pins: pin ? [{ block: pin.block.id, ...(pin.site !== null ? { site: offering(pin.block, pin.site) } : {}), ...(pin.from !== null ? { from: week(start + pin.from) } : {}) }] : [],
            wishes: d.wishes.map((w) => ({ block: w.block.id, ...(w.site ? { site: w.site.id } : {}), ...(w.from !== null ? { from: week(start + w.from) } : {}), weight: w.weight })),
          });
        });
    return fc.integer({ min: 1, max: 4 }).chain((count) =>
      fc.tuple(...Array.from({ length: count }, (_, i) => doctorArb(`d${i + 1}`))).map((doctors) => aProblem({ blocks, sites, doctors })),
    );
  });
});

/** The seed of the property runs below: fixed, so CI sees the same problems every time. */
const SEED = 20_261_206;

describe('every verdict holds on random small problems', () => {
  it(
    `returns plans validatePlan accepts, and claims optimal or infeasible only as the reference MIP does (fast-check seed ${SEED})`,
    async () => {
      const verdicts: Record<string, number> = {};
      await fc.assert(
        fc.asyncProperty(problemArb, async (problem) => {
          expect(problemReferenceIssues(problem)).toEqual([]);
          const plan = await solve(problem, { seed: 1, timeLimit: 2 });
          verdicts[plan.status!] = (verdicts[plan.status!] ?? 0) + 1;
          // Whatever the status, a plan that comes back is valid.
          if (plan.assignments.length > 0) expect(planErrors(problem, plan)).toEqual([]);
          if (plan.status === 'optimal' || plan.status === 'feasible') {
            expect(plan.assignments.length).toBeGreaterThan(0);
            if (plan.bound !== undefined) expect(plan.objective).toBeGreaterThanOrEqual(plan.bound - 1e-6);
          }
          if (plan.status === 'optimal') {
            expect(plan.objective).toBeCloseTo(plan.bound!, 6);
            // Where the reference MIP proves its optimum in its time, the two agree.
            const reference = await solveReference(problem, { timeLimit: 4 });
            if (reference.status === 'optimal') expect(plan.objective).toBeCloseTo(reference.objective!, 6);
          }
          if (plan.status === 'infeasible') {
            expect(plan.explanation.length).toBeGreaterThan(0);
            // Its own time limit: the MIP may not prove within it, but must then have found no plan.
            const reference = await solveReference(problem, { timeLimit: 4 });
            expect(reference.status === 'infeasible' || reference.assignments.length === 0).toBe(true);
          }
        }),
        { seed: SEED, numRuns: 80, endOnFailure: true },
      );
      // The problems reach each verdict, so each branch above was exercised ('unknown' too,
      // where the time limit runs out, but that depends on the machine).
      expect(Object.keys(verdicts)).toEqual(expect.arrayContaining(['feasible', 'infeasible', 'optimal']));
    },
    180_000,
  );
});
