// validatePlan against DESIGN §5 "Validity of a plan": every rule is shown by a plan that
// breaks only that rule. The default problem and plan are described in tests/support/builders.ts:
// intro [0, 2), acute [2, 17) around vacation [14, 16), pc [17, 30), psy [30, 34) (weeks after 2026-03-02).
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../shared/domain/presets';
import { requiredServiceWeeks } from '../../shared/domain/rotation';
import { planErrors, validatePlan } from '../../shared/domain/validate-plan';
import { VIOLATION_CODES, type Violation, type ViolationCode } from '../../shared/domain/violations';
import { addWeeks, formatWeekRange, weeksBetween } from '../../shared/domain/weeks';
import type { Assignment, Plan } from '../../shared/format/plan';
import type { Block, Problem } from '../../shared/format/problem';
import {
  aBlock,
  aDoctor,
  aPlan,
  aProblem,
  aSite,
  defaultBlocks,
  defaultSites,
  week,
  type Rotation,
  type SiteInput,
} from '../support/builders';

const WARNINGS: readonly ViolationCode[] = ['goal-not-covered', 'bt2-without-psychiatry'];
const NOTES: readonly ViolationCode[] = ['credit-exception'];

// ── small plan and template edits ────────────────────────────────────────────────────────

function find(plan: Plan, doctor: string, block: string): Assignment {
  const found = plan.assignments.find((a) => a.doctor === doctor && a.block === block);
  if (!found) throw new Error(`no assignment ${doctor}/${block}`);
  return found;
}

/** The plan with one assignment changed. */
function edit(plan: Plan, doctor: string, block: string, change: (a: Assignment) => Partial<Assignment>): Plan {
  const target = find(plan, doctor, block);
  return { ...plan, assignments: plan.assignments.map((a) => (a === target ? { ...a, ...change(a) } : a)) };
}

const moved = (weeks: number) => (a: Assignment) => ({ from: addWeeks(a.from, weeks), to: addWeeks(a.to, weeks) });

function withExtra(plan: Plan, ...extra: Assignment[]): Plan {
  return { ...plan, assignments: [...plan.assignments, ...extra] };
}

function withoutAssignment(plan: Plan, doctor: string, block: string): Plan {
  const target = find(plan, doctor, block);
  return { ...plan, assignments: plan.assignments.filter((a) => a !== target) };
}

/** The default template with one block changed (or removed with `null`). */
function blocksWith(id: string, change: Partial<Block> | null): Block[] {
  return defaultBlocks().flatMap((b) => (b.id !== id ? [b] : change === null ? [] : [aBlock({ ...b, ...change })]));
}

/** The default template plus a common-education cohort block in weeks [6, 8), inside the acute block. */
const withEducation = () =>
  aProblem({
    blocks: [...defaultBlocks(), aBlock({ id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, offset: 6 })],
  });

/** The default template plus common education on the cohort's common weeks [6, 8) (`at`), inside the acute block. */
const withCohortEducation = () =>
  aProblem({
    blocks: [...defaultBlocks(), aBlock({ id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, at: week(6) })],
  });

const twoDoctors = (sites = defaultSites()) =>
  aProblem({ sites, doctors: [aDoctor(), aDoctor({ id: 'd2', name: 'Doktor Två' })] });

const codes = (violations: Violation[]) => violations.map((v) => v.code);

// ── valid plans ──────────────────────────────────────────────────────────────────────────

