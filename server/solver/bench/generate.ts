// Deterministic test and benchmark instances with a planted plan: doctors get random layouts
// and sites, and each site's capacity is set to that plan's weekly peak, so a valid plan is
// known to exist while capacities are tight. Part-time, absences, credits and pins included.
// Infeasible variants: 'one-site' makes one psychiatry site the only choice for its cluster and
// gives it too little capacity (a count per site shows it); 'two-sites' leaves the cluster both
// of its sites for one block but too little capacity in the two together (only the master LP
// shows it). 'loaded' plans a second cohort against the first: both share each cluster's sites,
// the capacity fits the two planted plans together, and the problem is the second cohort's,
// its sites carrying the first cohort's planted load as `taken`.
// `style: 'region'` specs go to region.ts: a region's towns, shared sites and home vårdcentraler (issue 17).
import { kronoberg2026, vasternorrlandVt2026 } from '../../../shared/domain/presets';
import { needsSite } from '../../../shared/domain/block-kinds';
import { loadRuns, siteLoad } from '../../../shared/domain/load';
import { blocksToAssign, btEnd, layoutRotation } from '../../../shared/domain/rotation';
import { addWeeks, weekFromIndex, weekIndex } from '../../../shared/domain/weeks';
import type { Plan } from '../../../shared/format/plan';
import { problemSchema, type Block, type Doctor, type DoctorInput, type Problem } from '../../../shared/format/problem';
import { pick, seededRandom, shuffle, type Random } from '../random';
import { generateRegionInstance, sitelessStarts, type RegionSpec } from './region';

/** A generated instance: the tidy clusters below (the default), or a region (region.ts). */
export type InstanceSpec = ClusterSpec | RegionInstanceSpec;

/** Region style (issue 17): towns, shared sites, home vårdcentraler, Kronoberg/Västernorrland or many-block templates. */
export interface RegionInstanceSpec extends RegionSpec {
  style: 'region';
}

export interface ClusterSpec {
  style?: 'cluster';
  name: string;
  region: 'kronoberg' | 'vasternorrland' | 'mixed';
  doctors: number;
  seed: number;
  infeasible?: 'one-site' | 'two-sites';
  /** Doctors per town cluster (they share its sites); larger clusters are harder. Default 8. */
  clusterSize?: number;
  /** Capacity follows the planted plan week by week (overrides, one place of slack), not just its peak. */
  tight?: boolean;
  /**
   * A second cohort of `doctors`, starting LOADED_LATER weeks after the first in the same
   * clusters, is planned against the first one's planted plan (its sites' `taken`).
   */
  loaded?: boolean;
}

export interface Instance {
  spec: InstanceSpec;
  problem: Problem;
  /** A valid plan for the feasible variant (for the infeasible one: before the capacity cut; loaded: the second cohort's). */
  planted: Plan;
  /** Region style, infeasible: the site whose capacity was cut (its explanation names it). */
  cutSite?: string;
}


interface Cohort {
  prefix: string;
  blocks: Block[];
  start: string;
}

/** The loaded instance's second cohort starts this many weeks after the first: their years overlap most of the way. */
const LOADED_LATER = 8;
/** The name the loaded instance gives the first cohort, for explanations. */
export const FIRST_COHORT = 'Första kohorten';

const COHORTS: Record<'kronoberg' | 'vasternorrland', Cohort> = {
  kronoberg: { prefix: 'kr', blocks: kronoberg2026.problem.blocks, start: '2026-01-12' },
  vasternorrland: { prefix: 'vn', blocks: vasternorrlandVt2026.problem.blocks, start: '2026-02-16' },
};

