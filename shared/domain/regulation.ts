// The regulation of BT (HSLF-FS 2021:8) as counted per doctor: at least three months of
// acute care and of primary care, six months in all, and which BT goals the placements cover.
import type { Block, Credit } from '../format/problem';
import { builtInBlockKind, type Category } from './block-kinds';
import { BT_GOAL_IDS, type BtGoalId } from './goals';

export const MIN_ACUTE_WEEKS = 13;
export const MIN_PRIMARY_CARE_WEEKS = 13;
export const MIN_TOTAL_WEEKS = 26;

export function goalsOf(block: Pick<Block, 'kind' | 'goals'>): readonly BtGoalId[] {
  return block.goals ?? builtInBlockKind(block.kind)?.goals ?? [];
}

/** Full-time-equivalent service weeks per category, credit included. */
export type ServiceByCategory = Partial<Record<Category, number>>;

export interface RegulationShortfall {
  rule: 'acute-minimum' | 'primary-care-minimum' | 'total-minimum';
  weeks: number;
  required: number;
}

/** Part-time service counts at its rate: 12 service weeks at 0.75 are 9 weeks of BT. */
export function fullTimeWeeks(serviceWeeks: number, partTime: number): number {
  return Math.round(serviceWeeks * partTime * 100) / 100;
}

/**
 * Counts every credit's weeks (one credit, or two with a recorded exception) as service of its
 * block's category; returns the credited blocks known in `blocks` (their goals count as covered).
 */
export function addCreditedWeeks<B extends Pick<Block, 'id' | 'category'>>(service: ServiceByCategory, blocks: ReadonlyMap<string, B>, credits: readonly Pick<Credit, 'block' | 'weeks'>[]): B[] {
  return credits.flatMap((credit) => {
    const block = blocks.get(credit.block);
    if (!block) return [];
    service[block.category] = (service[block.category] ?? 0) + credit.weeks;
    return [block];
  });
}

export function regulationShortfalls(service: ServiceByCategory): RegulationShortfall[] {
  const acute = service.acute ?? 0;
  const primary = service['primary-care'] ?? 0;
  const total = acute + primary + (service.psychiatry ?? 0) + (service.other ?? 0);
  const out: RegulationShortfall[] = [];
  if (acute < MIN_ACUTE_WEEKS) out.push({ rule: 'acute-minimum', weeks: acute, required: MIN_ACUTE_WEEKS });
  if (primary < MIN_PRIMARY_CARE_WEEKS) {
    out.push({ rule: 'primary-care-minimum', weeks: primary, required: MIN_PRIMARY_CARE_WEEKS });
  }
  if (total < MIN_TOTAL_WEEKS) out.push({ rule: 'total-minimum', weeks: total, required: MIN_TOTAL_WEEKS });
  return out;
}

const SHORTFALL_WORDS = {
  'acute-minimum': { sv: 'akutsjukvård', en: 'acute care' },
  'primary-care-minimum': { sv: 'primärvård', en: 'primary care' },
  'total-minimum': { sv: 'tjänstgöring totalt', en: 'service in total' },
} as const;

/** "9 veckor primärvård, minst 13 krävs": the plan checks and the BT checklist word a shortfall alike. */
export function shortfallMessage(s: RegulationShortfall, lang: 'sv' | 'en'): string {
  const what = SHORTFALL_WORDS[s.rule][lang];
  return lang === 'sv' ? `${s.weeks} veckor ${what}, minst ${s.required} krävs` : `${s.weeks} weeks of ${what}, at least ${s.required} required`;
}

export interface GoalCoverage {
  covered: BtGoalId[];
  missing: BtGoalId[];
  hasPsychiatry: boolean;
}

/** Goals covered by a doctor's blocks (placed or credited). */
export function goalCoverage(blocks: readonly Pick<Block, 'kind' | 'goals' | 'category'>[]): GoalCoverage {
  const covered = new Set<BtGoalId>();
  for (const block of blocks) for (const goal of goalsOf(block)) covered.add(goal);
  return {
    covered: BT_GOAL_IDS.filter((g) => covered.has(g)),
    missing: BT_GOAL_IDS.filter((g) => !covered.has(g)),
    hasPsychiatry: blocks.some((b) => b.category === 'psychiatry'),
  };
}