describe('a valid plan', () => {
  it('the default plan has no violations at all', () => {
    const problem = aProblem();
    expect(validatePlan(problem, aPlan(problem))).toEqual([]);
  });

  it('two doctors in staggered rotations share capacity-1 sites without violations', () => {
    const problem = twoDoctors();
    const plan = aPlan(problem, { d2: { order: ['pc', 'psy', 'acute'] } });
    expect(validatePlan(problem, plan)).toEqual([]);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('the hand-made plan of preset %s has no errors and no warnings', (_id, preset) => {
    expect(planErrors(preset.problem, preset.plan)).toEqual([]);
    expect(validatePlan(preset.problem, preset.plan)).toEqual([]);
  });
});

// ── one broken rule at a time ────────────────────────────────────────────────────────────

interface Case {
  code: ViolationCode;
  rule: string;
  build: () => { problem: Problem; plan: Plan };
  /** Every violation reported, in order (severity is added from the code). */
  expected: Partial<Violation>[];
}

const onDefault = (change: (plan: Plan) => Plan) => () => {
  const problem = aProblem();
  return { problem, plan: change(aPlan(problem)) };
};

const valid = (problem: Problem, rotations: Record<string, Rotation> = {}) => () => ({
  problem,
  plan: aPlan(problem, rotations),
});

const d1 = { doctor: 'd1' };

const cases: Case[] = [
  {
    code: 'unknown-reference',
    rule: 'every assignment names a doctor of the problem',
    build: onDefault((plan) => withExtra(plan, { doctor: 'd9', block: 'psy', site: 'psy', from: week(30), to: week(34) })),
    expected: [{ doctor: 'd9', block: 'psy' }],
  },
  {
    code: 'unknown-reference',
    rule: 'every assignment names a block of the template',
    build: onDefault((plan) => withExtra(plan, { doctor: 'd1', block: 'surgery', site: 'hosp', from: week(34), to: week(38) })),
    expected: [{ ...d1, block: 'surgery', from: week(34), to: week(38) }],
  },
  {
    code: 'unknown-reference',
    rule: 'every placement names a site of the problem',
    build: onDefault((plan) => edit(plan, 'd1', 'acute', () => ({ site: 'nowhere' }))),
    expected: [{ ...d1, block: 'acute', site: 'nowhere', from: week(2), to: week(17) }],
  },
  {
    code: 'missing-assignment',
    rule: 'every template block has an assignment',
    build: () => ({
      // The plan for the template before a geriatrics block was added.
      problem: aProblem({
        blocks: [...defaultBlocks(), aBlock({ id: 'ger', kind: 'geriatrics', category: 'other', weeks: 4 })],
        sites: [...defaultSites(), aSite({ id: 'ger', name: 'Geriatriken', kinds: ['geriatrics'] })],
      }),
      plan: aPlan(aProblem()),
    }),
    expected: [{ ...d1, block: 'ger' }],
  },
  {
    code: 'duplicate-assignment',
    rule: 'every block has at most one assignment',
    build: onDefault((plan) => withExtra(plan, { doctor: 'd1', block: 'psy', site: 'psy', from: week(34), to: week(38) })),
    expected: [{ ...d1, block: 'psy', from: week(34), to: week(38) }],
  },
  {
    code: 'credited-block-assigned',
    rule: 'the credited block gets no assignment',
    build: () => {
      const problem = aProblem({
        doctors: [aDoctor({ credits: [{ block: 'psy', weeks: 13, decidedBy: 'Studierektor', decidedOn: '2026-01-15' }] })],
      });
      const plan = aPlan(problem); // ends in week 30: no psychiatry
      return { problem, plan: withExtra(plan, { doctor: 'd1', block: 'psy', site: 'psy', from: week(30), to: week(34) }) };
    },
    expected: [{ ...d1, block: 'psy', from: week(30), to: week(34) }],
  },
  {
    code: 'site-missing',
    rule: 'a site block has a site',
    build: onDefault((plan) => edit(plan, 'd1', 'acute', () => ({ site: null }))),
    expected: [{ ...d1, block: 'acute', from: week(2), to: week(17) }],
  },
  {
    code: 'site-not-expected',
    rule: 'a site-less block (vacation) has no site',
    build: onDefault((plan) => edit(plan, 'd1', 'vac', () => ({ site: 'hosp' }))),
    expected: [{ ...d1, block: 'vac', site: 'hosp', from: week(14), to: week(16) }],
  },
  {
    code: 'site-not-expected',
    rule: 'a site-less block (vacation) has no site, not even an unknown one',
    build: onDefault((plan) => edit(plan, 'd1', 'vac', () => ({ site: 'nowhere' }))),
    expected: [{ ...d1, block: 'vac', site: 'nowhere', from: week(14), to: week(16) }],
  },
  {
    code: 'block-length',
    rule: 'a site-less block covers exactly its weeks',
    build: () => ({
      // Laid out for a 1-week vacation, checked against the 2-week template.
      problem: aProblem(),
      plan: aPlan(aProblem({ blocks: blocksWith('vac', { weeks: 1 }) })),
    }),
    expected: [{ ...d1, block: 'vac', from: week(14), to: week(15) }],
  },
  {
    code: 'absence-overlap',
    rule: 'a site-less block (cohort intro) overlaps no absence',
    build: valid(aProblem({ doctors: [aDoctor({ absences: [{ from: week(1), to: week(2) }] })] })),
    expected: [{ ...d1, block: 'intro', from: week(0), to: week(2) }],
  },
  {
    code: 'service-weeks',
    rule: 'a placement has exactly ceil(weeks / partTime) service weeks',
    build: onDefault((plan) => edit(plan, 'd1', 'psy', () => ({ to: week(35) }))),
    expected: [{ ...d1, block: 'psy', site: 'psy', from: week(30), to: week(35) }],
  },
  {
    code: 'placement-edge',
    rule: 'a placement begins with a service week, not an absence',
    build: () => {
      const problem = aProblem({ doctors: [aDoctor({ absences: [{ from: week(17), to: week(18) }] })] });
      // pc is laid out as [18, 31); [17, 31) holds the same 13 service weeks but begins in the absence.
      return { problem, plan: edit(aPlan(problem), 'd1', 'pc', () => ({ from: week(17) })) };
    },
    expected: [{ ...d1, block: 'pc', site: 'vc', from: week(17), to: week(31) }],
  },
  {
    code: 'overlap',
    rule: "a doctor's site blocks never overlap",
    // pc and psy one week earlier: pc [16, 29) overlaps acute [2, 17) in week 16.
    build: onDefault((plan) => edit(edit(plan, 'd1', 'pc', moved(-1)), 'd1', 'psy', moved(-1))),
    expected: [{ ...d1, block: 'pc', from: week(16), to: week(17) }],
  },
  {
    code: 'before-start',
    rule: "no assignment begins before the doctor's start",
    build: () => {
      // An intro without offset, so only the start (not the offset) is broken: the whole year one week early.
      const problem = aProblem({ blocks: blocksWith('intro', { offset: undefined }) });
      const plan = aPlan(problem, { d1: { at: { intro: week(0), vac: week(14) } } });
      return { problem, plan: { ...plan, assignments: plan.assignments.map((a) => ({ ...a, ...moved(-1)(a) })) } };
    },
    expected: [{ ...d1, block: 'intro', from: week(-1), to: week(1) }],
  },
  {
    code: 'coverage-gap',
    rule: 'assignments and absences cover every week from the start to the end',
    build: onDefault((plan) => edit(plan, 'd1', 'psy', moved(1))),
    expected: [{ ...d1, from: week(30), to: week(31) }],
  },
  {
    code: 'offset',
    rule: "a block with an offset starts exactly that many weeks after the doctor's start",
    // Common education moved from [6, 8) to [7, 9): still inside acute, which keeps its 13 service weeks.
    build: () => {
      const problem = withEducation();
      return { problem, plan: edit(aPlan(problem), 'd1', 'edu', moved(1)) };
    },
    expected: [{ ...d1, block: 'edu', from: week(7), to: week(9) }],
  },
  {
    code: 'at',
    rule: "a block with a cohort week (at) starts exactly that Monday, whatever the doctor's start",
    // Common education on the cohort's week 6, moved to [7, 9): still inside acute.
    build: () => {
      const problem = withCohortEducation();
      return { problem, plan: edit(aPlan(problem), 'd1', 'edu', moved(1)) };
    },
    expected: [
      {
        ...d1,
        block: 'edu',
        from: week(7),
        to: week(9),
        message_sv: 'Doktor Ett [d1]: Gemensam utbildning ska börja v. 16 2026 som för hela kohorten, börjar v. 17 2026',
        message_en: 'Doktor Ett [d1]: Common education must start w. 16 2026 as for the whole cohort, starts w. 17 2026',
      },
    ],
  },
  {
    code: 'window',
    rule: 'a block with a window lies wholly inside it',
    // Vacation from 2026-05-25, the window opens 2026-06-01.
    build: valid(aProblem(), { d1: { at: { vac: week(12) } } }),
    expected: [{ ...d1, block: 'vac', from: week(12), to: week(14) }],
  },
  {
    code: 'pin',
    rule: "a pin's week holds",
    build: valid(aProblem({ doctors: [aDoctor({ pins: [{ block: 'pc', from: week(18) }] })] })),
    expected: [{ ...d1, block: 'pc', site: 'vc', from: week(17), to: week(30) }],
  },
  {
    code: 'pin',
    rule: "a pin's site holds",
    build: valid(
      aProblem({
        sites: [...defaultSites(), aSite({ id: 'hosp2', name: 'Sjukhus två', kinds: ['acute'] })],
        doctors: [aDoctor({ pins: [{ block: 'acute', site: 'hosp2' }] })],
      }),
    ),
    expected: [{ ...d1, block: 'acute', site: 'hosp', from: week(2), to: week(17) }],
  },
  {
    code: 'site-kind',
    rule: "the site offers the block's kind",
    build: onDefault((plan) => edit(plan, 'd1', 'acute', () => ({ site: 'vc' }))),
    expected: [{ ...d1, block: 'acute', site: 'vc', from: week(2), to: week(17) }],
  },
  {
    code: 'site-not-allowed',
    rule: "the site is in the doctor's allowedSites for the block",
    build: valid(
      aProblem({
        sites: [...defaultSites(), aSite({ id: 'vc2', name: 'Vårdcentral två', kinds: ['primary-care'] })],
        doctors: [aDoctor({ allowedSites: { pc: ['vc2'] } })],
      }),
      { d1: { sites: { pc: 'vc' } } },
    ),
    expected: [{ ...d1, block: 'pc', site: 'vc', from: week(17), to: week(30) }],
  },
  {
    code: 'capacity',
    rule: 'doctors in service at a site in a week are at most its capacity',
    // Two doctors in the same rotation: only psychiatry has capacity 1.
    build: valid(twoDoctors([aSite({ id: 'hosp', capacity: 2 }), aSite({ id: 'vc', kinds: ['primary-care'], capacity: 2 }), aSite({ id: 'psy', kinds: ['psychiatry'], capacity: 1 })])),
    expected: [{ site: 'psy', from: week(30), to: week(34), doctors: ['d1', 'd2'] }],
  },
  {
    code: 'acute-minimum',
    rule: 'at least 13 weeks of acute care',
    build: valid(aProblem({ blocks: blocksWith('acute', { weeks: 9 }) })),
    expected: [{ ...d1, message_en: expect.stringContaining('9 weeks of acute care') as string }],
  },
  {
    code: 'primary-care-minimum',
    rule: 'at least 13 weeks of primary care',
    build: valid(aProblem({ blocks: blocksWith('pc', { weeks: 9 }) })),
    expected: [{ ...d1, message_en: expect.stringContaining('9 weeks of primary care') as string }],
  },
  {
    code: 'total-minimum',
    rule: 'at least 26 weeks of service in total',
    // Acute + primary care >= 26 whenever both minimums hold, so a short total always comes with a short category.
    build: valid(aProblem({ blocks: blocksWith('acute', { weeks: 9 }).map((b) => (b.id === 'psy' ? { ...b, weeks: 3 } : b)) })),
    expected: [
      { code: 'acute-minimum', ...d1 },
      { code: 'total-minimum', ...d1, message_en: expect.stringContaining('25 weeks of service in total') as string },
    ],
  },
  {
    code: 'goal-not-covered',
    rule: 'every BT goal is covered by some block (warning)',
    // Primary care is the only block covering BT3.
    build: valid(aProblem({ blocks: blocksWith('pc', { goals: ['BT4', 'BT5', 'BT6', 'BT7', 'BT8'] }) })),
    expected: [{ ...d1, goals: ['BT3'] }],
  },
  {
    code: 'bt2-without-psychiatry',
    rule: 'a year without psychiatry needs another plan for BT2 (warning)',
    build: valid(aProblem({ blocks: blocksWith('psy', null) })),
    expected: [{ ...d1, goals: ['BT2'] }],
  },
  {
    code: 'credit-exception',
    rule: 'a second credited block stands on a recorded exception (a note, not a fault)',
    build: valid(
      aProblem({
        doctors: [
          aDoctor({
            credits: ['psy', 'pc'].map((block) => ({ block, weeks: 13, decidedBy: 'Studierektor', decidedOn: '2026-01-15' })),
            creditException: { reason: 'Påbörjad BT i annan region', decidedBy: 'Studierektor', decidedOn: '2026-01-15' },
          }),
        ],
      }),
    ),
    expected: [{ ...d1, message_en: 'Doktor Ett [d1]: two credited blocks (Psychiatry and Primary care) by a recorded exception, decided by Studierektor on 2026-01-15' }],
  },
];

describe('each rule of a valid plan, broken alone', () => {
  it('the cases cover every violation code', () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(VIOLATION_CODES));
  });

  it.each(cases.map((c) => [c.code, c.rule, c] as const))('%s: %s', (code, _rule, { build, expected }) => {
    const { problem, plan } = build();
    const violations = validatePlan(problem, plan);
    const expectedCodes = expected.map((e) => e.code ?? code);
    expect(codes(violations)).toEqual(expectedCodes);
    expect(violations).toEqual(
      expected.map((e, i) =>
        expect.objectContaining({
          ...e,
          code: expectedCodes[i],
          severity: NOTES.includes(expectedCodes[i]!) ? 'note' : WARNINGS.includes(expectedCodes[i]!) ? 'warning' : 'error',
          message_sv: e.message_sv ?? expect.stringMatching(/\S/),
          message_en: e.message_en ?? expect.stringMatching(/\S/),
        }),
      ),
    );
  });
});