export function generateInstance(spec: InstanceSpec): Instance {
  if (spec.style === 'region') return { spec, ...generateRegionInstance(spec) };
  const random = seededRandom(spec.seed);
  // One problem has one template: "mixed" is the Kronoberg-like template with clusters that
  // alternate between two intakes (v. 3 and v. 8), like a national run of several cohorts.
  const cohort = COHORTS[spec.region === 'vasternorrland' ? 'vasternorrland' : 'kronoberg'];
  const starts = spec.region === 'mixed' ? [cohort.start, '2026-02-16'] : [cohort.start];

  const blocks: Block[] = cohort.blocks;
  const sites: Problem['sites'] = [];
  const doctors: DoctorInput[] = [];
  const rotations: Record<string, Parameters<typeof layoutRotation>[2]> = {};
  const psySiteOfCluster: string[] = [];
  const pairOfCluster: string[][] = [];
  const secondCohort = new Set<string>();

  const siteBlocks = blocks.filter((b) => needsSite(b.category));
  const clusterSize = spec.clusterSize ?? 8;
  const clusters = Math.ceil(spec.doctors / clusterSize);
  for (let c = 0; c < clusters; c++) {
    const town = `${cohort.prefix.toUpperCase()}-stad ${c + 1}`;
    const clusterSites = new Map<string, string[]>();
    for (const block of siteBlocks) {
      // Two sites per block per cluster (one for psychiatry); capacity set later.
      const n = block.category === 'psychiatry' ? 1 : 2;
      const ids: string[] = [];
      for (let k = 0; k < n; k++) {
        const siteId = `${cohort.prefix}-c${c + 1}-${block.id}-${k + 1}`;
        sites.push({ id: siteId, name: `${block.kind} ${town} ${k + 1}`, town, kinds: [block.kind], capacity: 0, overrides: [] });
        ids.push(siteId);
      }
      clusterSites.set(block.id, ids);
      if (block.category === 'psychiatry') psySiteOfCluster.push(ids[0]!);
      else if (pairOfCluster.length === c) pairOfCluster.push(ids);
    }
    const inCluster = Math.min(clusterSize, spec.doctors - c * clusterSize);
    // Loaded: the cluster's second cohort (doctors numbered on) starts later at the same sites.
    const clusterStart = starts[c % starts.length]!;
    const laterStart = addWeeks(clusterStart, LOADED_LATER);
    const clusterStarts = [...Array<string>(inCluster).fill(clusterStart), ...Array<string>(spec.loaded ? inCluster : 0).fill(laterStart)];
    for (let i = 0; i < clusterStarts.length; i++) {
      const doctorId = `${cohort.prefix}-c${c + 1}-d${i + 1}`;
      if (i >= inCluster) secondCohort.add(doctorId);
      const doctor = randomDoctor(random, doctorId, town, clusterStarts[i]!, siteBlocks, clusterSites);
      doctors.push(doctor);
      const order = shuffle(random, siteBlocks.filter((b) => !doctor.credits?.some((cr) => cr.block === b.id)));
      rotations[doctorId] = {
        placements: order.map((b) => ({ block: b.id, site: pick(random, clusterSites.get(b.id)!) })),
      };
    }
  }

  let problem = problemSchema.parse({ format: 'bt-planning-problem/1', name: spec.name, blocks, sites, doctors });
  const assignments = problem.doctors.flatMap((d) => {
    const spec = rotations[d.id]!;
    return layoutRotation(problem, d, { ...spec, at: vacationStarts(random, problem, d) });
  });
  const planted: Plan = { format: 'bt-plan/1', assignments, explanation: [], stats: {} };

  // Pins taken from the planted plan keep it valid.
  problem = {
    ...problem,
    doctors: problem.doctors.map((d) => {
      if (random() >= 0.05) return d;
      const placed = assignments.find((a) => a.doctor === d.id && a.site !== null)!;
      return { ...d, pins: [{ block: placed.block, site: placed.site!, from: placed.from }] };
    }),
  };

  // Capacity: each site's weekly peak in the planted plan.
  const peak = new Map<string, number>();
  const load = new Map<string, number>();
  const doctorsById = new Map(problem.doctors.map((d) => [d.id, d]));
  for (const a of assignments) {
    if (a.site === null) continue;
    const d = doctorsById.get(a.doctor)!;
    const absent = new Set(d.absences.flatMap((r) => range(weekIndex(r.from), weekIndex(r.to))));
    const siteless = new Set(
      assignments.filter((x) => x.doctor === a.doctor && x.site === null).flatMap((x) => range(weekIndex(x.from), weekIndex(x.to))),
    );
    for (const w of range(weekIndex(a.from), weekIndex(a.to))) {
      if (absent.has(w) || siteless.has(w)) continue;
      const key = `${a.site}@${w}`;
      const n = (load.get(key) ?? 0) + 1;
      load.set(key, n);
      peak.set(a.site, Math.max(peak.get(a.site) ?? 0, n));
    }
  }
  problem = {
    ...problem,
    sites: problem.sites.map((s) => ({
      ...s,
      capacity: peak.get(s.id) ?? 0,
      overrides: spec.tight ? weeklyOverrides(s.id, peak.get(s.id) ?? 0, load) : [],
    })),
  };

  let instance = { problem, planted };
  if (spec.loaded) instance = plannedAgainstFirst(problem, planted, secondCohort);
  problem = instance.problem;
  if (spec.infeasible === 'one-site') problem = cutPsychiatry(problem, psySiteOfCluster[0]!);
  if (spec.infeasible === 'two-sites') problem = cutPair(problem, pairOfCluster[0]!);
  return { spec, problem, planted: instance.planted };
}

/**
 * The second cohort's problem and planted plan: the first cohort's doctors leave, their planted
 * service weeks stay behind as each site's `taken`, so the capacity set for both still holds.
 */
