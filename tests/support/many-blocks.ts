// A planted instance with a template of many short site blocks (14 or 26 of 2–4 weeks, plus an
// intro and a summer vacation): each doctor gets a random order and random sites, and every
// site's capacity is that plan's weekly peak plus `slack`, so a valid plan exists.
import { seededRandom } from '../../server/solver/random';
import { layoutRotation } from '../../shared/domain/rotation';
import { addWeeks, weekIndex } from '../../shared/domain/weeks';
import type { Assignment } from '../../shared/format/plan';
import { problemSchema, type Problem } from '../../shared/format/problem';

const CATEGORIES = ['acute', 'primary-care', 'psychiatry', 'other'] as const;

export function aManyBlockProblem(spec: { doctors: number; siteBlocks: number; seed?: number; sitesPerKind?: number; slack?: number }): {
  problem: Problem;
  planted: Assignment[];
} {
  const random = seededRandom(spec.seed ?? 1);
  const sitesPerKind = spec.sitesPerKind ?? 3;
  const blocks = [
    { id: 'intro', kind: 'intro', category: 'cohort', weeks: 2, offset: 0 },
    ...Array.from({ length: spec.siteBlocks }, (_, b) => ({
      id: `b${b}`,
      kind: `k${b}`,
      // Mostly acute and primary care (the regulation's 13 weeks each), every fifth block other.
      category: b % 5 === 0 && b > 0 ? CATEGORIES[2 + ((b / 5) % 2)]! : CATEGORIES[b % 2]!,
      weeks: 2 + ((b * 7 + 3) % 3),
    })),
    { id: 'vac', kind: 'vacation', category: 'vacation', weeks: 4, window: { from: '2026-06-01', to: '2026-08-31' } },
  ];
  const sites = Array.from({ length: spec.siteBlocks * sitesPerKind }, (_, i) => ({
    id: `s${Math.floor(i / sitesPerKind)}-${i % sitesPerKind}`,
    name: `Site ${i}`,
    town: `T${i % sitesPerKind}`,
    kinds: [`k${Math.floor(i / sitesPerKind)}`],
    capacity: 1000,
  }));
  const doctors = Array.from({ length: spec.doctors }, (_, i) => ({
    id: `d${String(i).padStart(4, '0')}`,
    name: `Doctor ${i}`,
    town: `T${i % sitesPerKind}`,
    start: addWeeks('2026-01-05', i % 6),
    partTime: i % 5 === 4 ? 0.75 : 1,
  }));
  let problem = problemSchema.parse({ format: 'bt-planning-problem/1', name: 'many-blocks', blocks, sites, doctors });

  const planted: Assignment[] = [];
  for (const doctor of problem.doctors) {
    const order = problem.blocks.filter((b) => b.category !== 'cohort' && b.category !== 'vacation').map((b) => b.id);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const vacation = addWeeks('2026-06-01', Math.floor(random() * 9));
    const placements = order.map((block) => ({ block, site: `s${block.slice(1)}-${Math.floor(random() * sitesPerKind)}` }));
    planted.push(...layoutRotation(problem, doctor, { placements, at: { vac: vacation } }));
  }
  // Capacity at the planted plan's weekly peak per site (plus slack).
  const peak = new Map<string, number>();
  const load = new Map<string, number>();
  const vacationWeeks = new Map<string, Set<number>>();
  for (const a of planted) {
    if (a.site !== null) continue;
    const weeks = vacationWeeks.get(a.doctor) ?? new Set<number>();
    for (let w = weekIndex(a.from); w < weekIndex(a.to); w++) weeks.add(w);
    vacationWeeks.set(a.doctor, weeks);
  }
  for (const a of planted) {
    if (a.site === null) continue;
    for (let w = weekIndex(a.from); w < weekIndex(a.to); w++) {
      if (vacationWeeks.get(a.doctor)?.has(w)) continue;
      const key = `${a.site}@${w}`;
      const n = (load.get(key) ?? 0) + 1;
      load.set(key, n);
      peak.set(a.site, Math.max(peak.get(a.site) ?? 0, n));
    }
  }
  problem = { ...problem, sites: problem.sites.map((s) => ({ ...s, capacity: (peak.get(s.id) ?? 0) + (spec.slack ?? 0) })) };
  return { problem, planted };
}