// ── part-time, absences, straddling ──────────────────────────────────────────────────────

describe('part-time', () => {
  const problem = aProblem({
    blocks: blocksWith('psy', { weeks: 9 }),
    doctors: [aDoctor({ partTime: 0.75 })],
  });

  it('a doctor at 0.75 needs 12 service weeks for a 9-week block', () => {
    expect(requiredServiceWeeks(9, 0.75)).toBe(12);
    const plan = aPlan(problem);
    const psy = find(plan, 'd1', 'psy');
    expect(weeksBetween(psy.from, psy.to)).toBe(12);
    expect(validatePlan(problem, plan)).toEqual([]);
  });

  it('a 9-week range for a 9-week block at 0.75 is service-weeks', () => {
    const plan = edit(aPlan(problem), 'd1', 'psy', (a) => ({ to: addWeeks(a.from, 9) }));
    const psy = find(plan, 'd1', 'psy');
    expect(validatePlan(problem, plan)).toEqual([
      expect.objectContaining({ code: 'service-weeks', severity: 'error', doctor: 'd1', block: 'psy', site: 'psy', from: psy.from, to: psy.to }),
    ]);
  });
});

describe('absences', () => {
  it('an absence inside a placement is skipped: the placement and the BT end later by its length, and the plan is valid', () => {
    const problem = aProblem({ doctors: [aDoctor({ absences: [{ from: week(20), to: week(22) }] })] });
    const plan = aPlan(problem);
    expect(find(aPlan(aProblem()), 'd1', 'pc').to).toBe(week(30));
    expect(find(plan, 'd1', 'pc')).toMatchObject({ from: week(17), to: week(32) });
    expect(plan.assignments.map((a) => a.to).sort().at(-1)).toBe(week(36));
    expect(validatePlan(problem, plan)).toEqual([]);
  });

  it('an absence overlapping a vacation block is absence-overlap', () => {
    const problem = aProblem({ doctors: [aDoctor({ absences: [{ from: week(15), to: week(16) }] })] });
    expect(validatePlan(problem, aPlan(problem))).toEqual([
      expect.objectContaining({ code: 'absence-overlap', severity: 'error', doctor: 'd1', block: 'vac', from: week(14), to: week(16) }),
    ]);
  });
});

