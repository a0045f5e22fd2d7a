// A region's load (Beläggning) per site and week: every cohort's BT doctors in service against
// the site's capacity, from the published plans only or with each cohort's newest draft in place
// of its published plan. Weeks with the same capacity and the same doctors per cohort form one
// run, so a region of 800 sites is a few thousand runs rather than tens of thousands of weeks.
import type { CapacityOverride } from '../format/problem';
import { capacityAt } from './capacity';
import { weekFromIndex, weekIndex, type Week, type WeekRange } from './weeks';

/** Published plans only, or each cohort's newest draft where it has one. */
export type OccupancyView = 'published' | 'drafts';

export interface OccupancyCohort {
  uuid: string;
  /** Number of the cohort's newest draft, null when it has none. */
  draft: number | null;
}

export interface OccupancySite {
  id: string;
  capacity: number;
  overrides: CapacityOverride[];
}

/** One cohort's doctors in service at one site, from one of its plans, as runs of weeks. */
export interface CohortSiteLoad {
  site: string;
  cohort: string;
  plan: 'published' | 'draft';
  runs: { from: Week; to: Week; doctors: number }[];
}

export interface OccupancyRun {
  from: Week;
  to: Week;
  capacity: number;
  /** Doctors in service per cohort, in the order the cohorts were given. */
  byCohort: number[];
  total: number;
  /** More doctors in service than the capacity (every cohort together). */
  over: boolean;
}

export interface SiteOccupancy {
  site: string;
  /** Runs covering the whole range, in order. */
  runs: OccupancyRun[];
  /** Weeks over capacity. */
  overWeeks: number;
}

export interface RegionOccupancy {
  range: WeekRange | undefined;
  /** In the order the sites were given. */
  sites: SiteOccupancy[];
  /** Site-weeks over capacity in the region. */
  overWeeks: number;
  /** Sites over capacity in at least one week. */
  overSites: number;
}

/** The weeks from the first to the last week anyone is in service in any plan (both views share them). */
export function loadSpan(load: CohortSiteLoad[]): WeekRange | undefined {
  let from: Week | undefined;
  let to: Week | undefined;
  for (const entry of load) {
    for (const run of entry.runs) {
      if (from === undefined || run.from < from) from = run.from;
      if (to === undefined || run.to > to) to = run.to;
    }
  }
  return from !== undefined && to !== undefined ? { from, to } : undefined;
}

/** The load entries a view counts: a cohort's draft replaces its published plan in 'drafts'. */
export function entriesInView(cohorts: OccupancyCohort[], load: CohortSiteLoad[], view: OccupancyView): CohortSiteLoad[] {
  if (view === 'published') return load.filter((e) => e.plan === 'published');
  const drafted = new Set(cohorts.filter((c) => c.draft !== null).map((c) => c.uuid));
  return load.filter((e) => (drafted.has(e.cohort) ? e.plan === 'draft' : e.plan === 'published'));
}

/**
 * Per site, the runs of weeks of `range` (default: `loadSpan` of all the load) with the doctors
 * of each cohort and the capacity (`capacityAt`), marked over when all of them together exceed it.
 */
export function regionOccupancy(
  input: { cohorts: OccupancyCohort[]; sites: OccupancySite[]; load: CohortSiteLoad[] },
  view: OccupancyView,
  range: WeekRange | undefined = loadSpan(input.load),
): RegionOccupancy {
  if (!range) return { range, sites: input.sites.map((s) => ({ site: s.id, runs: [], overWeeks: 0 })), overWeeks: 0, overSites: 0 };
  const cohortIndex = new Map(input.cohorts.map((c, i) => [c.uuid, i]));
  const bySite = new Map<string, CohortSiteLoad[]>();
  for (const entry of entriesInView(input.cohorts, input.load, view)) {
    if (!cohortIndex.has(entry.cohort)) continue;
    (bySite.get(entry.site) ?? bySite.set(entry.site, []).get(entry.site)!).push(entry);
  }
  const first = weekIndex(range.from);
  const end = weekIndex(range.to);
  let overWeeks = 0;
  let overSites = 0;
  const sites = input.sites.map((site) => {
    const result = siteRuns(site, bySite.get(site.id) ?? [], cohortIndex, input.cohorts.length, first, end);
    overWeeks += result.overWeeks;
    if (result.overWeeks > 0) overSites++;
    return result;
  });
  return { range, sites, overWeeks, overSites };
}

/** A sweep over the weeks where something changes: a run's start or end, an override's edge. */
function siteRuns(site: OccupancySite, entries: CohortSiteLoad[], cohortIndex: Map<string, number>, n: number, first: number, end: number): SiteOccupancy {
  const clip = (w: number) => Math.min(end, Math.max(first, w));
  const changes = new Map<number, number[]>();
  const at = (w: number) => changes.get(w) ?? changes.set(w, new Array<number>(n).fill(0)).get(w)!;
  at(first);
  at(end);
  for (const o of site.overrides) at(clip(weekIndex(o.from))), at(clip(weekIndex(o.to)));
  for (const entry of entries) {
    const c = cohortIndex.get(entry.cohort)!;
    for (const run of entry.runs) {
      const from = clip(weekIndex(run.from));
      const to = clip(weekIndex(run.to));
      if (from >= to) continue;
      at(from)[c]! += run.doctors;
      at(to)[c]! -= run.doctors;
    }
  }
  const edges = [...changes.keys()].sort((a, b) => a - b);
  const counts = new Array<number>(n).fill(0);
  const spans: { from: number; to: number; capacity: number; byCohort: number[] }[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i]!;
    const to = edges[i + 1]!;
    changes.get(from)!.forEach((d, c) => (counts[c]! += d));
    const capacity = capacityAt(site, weekFromIndex(from));
    const last = spans.at(-1);
    if (last && last.capacity === capacity && last.byCohort.every((x, c) => x === counts[c])) last.to = to;
    else spans.push({ from, to, capacity, byCohort: [...counts] });
  }
  let overWeeks = 0;
  const runs = spans.map(({ from, to, capacity, byCohort }) => {
    const total = byCohort.reduce((a, b) => a + b, 0);
    const over = total > capacity;
    if (over) overWeeks += to - from;
    return { from: weekFromIndex(from), to: weekFromIndex(to), capacity, byCohort, total, over };
  });
  return { site: site.id, runs, overWeeks };
}
