// Readiness for "intyg om uppnådd baskompetens": per doctor, every item of the BT checklist that
// is still open — goals BT1–BT18, the regulation's minimum weeks, the assessments each placement
// expects, BT-kollegium and the external assessment — and which of them are behind schedule by
// today. Nothing open: ready. Assessment kinds are a region's data; the built-in ones are here.
import type { IsoDate } from './dates';
import type { BtGoalId } from './goals';
import type { Lang } from './labels';
import { ownValue } from './own';
import { shortfallMessage, type RegulationShortfall } from './regulation';
import { formatWeek, formatWeekRange, mondayOf, type Week } from './weeks';

export interface AssessmentKind {
  id: string;
  name_sv: string;
  name_en: string;
}

/** Socialstyrelsen's standard assessments and the regions' own milestones (Kronoberg, Västernorrland). */
export const BUILT_IN_ASSESSMENT_KINDS: readonly AssessmentKind[] = [
  { id: 'mini-cex', name_sv: 'Mini-CEX', name_en: 'Mini-CEX' },
  { id: 'dops', name_sv: 'DOPS', name_en: 'DOPS' },
  { id: 'cbd', name_sv: 'CBD', name_en: 'CBD' },
  { id: 'specialistkollegium', name_sv: 'Specialistkollegium', name_en: 'Specialist panel' },
  { id: 'samlad-bedomning', name_sv: 'Samlad bedömning', name_en: 'Summative assessment' },
  { id: 'bt-kollegium', name_sv: 'BT-kollegium', name_en: 'BT panel' },
  { id: 'extern-bedomning', name_sv: 'Extern bedömning', name_en: 'External assessment' },
];

/** One placement's assessments: how many of each kind its block expects, and how many are recorded as done. */
export interface PlacementAssessments {
  placement: string;
  /** The block's name, for messages. */
  block: string;
  from: Week;
  /** Exclusive: the Monday after its last week. */
  to: Week;
  expected: Readonly<Record<string, number>>;
  done: Readonly<Record<string, number>>;
}

/** A once-in-the-BT milestone (BT-kollegium, the external assessment): held or not, and the week it is due. */
export interface Milestone {
  held: boolean;
  /** The Monday of the week it should be held by; null when not yet known (no published plan). */
  due: Week | null;
}

export interface ReadinessInput {
  today: IsoDate;
  /** Goals the doctor's placed and credited blocks leave uncovered (goalCoverage().missing). */
  missingGoals: readonly BtGoalId[];
  /** The regulation's minimum weeks not reached (regulationShortfalls()). */
  shortfalls: readonly RegulationShortfall[];
  placements: readonly PlacementAssessments[];
  kollegium: Milestone;
  external: Milestone;
  /** The Monday after the doctor's last week of BT; null without a published plan. */
  end: Week | null;
}

export type OpenItem =
  | { item: 'goal'; goal: BtGoalId; behind: boolean }
  | { item: 'regulation'; rule: RegulationShortfall['rule']; weeks: number; required: number; behind: boolean }
  | { item: 'assessment'; placement: string; block: string; from: Week; to: Week; kind: string; expected: number; done: number; behind: boolean }
  | { item: 'bt-kollegium'; due: Week | null; behind: boolean }
  | { item: 'external-assessment'; due: Week | null; behind: boolean };

export interface Readiness {
  /** Nothing open: the doctor is ready for the certificate. */
  ready: boolean;
  open: OpenItem[];
}

/**
 * What the doctor's BT still lacks. An assessment is behind once its placement has ended with
 * fewer done than expected; a milestone once its due week has passed; goals and minimum weeks
 * once the BT has ended (until then a replan may still add them).
 */
export function readiness(input: ReadinessInput): Readiness {
  const current = mondayOf(input.today);
  // `to` and `end` are exclusive (the Monday after the last week); a due week is the last one allowed.
  const ended = (to: Week | null) => to !== null && to <= current;
  const overdue = (due: Week | null) => due !== null && due < current;
  const open: OpenItem[] = [];
  for (const goal of input.missingGoals) open.push({ item: 'goal', goal, behind: ended(input.end) });
  for (const s of input.shortfalls) open.push({ item: 'regulation', rule: s.rule, weeks: s.weeks, required: s.required, behind: ended(input.end) });
  const placements = [...input.placements].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const p of placements) {
    for (const [kind, expected] of Object.entries(p.expected)) {
      const done = ownValue(p.done, kind) ?? 0;
      if (done < expected) open.push({ item: 'assessment', placement: p.placement, block: p.block, from: p.from, to: p.to, kind, expected, done, behind: ended(p.to) });
    }
  }
  if (!input.kollegium.held) open.push({ item: 'bt-kollegium', due: input.kollegium.due, behind: overdue(input.kollegium.due) });
  if (!input.external.held) open.push({ item: 'external-assessment', due: input.external.due, behind: overdue(input.external.due) });
  return { ready: open.length === 0, open };
}

/** One line per open item, for the checklist and its printable page. */
export function openItemMessage(item: OpenItem, lang: Lang, kinds: readonly AssessmentKind[] = BUILT_IN_ASSESSMENT_KINDS): string {
  const sv = lang === 'sv';
  switch (item.item) {
    case 'goal':
      return sv ? `Delmål ${item.goal} täcks inte av någon placering` : `Goal ${item.goal} is not covered by any placement`;
    case 'regulation':
      return shortfallMessage(item, lang);
    case 'assessment': {
      const kind = kinds.find((k) => k.id === item.kind);
      const name = kind ? (sv ? kind.name_sv : kind.name_en) : item.kind;
      const weeks = formatWeekRange(item, lang);
      return sv
        ? `${name}: ${item.done} av ${item.expected} gjorda under ${item.block} ${weeks}`
        : `${name}: ${item.done} of ${item.expected} done in ${item.block} ${weeks}`;
    }
    case 'bt-kollegium': {
      const due = item.due ? (sv ? ` (senast ${formatWeek(item.due, 'sv')})` : ` (due ${formatWeek(item.due, 'en')})`) : '';
      return sv ? `BT-kollegium har inte hållits${due}` : `The BT panel has not been held${due}`;
    }
    case 'external-assessment': {
      const due = item.due ? (sv ? ` (senast ${formatWeek(item.due, 'sv')})` : ` (due ${formatWeek(item.due, 'en')})`) : '';
      return sv ? `Extern bedömning har inte gjorts${due}` : `The external assessment has not been made${due}`;
    }
  }
}