describe('placements around vacation and cohort weeks', () => {
  it('a placement straddling vacation is valid when its service weeks are right', () => {
    const problem = aProblem();
    const plan = aPlan(problem);
    expect(find(plan, 'd1', 'acute')).toMatchObject({ from: week(2), to: week(17) });
    expect(find(plan, 'd1', 'vac')).toMatchObject({ from: week(14), to: week(16) });
    expect(validatePlan(problem, plan)).toEqual([]);
  });

  it('a placement straddling cohort weeks and vacation is valid when its service weeks are right', () => {
    const problem = withEducation();
    const plan = aPlan(problem);
    expect(find(plan, 'd1', 'edu')).toMatchObject({ from: week(6), to: week(8) });
    expect(find(plan, 'd1', 'acute')).toMatchObject({ from: week(2), to: week(19) });
    expect(validatePlan(problem, plan)).toEqual([]);
  });

  it("common education on the cohort's week (at) lies on the same weeks for doctors who start on different Mondays", () => {
    const problem = aProblem({
      blocks: [...defaultBlocks(), aBlock({ id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, at: week(6) })],
      sites: defaultSites().map((s) => ({ ...s, capacity: 2 })),
      doctors: [aDoctor(), aDoctor({ id: 'd2', name: 'Doktor Två', start: week(2) })],
    });
    const plan = aPlan(problem, { d2: { order: ['pc', 'acute', 'psy'], at: { vac: week(20) } } });
    expect(plan.assignments.filter((a) => a.block === 'edu').map((a) => [a.doctor, a.from, a.to])).toEqual([
      ['d1', week(6), week(8)],
      ['d2', week(6), week(8)],
    ]);
    expect(planErrors(problem, plan)).toEqual([]);
  });

  // Vacation in [15, 17): acute is laid out [2, 15) and pc [17, 30).
  const problem = aProblem();
  const base = aPlan(problem, { d1: { at: { vac: week(15) } } });
  it.each([
    ['last', 'acute', edit(base, 'd1', 'acute', () => ({ to: week(17) })), { from: week(2), to: week(17) }],
    ['first', 'pc', edit(base, 'd1', 'pc', () => ({ from: week(15) })), { from: week(15), to: week(30) }],
  ] as const)('a placement whose %s week is vacation is placement-edge (same service weeks)', (_edge, block, plan, range) => {
    expect(validatePlan(problem, base)).toEqual([]);
    expect(validatePlan(problem, plan)).toEqual([
      expect.objectContaining({ code: 'placement-edge', severity: 'error', doctor: 'd1', block, ...range }),
    ]);
  });
});

