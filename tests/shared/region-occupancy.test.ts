// The region's load per site and week (Beläggning): every cohort's doctors in service added up
// against the site's capacity, runs of equal weeks, drafts in place of published plans in the
// "with drafts" view, over-capacity site-weeks counted.
import { describe, expect, it } from 'vitest';
import { entriesInView, loadSpan, regionOccupancy, type CohortSiteLoad, type OccupancyCohort, type OccupancySite, type OccupancyView } from '../../shared/domain/region-occupancy';
import { weeksBetween } from '../../shared/domain/weeks';
import { week } from '../support/builders';

const spring: OccupancyCohort = { uuid: '00000000-0000-4000-8000-000000000001', draft: null };
const autumn: OccupancyCohort = { uuid: '00000000-0000-4000-8000-000000000002', draft: 3 };
const hosp: OccupancySite = { id: 'hosp', capacity: 2, overrides: [] };
const vc: OccupancySite = { id: 'vc', capacity: 1, overrides: [{ from: week(4), to: week(6), capacity: 0 }] };

const runs = (...list: [number, number, number][]) => list.map(([from, to, doctors]) => ({ from: week(from), to: week(to), doctors }));
const entry = (cohort: OccupancyCohort, site: string, plan: 'published' | 'draft', ...list: [number, number, number][]): CohortSiteLoad => ({
  site,
  cohort: cohort.uuid,
  plan,
  runs: runs(...list),
});
/** A run as [from, to, capacity, doctors per cohort, over] with weeks as numbers after START. */
type Row = [number, number, number, number[], boolean];
const rows = (site: { runs: { from: string; to: string; capacity: number; byCohort: number[]; total: number; over: boolean }[] }): Row[] =>
  site.runs.map((r) => {
    expect(r.total).toBe(r.byCohort.reduce((a, b) => a + b, 0));
    return [weeksBetween(week(0), r.from), weeksBetween(week(0), r.to), r.capacity, r.byCohort, r.over];
  });

const load: CohortSiteLoad[] = [
  entry(spring, 'hosp', 'published', [0, 4, 1], [6, 10, 2]),
  entry(autumn, 'hosp', 'published', [2, 8, 1]),
  entry(autumn, 'hosp', 'draft', [8, 12, 1]),
  entry(spring, 'vc', 'published', [3, 5, 1]),
];
const region = { cohorts: [spring, autumn], sites: [hosp, vc], load };

describe('regionOccupancy', () => {
  it.each<[string, OccupancyView, string, Row[]]>([
    [
      'published: two cohorts add up at a site, over where together they exceed its capacity',
      'published',
      'hosp',
      [
        [0, 2, 2, [1, 0], false],
        [2, 4, 2, [1, 1], false],
        [4, 6, 2, [0, 1], false],
        [6, 8, 2, [2, 1], true],
        [8, 10, 2, [2, 0], false],
        [10, 12, 2, [0, 0], false],
      ],
    ],
    [
      "with drafts: a cohort's newest draft replaces its published plan, a cohort without one keeps it",
      'drafts',
      'hosp',
      [
        [0, 4, 2, [1, 0], false],
        [4, 6, 2, [0, 0], false],
        [6, 8, 2, [2, 0], false],
        [8, 10, 2, [2, 1], true],
        [10, 12, 2, [0, 1], false],
      ],
    ],
    [
      'an override lowers the capacity for its weeks: the last covering one wins, a load within it is over',
      'published',
      'vc',
      [
        [0, 3, 1, [0, 0], false],
        [3, 4, 1, [1, 0], false],
        [4, 5, 0, [1, 0], true],
        [5, 6, 0, [0, 0], false],
        [6, 12, 1, [0, 0], false],
      ],
    ],
  ])('%s', (_rule, view, site, expected) => {
    const result = regionOccupancy(region, view);
    expect(rows(result.sites.find((s) => s.site === site)!)).toEqual(expected);
  });

  it('counts the site-weeks over capacity and the sites with any, per view', () => {
    const published = regionOccupancy(region, 'published');
    expect([published.overWeeks, published.overSites, published.sites.map((s) => s.overWeeks)]).toEqual([3, 2, [2, 1]]);
    const drafts = regionOccupancy(region, 'drafts');
    expect([drafts.overWeeks, drafts.overSites, drafts.sites.map((s) => s.overWeeks)]).toEqual([3, 2, [2, 1]]);
    const fits = regionOccupancy({ ...region, sites: [{ ...hosp, capacity: 3 }, { ...vc, overrides: [] }] }, 'published');
    expect([fits.overWeeks, fits.overSites]).toEqual([0, 0]);
  });

  it('spans the weeks of every plan, so switching the view keeps the columns', () => {
    expect(loadSpan(load)).toEqual({ from: week(0), to: week(12) });
    expect(regionOccupancy(region, 'published').range).toEqual(regionOccupancy(region, 'drafts').range);
    expect(loadSpan([])).toBeUndefined();
  });

  it('gives a site without any load one run of spare capacity over the whole range, and keeps the sites in order', () => {
    const empty: OccupancySite = { id: 'empty', capacity: 4, overrides: [] };
    const result = regionOccupancy({ ...region, sites: [empty, hosp] }, 'published');
    expect(result.sites.map((s) => s.site)).toEqual(['empty', 'hosp']);
    expect(rows(result.sites[0]!)).toEqual([[0, 12, 4, [0, 0], false]]);
  });

  it('clips runs and overrides to a given range, and leaves out load of cohorts it was not given', () => {
    const result = regionOccupancy({ cohorts: [spring], sites: [hosp, vc], load }, 'published', { from: week(3), to: week(7) });
    expect(rows(result.sites[0]!)).toEqual([
      [3, 4, 2, [1], false],
      [4, 6, 2, [0], false],
      [6, 7, 2, [2], false],
    ]);
    expect(rows(result.sites[1]!)).toEqual([
      [3, 4, 1, [1], false],
      [4, 5, 0, [1], true],
      [5, 6, 0, [0], false],
      [6, 7, 1, [0], false],
    ]);
  });

  it('without any load there are no weeks and nothing over', () => {
    expect(regionOccupancy({ ...region, load: [] }, 'drafts')).toEqual({
      range: undefined,
      sites: [
        { site: 'hosp', runs: [], overWeeks: 0 },
        { site: 'vc', runs: [], overWeeks: 0 },
      ],
      overWeeks: 0,
      overSites: 0,
    });
  });
});

describe('entriesInView', () => {
  it.each<[OccupancyView, string[]]>([
    ['published', ['spring hosp published', 'autumn hosp published', 'spring vc published']],
    ['drafts', ['spring hosp published', 'autumn hosp draft', 'spring vc published']],
  ])('%s counts %j', (view, expected) => {
    const name = (uuid: string) => (uuid === spring.uuid ? 'spring' : 'autumn');
    expect(entriesInView(region.cohorts, load, view).map((e) => `${name(e.cohort)} ${e.site} ${e.plan}`)).toEqual(expected);
  });

  it('a cohort with a draft that places nobody at a site counts nothing there, not its published plan', () => {
    const onlyPublished = [entry(autumn, 'vc', 'published', [0, 2, 1])];
    expect(entriesInView([autumn], onlyPublished, 'drafts')).toEqual([]);
  });
});