function plannedAgainstFirst(problem: Problem, planted: Plan, second: Set<string>): { problem: Problem; planted: Plan } {
  const first = planted.assignments.filter((a) => !second.has(a.doctor));
  const absences = new Map(problem.doctors.filter((d) => !second.has(d.id)).map((d) => [d.id, d.absences]));
  const load = siteLoad(first, absences);
  return {
    problem: {
      ...problem,
      doctors: problem.doctors.filter((d) => second.has(d.id)),
      sites: problem.sites.map((s) => ({ ...s, taken: loadRuns(load.get(s.id) ?? new Map()).map((run) => ({ ...run, cohort: FIRST_COHORT })) })),
    },
    planted: { ...planted, assignments: planted.assignments.filter((a) => second.has(a.doctor)) },
  };
}

/** Every doctor of the first cluster may only use its psychiatry site, which gets capacity 1. */
function cutPsychiatry(problem: Problem, siteId: string): Problem {
  const site = problem.sites.find((s) => s.id === siteId)!;
  const block = problem.blocks.find((b) => b.kind === site.kinds[0] && b.category === 'psychiatry')!;
  const cluster = siteId.slice(0, siteId.indexOf(`-${block.id}-`));
  return {
    ...problem,
    sites: problem.sites.map((s) => (s.id === siteId ? { ...s, capacity: 1, overrides: [] } : s)),
    doctors: problem.doctors.map((d) =>
      d.id.startsWith(`${cluster}-`) && !d.credits.some((c) => c.block === block.id)
        ? { ...d, allowedSites: { ...d.allowedSites, [block.id]: [siteId] } }
        : d,
    ),
  };
}

/** The first cluster's two sites for one block get capacity 0 and 1: too little for its doctors together. */
function cutPair(problem: Problem, [closed, single]: string[]): Problem {
  const capacity = (id: string) => (id === closed ? 0 : id === single ? 1 : undefined);
  return {
    ...problem,
    sites: problem.sites.map((s) => (capacity(s.id) === undefined ? s : { ...s, capacity: capacity(s.id)!, overrides: [] })),
  };
}

function randomDoctor(
  random: Random,
  id: string,
  town: string,
  start: string,
  siteBlocks: Block[],
  clusterSites: Map<string, string[]>,
): DoctorInput {
  const doctor: DoctorInput = { id, name: `Läkare ${id}`, town, start, allowedSites: {} };
  for (const block of siteBlocks) doctor.allowedSites![block.id] = clusterSites.get(block.id)!;
  const r = random();
  if (r < 0.1) doctor.partTime = 0.75;
  else if (r < 0.2) {
    // 4–8 weeks of leave in the autumn, after every vacation window.
    const from = addWeeks(start, 36 + Math.floor(random() * 4));
    doctor.absences = [{ from, to: addWeeks(from, 4 + Math.floor(random() * 5)) }];
  } else if (r < 0.25) {
    const psy = siteBlocks.find((b) => b.category === 'psychiatry')!;
    doctor.credits = [{ block: psy.id, weeks: 13, decidedBy: 'Studierektor', decidedOn: '2025-12-01' }];
  }
  if (random() < 0.3) {
    const block = pick(random, siteBlocks);
    doctor.wishes = [{ block: block.id, site: pick(random, clusterSites.get(block.id)!), weight: 1 }];
  }
  return doctor;
}

/** A random start for each site-less block without offset, inside its window and the year. */
function vacationStarts(random: Random, problem: Problem, doctor: Doctor): Record<string, string> {
  const at: Record<string, string> = {};
  const end = btEnd(problem, doctor);
  for (const block of blocksToAssign(problem, doctor)) {
    if (needsSite(block.category) || block.offset !== undefined) continue;
    const options = sitelessStarts(problem, doctor, block, end);
    at[block.id] = pick(random, options);
  }
  return at;
}


/** Overrides that lower a site's capacity to the planted load + 1 in each run of weeks below its peak. */
function weeklyOverrides(site: string, peak: number, load: Map<string, number>): Problem['sites'][number]['overrides'] {
  const weeks = [...load.keys()].filter((k) => k.startsWith(`${site}@`)).map((k) => Number(k.slice(site.length + 1)));
  if (weeks.length === 0) return [];
  const first = Math.min(...weeks);
  const last = Math.max(...weeks);
  const overrides: Problem['sites'][number]['overrides'] = [];
  for (let w = first; w <= last; ) {
    const capacityAt = (week: number) => Math.min(peak, (load.get(`${site}@${week}`) ?? 0) + 1);
    const capacity = capacityAt(w);
    let end = w + 1;
    while (end <= last && capacityAt(end) === capacity) end++;
    if (capacity < peak) overrides.push({ from: weekFromIndex(w), to: weekFromIndex(end), capacity });
    w = end;
  }
  return overrides;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