// ── credit ───────────────────────────────────────────────────────────────────────────────

describe('a credited block (tillgodoräknande)', () => {
  // A template whose only primary care block is 9 weeks: too short on its own.
  const blocks = blocksWith('pc', { weeks: 9 });
  const credit = { block: 'pc', weeks: 13, decidedBy: 'Studierektor', decidedOn: '2026-01-15' };
  const problem = aProblem({ blocks, doctors: [aDoctor({ credits: [credit] })] });

  it('without the credit the 9-week primary care block is below the minimum', () => {
    const uncredited = aProblem({ blocks });
    expect(codes(validatePlan(uncredited, aPlan(uncredited)))).toEqual(['primary-care-minimum']);
  });

  it('gets no assignment, shortens the year, and its 13 credited weeks meet the primary-care minimum', () => {
    const plan = aPlan(problem);
    expect(plan.assignments.map((a) => a.block)).not.toContain('pc');
    // intro [0, 2), acute [2, 17), psy [17, 21): 9 weeks shorter than with primary care.
    expect(plan.assignments.map((a) => a.to).sort().at(-1)).toBe(week(21));
    expect(validatePlan(problem, plan)).toEqual([]);
  });

  it('assigning the credited block is credited-block-assigned', () => {
    const plan = withExtra(aPlan(problem), { doctor: 'd1', block: 'pc', site: 'vc', from: week(21), to: week(30) });
    expect(validatePlan(problem, plan)).toEqual([
      expect.objectContaining({ code: 'credited-block-assigned', severity: 'error', doctor: 'd1', block: 'pc', from: week(21), to: week(30) }),
    ]);
  });
});

