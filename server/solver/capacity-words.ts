// How an explanation words the capacity of some sites over a window of weeks. A site's capacity
// is shared by the region's cohorts, so when other cohorts take part of it the words give the
// capacity, what they take and who they are, and what is left for the cohort being planned.
import { siteWeek } from '../../shared/domain/capacity';
import type { Lang } from '../../shared/domain/labels';
import type { SolverModel } from './model';

export interface CapacityCount {
  /** Doctor-weeks the sites' capacity gives over the window. */
  total: number;
  /** Of those, taken by other cohorts: Σ min(capacity, taken) a week, so total − taken = left. */
  taken: number;
  /** What the cohort being planned may use: Σ of the model's capacity (the residual). */
  left: number;
  /** The site's capacity when one site has the same every week of the window. */
  capacity?: number;
  /** The other cohorts taking part of it: names, distinct and sorted, then "other cohorts" for unnamed load. */
  cohorts: { names: string[]; unnamed: boolean };
}

/** Counts sites `sites` (model indices) over week indices [from, to). */
export function countCapacity(model: SolverModel, sites: number[], from: number, to: number): CapacityCount {
  const { weekCount, firstWeek, weekNames } = model;
  let total = 0;
  let left = 0;
  const capacities = new Set<number>();
  for (const s of sites) {
    const site = model.problem.sites[s]!;
    for (let w = from; w < to; w++) {
      const capacity = siteWeek(site, weekNames[w - firstWeek]!).capacity;
      total += capacity;
      left += model.capacity[s * weekCount + w - firstWeek]!;
      capacities.add(capacity);
    }
  }
  const taken = total - left;
  const names = new Set<string>();
  let unnamed = false;
  if (taken > 0) {
    const window = { from: weekNames[from - firstWeek]!, to: weekNames[to - firstWeek]! };
    for (const s of sites) {
      for (const t of model.problem.sites[s]!.taken ?? []) {
        if (t.doctors === 0 || t.to <= window.from || window.to <= t.from) continue;
        if (t.cohort === undefined) unnamed = true;
        else names.add(t.cohort);
      }
    }
  }
  return {
    total,
    taken,
    left,
    ...(sites.length === 1 && capacities.size === 1 ? { capacity: [...capacities][0]! } : {}),
    cohorts: { names: [...names].sort((a, b) => a.localeCompare(b, 'sv')), unnamed },
  };
}

/**
 * The subject and its verb: "8 läkare behöver", or "8 läkare i denna kohort behöver" when other
 * cohorts share the capacity counted ("1 doctor needs", "8 doctors in this cohort need").
 */
export function doctorsNeed(doctors: number, count: CapacityCount, lang: Lang): string {
  const shared = count.taken > 0;
  if (lang === 'sv') return `${doctors} läkare${shared ? ' i denna kohort' : ''} behöver`;
  return `${doctors} ${doctors === 1 ? 'doctor' : 'doctors'}${shared ? ' in this cohort' : ''} ${doctors === 1 ? 'needs' : 'need'}`;
}

/** "A, B och C" / "A, B and C". */
export function listWords(items: string[], lang: Lang): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'sv' ? 'och' : 'and'} ${items.at(-1)}`;
}

/** "Kohort A och andra kohorter": the named cohorts, then the load that has no name. */
function cohortsWords({ names, unnamed }: CapacityCount['cohorts'], lang: Lang): string {
  const others = unnamed || names.length === 0 ? [lang === 'sv' ? 'andra kohorter' : 'other cohorts'] : [];
  return listWords([...names, ...others], lang);
}

/**
 * What the capacity gives: "kapacitet 3 ger 42 läkarveckor" ('per-week': the capacity a week
 * when there is one, and the unit) or "kapaciteten ger 42" ('sum'). With other cohorts' load:
 * "…, varav 28 tagna av Västernorrland VT 2026: 14 kvar"; without, the residual alone.
 */
export function capacityGives(count: CapacityCount, lang: Lang, style: 'per-week' | 'sum'): string {
  const sv = lang === 'sv';
  const perWeek = style === 'per-week' && count.capacity !== undefined;
  const gives = sv ? (perWeek ? `kapacitet ${count.capacity} ger` : 'kapaciteten ger') : perWeek ? `capacity ${count.capacity} gives` : 'the capacity gives';
  const unit = style === 'per-week' ? (sv ? ' läkarveckor' : ' doctor-weeks') : '';
  if (count.taken === 0) return `${gives} ${count.left}${unit}`;
  const by = cohortsWords(count.cohorts, lang);
  return sv
    ? `${gives} ${count.total}${unit}, varav ${count.taken} tagna av ${by}: ${count.left} kvar`
    : `${gives} ${count.total}${unit}, of which ${count.taken} are taken by ${by}: ${count.left} left`;
}
