// A doctor's BT checklist from what is stored: the published placements with the assessments
// their blocks expect and those recorded, the goals and minimum weeks they reach (credit
// included), the milestones' due weeks — and, through readiness(), what is still open. Pure: the
// server reads, this counts; a cohort's matrix is one summary row per checklist.
import type { Category } from './block-kinds';
import { needsSite } from './block-kinds';
import type { IsoDate } from './dates';
import type { BtGoalId } from './goals';
import { milestonesOf, serviceWeeksOf } from './milestones';
import { ownValue } from './own';
import { readiness, type Milestone, type Readiness } from './readiness';
import { addCreditedWeeks, fullTimeWeeks, goalCoverage, regulationShortfalls, type RegulationShortfall, type ServiceByCategory } from './regulation';
import type { Week, WeekRange } from './weeks';

/** The assessment kind whose record holds the BT-kollegium milestone. */
export const KOLLEGIUM_KIND = 'bt-kollegium';
/** The assessment kind whose record holds the external assessment. */
export const EXTERNAL_KIND = 'extern-bedomning';

export interface ChecklistBlock {
  id: string;
  kind: string;
  category: Category;
  name?: string;
  goals?: BtGoalId[];
  /** Kind id → how many each placement of the block expects. */
  assessments: Readonly<Record<string, number>>;
}

export interface ChecklistPlacement {
  placement: string;
  block: string;
  site: string | null;
  from: Week;
  to: Week;
}

export interface ChecklistInput {
  today: IsoDate;
  doctor: { partTime: number; absences: readonly WeekRange[]; credits: readonly { block: string; weeks: number }[] };
  blocks: readonly ChecklistBlock[];
  /** The published plan's placements of the doctor; none without a published plan. */
  placements: readonly ChecklistPlacement[];
  /** Recorded assessments: their kind and block (null for the milestones). */
  assessments: readonly { kind: string; block: string | null }[];
  /** The cohort's BT-kollegium months; null: halfway through the service weeks. */
  kollegiumMonths: readonly number[] | null;
  /** A block's name in the open items' messages; its id when not given. */
  blockName?: (id: string) => string;
}

export interface PlacementCount extends ChecklistPlacement {
  expected: Record<string, number>;
  done: Record<string, number>;
}

export interface DoctorChecklist {
  /** Placements that need a site or expect assessments, by start. */
  placements: PlacementCount[];
  goals: { covered: BtGoalId[]; missing: BtGoalId[] };
  shortfalls: RegulationShortfall[];
  kollegium: Milestone;
  external: Milestone;
  readiness: Readiness;
}

export function doctorChecklist(input: ChecklistInput): DoctorChecklist {
  const blocks = new Map(input.blocks.map((b) => [b.id, b]));
  const placed = [...input.placements].sort((a, b) => a.from.localeCompare(b.from));
  const placements: PlacementCount[] = [];
  for (const p of placed) {
    const block = blocks.get(p.block);
    const expected = { ...(block?.assessments ?? {}) };
    if (!block || (!needsSite(block.category) && Object.keys(expected).length === 0)) continue;
    const done: Record<string, number> = {};
    for (const a of input.assessments) if (a.block === p.block) done[a.kind] = (ownValue(done, a.kind) ?? 0) + 1;
    placements.push({ ...p, expected, done });
  }

  // Service as validatePlan counts it: a site placement's service weeks at the part-time rate, and the credited weeks.
  const service: ServiceByCategory = {};
  const add = (category: Category, weeks: number) => void (service[category] = (service[category] ?? 0) + weeks);
  const perPlacement = new Map<ChecklistPlacement, number>();
  for (const { placement } of serviceWeeksOf(placed, input.doctor.absences)) perPlacement.set(placement, (perPlacement.get(placement) ?? 0) + 1);
  for (const [p, weeks] of perPlacement) {
    const block = blocks.get(p.block);
    if (block) add(block.category, fullTimeWeeks(weeks, input.doctor.partTime));
  }
  const credited = addCreditedWeeks(service, blocks, input.doctor.credits);
  const coverage = goalCoverage([...placed.flatMap((p) => blocks.get(p.block) ?? []), ...credited]);
  const shortfalls = regulationShortfalls(service);

  const milestones = milestonesOf(placed, input.doctor.absences, input.kollegiumMonths);
  const held = (kind: string) => input.assessments.some((a) => a.kind === kind);
  const kollegium = { held: held(KOLLEGIUM_KIND), due: milestones.kollegium[0]?.week ?? null };
  const external = { held: held(EXTERNAL_KIND), due: milestones.external?.week ?? null };
  const end = placed.reduce<Week | null>((max, p) => (max === null || p.to > max ? p.to : max), null);
  const blockName = input.blockName ?? ((id: string) => blocks.get(id)?.name ?? id);
  return {
    placements,
    goals: { covered: coverage.covered, missing: coverage.missing },
    shortfalls,
    kollegium,
    external,
    readiness: readiness({
      today: input.today,
      missingGoals: coverage.missing,
      shortfalls,
      placements: placements.map((p) => ({ placement: p.placement, block: blockName(p.block), from: p.from, to: p.to, expected: p.expected, done: p.done })),
      kollegium,
      external,
      end,
    }),
  };
}

export interface ChecklistSummary {
  /** Per kind expected anywhere or recorded: done (every recorded one of the kind), expected (over the placements), behind (a placement that ended lacks one). */
  assessments: Record<string, { done: number; expected: number; behind: boolean }>;
  goalsMissing: number;
  regulationOpen: number;
  kollegium: { held: boolean; behind: boolean };
  external: { held: boolean; behind: boolean };
  /** Open items behind schedule. */
  behind: number;
}

/** One row of a cohort's matrix: a doctor's checklist counted per kind and item. */
export function checklistSummary(checklist: DoctorChecklist, assessments: readonly { kind: string }[], kindIds: readonly string[]): ChecklistSummary {
  const counts: ChecklistSummary['assessments'] = {};
  const cell = (kind: string) => ownValue(counts, kind) ?? (counts[kind] = { done: 0, expected: 0, behind: false });
  for (const kind of kindIds) cell(kind);
  for (const p of checklist.placements) for (const [kind, n] of Object.entries(p.expected)) cell(kind).expected += n;
  for (const a of assessments) cell(a.kind).done += 1;
  const open = checklist.readiness.open;
  for (const item of open) if (item.item === 'assessment' && item.behind) cell(item.kind).behind = true;
  const behindOf = (kind: 'bt-kollegium' | 'external-assessment') => open.some((o) => o.item === kind && o.behind);
  return {
    assessments: counts,
    goalsMissing: checklist.goals.missing.length,
    regulationOpen: checklist.shortfalls.length,
    kollegium: { held: checklist.kollegium.held, behind: behindOf('bt-kollegium') },
    external: { held: checklist.external.held, behind: behindOf('external-assessment') },
    behind: open.filter((o) => o.behind).length,
  };
}