// ── capacity ─────────────────────────────────────────────────────────────────────────────

describe('capacity', () => {
  const capacityViolation = (site: string, from: string, to: string) =>
    expect.objectContaining({ code: 'capacity', severity: 'error', site, from, to, doctors: ['d1', 'd2'] });
  const sites = (hospital: Partial<SiteInput>) => [
    aSite({ id: 'hosp', capacity: 2, ...hospital }),
    aSite({ id: 'vc', kinds: ['primary-care'], capacity: 2 }),
    aSite({ id: 'psy', kinds: ['psychiatry'], capacity: 2 }),
  ];

  it('is reported per run of over-capacity service weeks, with the site and every doctor concerned', () => {
    // Both doctors in acute [2, 17); vacation weeks 14–15 are not service and split the run.
    const problem = twoDoctors(sites({ capacity: 1 }));
    expect(validatePlan(problem, aPlan(problem))).toEqual([
      capacityViolation('hosp', week(2), week(14)),
      capacityViolation('hosp', week(16), week(17)),
    ]);
  });

  it('an override lowers the capacity in its range only', () => {
    const problem = twoDoctors(sites({ overrides: [{ from: week(4), to: week(8), capacity: 1 }] }));
    expect(validatePlan(problem, aPlan(problem))).toEqual([capacityViolation('hosp', week(4), week(8))]);
  });

  it('the last override covering a week wins', () => {
    const all = { from: week(0), to: week(40), capacity: 1 };
    const early = { from: week(2), to: week(10), capacity: 2 };
    const lastRaises = twoDoctors(sites({ overrides: [all, early] }));
    expect(validatePlan(lastRaises, aPlan(lastRaises))).toEqual([
      capacityViolation('hosp', week(10), week(14)),
      capacityViolation('hosp', week(16), week(17)),
    ]);
    const lastLowers = twoDoctors(sites({ overrides: [early, all] }));
    expect(validatePlan(lastLowers, aPlan(lastLowers))).toEqual([
      capacityViolation('hosp', week(2), week(14)),
      capacityViolation('hosp', week(16), week(17)),
    ]);
  });
});

