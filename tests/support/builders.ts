// Small builders for tests: a parsed problem (zod defaults filled) with a short template,
// its sites and doctors, and a valid plan for it laid out by `layoutRotation`.
//
// The default problem, one doctor starting 2026-03-02 (week 0):
//   intro  cohort        2 weeks, offset 0
//   acute  acute        13 weeks  at 'hosp'
//   pc     primary-care 13 weeks  at 'vc'
//   psy    psychiatry    4 weeks  at 'psy'
//   vac    vacation      2 weeks  inside June–August
// and its plan: intro [0, 2), acute [2, 17) straddling vacation [14, 16), pc [17, 30), psy [30, 34).
import type { z } from 'zod';
import type { Assignment, Plan } from '../../shared/format/plan';
import {
  blockSchema,
  doctorSchema,
  problemSchema,
  problemSiteSchema,
  type Block,
  type Doctor,
  type DoctorInput,
  type Problem,
  type ProblemInput,
  type Site,
} from '../../shared/format/problem';
import { needsSite } from '../../shared/domain/block-kinds';
import { blocksToAssign, layoutRotation } from '../../shared/domain/rotation';
import { addWeeks, type Week } from '../../shared/domain/weeks';

export const START = '2026-03-02';

/** The Monday `n` weeks after START. */
export const week = (n: number): Week => addWeeks(START, n);

export function aBlock(input: z.input<typeof blockSchema>): Block {
  return blockSchema.parse(input);
}

export type SiteInput = z.input<typeof problemSiteSchema>;

export function aSite(overrides: Partial<SiteInput> = {}): Site {
  return problemSiteSchema.parse({ id: 'hosp', name: 'Sjukhuset', town: 'Staden', kinds: ['acute'], capacity: 1, ...overrides });
}

export function aDoctor(overrides: Partial<DoctorInput> = {}): Doctor {
  return doctorSchema.parse({ id: 'd1', name: 'Doktor Ett', town: 'Staden', start: START, ...overrides });
}

export const defaultBlocks = (): Block[] => [
  aBlock({ id: 'intro', kind: 'intro', category: 'cohort', weeks: 2, offset: 0 }),
  aBlock({ id: 'acute', kind: 'acute', category: 'acute', weeks: 13 }),
  aBlock({ id: 'pc', kind: 'primary-care', category: 'primary-care', weeks: 13 }),
  aBlock({ id: 'psy', kind: 'psychiatry', category: 'psychiatry', weeks: 4 }),
  aBlock({ id: 'vac', kind: 'vacation', category: 'vacation', weeks: 2, window: { from: '2026-06-01', to: '2026-08-31' } }),
];

export const defaultSites = (): Site[] => [
  aSite({ id: 'hosp', name: 'Sjukhuset', kinds: ['acute'] }),
  aSite({ id: 'vc', name: 'Vårdcentralen', kinds: ['primary-care'] }),
  aSite({ id: 'psy', name: 'Psykiatrin', kinds: ['psychiatry'] }),
];

export function aProblem(overrides: Partial<ProblemInput> = {}): Problem {
  return problemSchema.parse({
    format: 'bt-planning-problem/1',
    name: 'Testkohort',
    blocks: defaultBlocks(),
    sites: defaultSites(),
    doctors: [aDoctor()],
    ...overrides,
  });
}

/** How one doctor's year is laid out; everything is optional. */
export interface Rotation {
  /** Site blocks in order (default: template order, credited block left out). */
  order?: string[];
  /** Site per block (default: the doctor's first allowed site, else the first site offering the kind). */
  sites?: Record<string, string>;
  /** Start of site-less blocks without offset (default: vacation 'vac' in week 14). */
  at?: Record<string, Week>;
}

export function rotationAssignments(problem: Problem, doctor: Doctor, rotation: Rotation = {}): Assignment[] {
  const blocks = new Map(problem.blocks.map((b) => [b.id, b]));
  const order = rotation.order ?? blocksToAssign(problem, doctor).filter((b) => needsSite(b.category)).map((b) => b.id);
  const placements = order.map((id) => {
    const block = blocks.get(id);
    if (!block) throw new Error(`rotation: unknown block ${id}`);
    const site =
      rotation.sites?.[id] ?? doctor.allowedSites?.[id]?.[0] ?? problem.sites.find((s) => s.kinds.includes(block.kind))?.id;
    if (!site) throw new Error(`rotation: no site offers ${block.kind}`);
    return { block: id, site };
  });
  return layoutRotation(problem, doctor, { placements, at: rotation.at ?? { vac: week(14) } });
}

/** A plan for every doctor of the problem; valid when the rotations and capacities fit. */
export function aPlan(problem: Problem, rotations: Record<string, Rotation> = {}): Plan {
  const assignments = problem.doctors.flatMap((d) => rotationAssignments(problem, d, rotations[d.id]));
  return { format: 'bt-plan/1', assignments, explanation: [], stats: {} };
}