// ── capacity shared with the region's other cohorts ──────────────────────────────────────

describe("capacity shared with the region's other cohorts (taken)", () => {
  // One doctor in acute [2, 17) at 'hosp' (capacity 2), vacation [14, 16) not in service.
  const withTaken = (taken: SiteInput['taken'], capacity = 2, overrides: SiteInput['overrides'] = []) =>
    aProblem({ sites: [aSite({ id: 'hosp', capacity, overrides, taken }), ...defaultSites().slice(1)] });
  const capacityErrors = (problem: Problem) => planErrors(problem, aPlan(problem)).filter((v) => v.code === 'capacity');

  it('a problem without taken load is checked as before', () => {
    expect(validatePlan(withTaken(undefined), aPlan(withTaken(undefined)))).toEqual([]);
  });

  it('load that leaves room is no violation', () => {
    expect(capacityErrors(withTaken([{ from: week(0), to: week(40), doctors: 1 }]))).toEqual([]);
  });

  it('this cohort plus the other cohorts over capacity is a violation per run, giving both parts and the capacity', () => {
    const problem = withTaken([{ from: week(4), to: week(8), doctors: 2, cohort: 'Höst 2026' }]);
    expect(capacityErrors(problem)).toEqual([
      expect.objectContaining({
        code: 'capacity',
        site: 'hosp',
        from: week(4),
        to: week(8),
        doctors: ['d1'],
        load: { cohort: 1, others: 2, capacity: 2 },
        message_sv: `Sjukhuset: 3 BT-läkare i tjänst ${formatWeekRange({ from: week(4), to: week(8) }, 'sv')} (1 i denna kohort, 2 i andra kohorter), kapacitet 2`,
        message_en: `Sjukhuset: 3 BT doctors in service ${formatWeekRange({ from: week(4), to: week(8) }, 'en')} (1 in this cohort, 2 in other cohorts), capacity 2`,
      }),
    ]);
  });

  it('taken ranges add up', () => {
    const problem = withTaken([
      { from: week(0), to: week(10), doctors: 1 },
      { from: week(6), to: week(20), doctors: 1 },
    ]);
    // 1 + 1 + this cohort's doctor > 2 where both ranges cover a service week: [6, 10).
    expect(capacityErrors(problem).map((v) => [v.from, v.to, v.load])).toEqual([[week(6), week(10), { cohort: 1, others: 2, capacity: 2 }]]);
  });

  it('a run splits where the taken load changes', () => {
    const problem = withTaken(
      [
        { from: week(2), to: week(5), doctors: 1 },
        { from: week(5), to: week(7), doctors: 2 },
      ],
      1,
    );
    expect(capacityErrors(problem).map((v) => [v.from, v.to, v.load!.others])).toEqual([
      [week(2), week(5), 1],
      [week(5), week(7), 2],
    ]);
  });

  it('counts against the override in force that week', () => {
    const problem = withTaken([{ from: week(0), to: week(40), doctors: 1 }], 2, [{ from: week(10), to: week(12), capacity: 1 }]);
    expect(capacityErrors(problem).map((v) => [v.from, v.to, v.load])).toEqual([[week(10), week(12), { cohort: 1, others: 1, capacity: 1 }]]);
  });

  it('weeks in which this cohort has nobody at the site break nothing of its plan, even when the others alone exceed the capacity', () => {
    // Vacation [14, 16) is not service: the other cohorts' 3 > 2 there are theirs to mend.
    const problem = withTaken([{ from: week(14), to: week(16), doctors: 3 }]);
    expect(capacityErrors(problem)).toEqual([]);
  });

  it('a week the others already fill is over for any doctor of this cohort there', () => {
    const problem = withTaken([{ from: week(16), to: week(17), doctors: 3 }]);
    expect(capacityErrors(problem).map((v) => [v.from, v.to, v.load])).toEqual([[week(16), week(17), { cohort: 1, others: 3, capacity: 2 }]]);
  });
});

// ── scale ────────────────────────────────────────────────────────────────────────────────

describe('scale', () => {
  it('checks a valid plan for 1,500 doctors (time logged, not asserted)', () => {
    const towns = 50;
    const perTown = 30;
    const sites = Array.from({ length: towns }, (_, t) => [
      aSite({ id: `hosp-${t}`, town: `Stad ${t}`, kinds: ['acute'], capacity: perTown }),
      aSite({ id: `vc-${t}`, town: `Stad ${t}`, kinds: ['primary-care'], capacity: perTown }),
      aSite({ id: `psy-${t}`, town: `Stad ${t}`, kinds: ['psychiatry'], capacity: perTown }),
    ]).flat();
    const orders = [['acute', 'pc', 'psy'], ['pc', 'psy', 'acute'], ['psy', 'acute', 'pc']];
    const doctors = Array.from({ length: towns * perTown }, (_, i) => {
      const t = Math.floor(i / perTown);
      return aDoctor({
        id: `d${i}`,
        name: `Doktor ${i}`,
        town: `Stad ${t}`,
        allowedSites: { acute: [`hosp-${t}`], pc: [`vc-${t}`], psy: [`psy-${t}`] },
      });
    });
    const problem = aProblem({ sites, doctors });
    const plan = aPlan(problem, Object.fromEntries(doctors.map((d, i) => [d.id, { order: orders[i % 3]! }])));
    expect(problem.doctors).toHaveLength(1500);

    const started = performance.now();
    const violations = validatePlan(problem, plan);
    const ms = performance.now() - started;
    console.log(`validatePlan: ${problem.doctors.length} doctors, ${plan.assignments.length} assignments in ${ms.toFixed(1)} ms`);

    expect(violations.filter((v) => v.severity === 'error')).toEqual([]);
  });
});
