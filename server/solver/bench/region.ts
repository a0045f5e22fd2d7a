// Region-style instances (issue 17): a region's year as coordinators meet it, not the bench's
// tidy clusters. Towns in a row, each with a hospital site per acute kind (shared with the next
// town), psychiatry and the other kinds once per pair of towns, one vårdcentral per home area of
// about three doctors; allowed sites from the home town and home vårdcentral. Part-time (50–90 %),
// absences anywhere in the year (1–6 weeks), credits, late starters, pins, wishes (weights up to
// 100), the vacation window. A planted plan is laid out first and checked with validatePlan;
// each site's capacity is then that plan's weekly peak, lowered by date-ranged overrides to the
// peak of each part of the year, so a plan exists and capacity is tight.
// Templates: Kronoberg (months), Västernorrland (weeks), and two many-block week templates
// (14 and 26 site blocks: acute care split into specialities, short rotations).
import { needsSite } from '../../../shared/domain/block-kinds';
import { kronoberg2026, vasternorrlandVt2026 } from '../../../shared/domain/presets';
import { loadRuns, siteLoad } from '../../../shared/domain/load';
import { layoutRotation, requiredServiceWeeks, btEnd } from '../../../shared/domain/rotation';
import { planErrors } from '../../../shared/domain/validate-plan';
import { addWeeks, weekIndex, weeksBetween } from '../../../shared/domain/weeks';
import type { Assignment, Plan } from '../../../shared/format/plan';
import { problemSchema, type Block, type Doctor, type DoctorInput, type Problem } from '../../../shared/format/problem';
import { pick, seededRandom, shuffle, type Random } from '../random';

export type RegionTemplate = 'kronoberg' | 'vasternorrland' | 'blocks-14' | 'blocks-26';

export interface RegionSpec {
  name: string;
  template: RegionTemplate;
  doctors: number;
  seed: number;
  /** One psychiatry site, the only one its doctors may use, gets too little capacity (counting proves it). */
  infeasible?: 'one-site';
  /** The region's other cohort (as many doctors, same towns) is already planned: its load is the sites' `taken`. */
  loaded?: boolean;
}

export interface RegionInstance {
  problem: Problem;
  /** A valid plan of the feasible variant (infeasible: before the cut; loaded: this cohort's). */
  planted: Plan;
  /** The site whose capacity the infeasible variant cuts. */
  cutSite?: string;
}

/** The name the loaded instance gives the other cohort, for explanations. */
export const OTHER_COHORT = 'Föregående kohort';

/** Doctors per town, about; a vårdcentral serves about VC_DOCTORS of them. */
const TOWN_DOCTORS = 10;
const VC_DOCTORS = 3;
/** Shares of doctors with each trait. */
const SHARE = { partTime: 0.12, lateStart: 0.25, absence: 0.18, secondAbsence: 0.04, credit: 0.05, wish: 0.35, vacationWish: 0.1, pin: 0.05 };
const PART_TIME_RATES = [0.5, 0.6, 0.75, 0.8, 0.9];
const WISH_WEIGHTS = [1, 1, 1, 2, 5, 10, 20, 50, 100];
/** Late starters begin up to this many weeks after the intake. */
const LATE_START_WEEKS = 12;
/** Mondays where the capacity's parts of the year meet: spring, before summer, summer, autumn, winter. */
const CAPACITY_SEASONS = ['2026-04-06', '2026-06-22', '2026-08-17', '2026-10-26', '2027-01-18'];

const WINDOW = { from: '2026-06-01', to: '2026-08-31' };

type SiteBlockRow = [id: string, kind: string, category: 'acute' | 'psychiatry' | 'primary-care' | 'other', weeks: number, name: string];

/** 14 site blocks of 2–7 weeks (46 weeks): six acute specialities, two psychiatry, two primary care, four others. */
const BLOCKS_14: SiteBlockRow[] = [
  ['im', 'internal-medicine', 'acute', 3, 'Internmedicin'],
  ['card', 'cardiology', 'acute', 3, 'Kardiologi'],
  ['surg', 'surgery', 'acute', 3, 'Kirurgi'],
  ['orto', 'orthopaedics', 'acute', 2, 'Ortopedi'],
  ['akut', 'emergency', 'acute', 4, 'Akutmottagning'],
  ['anest', 'anaesthesia', 'acute', 2, 'Anestesi'],
  ['psy', 'psychiatry', 'psychiatry', 4, 'Vuxenpsykiatri'],
  ['bup', 'child-psychiatry', 'psychiatry', 3, 'Barn- och ungdomspsykiatri'],
  ['pc1', 'primary-care', 'primary-care', 7, 'Allmänmedicin 1'],
  ['pc2', 'primary-care', 'primary-care', 7, 'Allmänmedicin 2'],
  ['ger', 'geriatrics', 'other', 2, 'Geriatrik'],
  ['ped', 'paediatrics', 'other', 2, 'Pediatrik'],
  ['inf', 'infection', 'other', 2, 'Infektion'],
  ['rad', 'radiology', 'other', 2, 'Radiologi'],
];

/** 26 site blocks of 1–2 weeks (46 weeks): short rotations. */
const BLOCKS_26: SiteBlockRow[] = [
  ['im1', 'internal-medicine', 'acute', 2, 'Internmedicin 1'],
  ['im2', 'internal-medicine', 'acute', 2, 'Internmedicin 2'],
  ['card', 'cardiology', 'acute', 2, 'Kardiologi'],
  ['surg1', 'surgery', 'acute', 2, 'Kirurgi 1'],
  ['surg2', 'surgery', 'acute', 2, 'Kirurgi 2'],
  ['orto', 'orthopaedics', 'acute', 2, 'Ortopedi'],
  ['akut1', 'emergency', 'acute', 2, 'Akutmottagning 1'],
  ['akut2', 'emergency', 'acute', 2, 'Akutmottagning 2'],
  ['anest', 'anaesthesia', 'acute', 1, 'Anestesi'],
  ['psy1', 'psychiatry', 'psychiatry', 2, 'Vuxenpsykiatri 1'],
  ['psy2', 'psychiatry', 'psychiatry', 2, 'Vuxenpsykiatri 2'],
  ['bup1', 'child-psychiatry', 'psychiatry', 2, 'Barn- och ungdomspsykiatri 1'],
  ['bup2', 'child-psychiatry', 'psychiatry', 1, 'Barn- och ungdomspsykiatri 2'],
  ...[1, 2, 3, 4, 5, 6, 7].map((n): SiteBlockRow => [`pc${n}`, 'primary-care', 'primary-care', 2, `Allmänmedicin ${n}`]),
  ['ger', 'geriatrics', 'other', 2, 'Geriatrik'],
  ['ped', 'paediatrics', 'other', 2, 'Pediatrik'],
  ['inf', 'infection', 'other', 1, 'Infektion'],
  ['rad', 'radiology', 'other', 1, 'Radiologi'],
  ['derm', 'dermatology', 'other', 1, 'Dermatologi'],
  ['ent', 'ear-nose-throat', 'other', 1, 'Öron-näsa-hals'],
];

function templateOf(template: RegionTemplate): { prefix: string; start: string; blocks: Block[] } {
  if (template === 'kronoberg') return { prefix: 'kr', start: '2026-01-12', blocks: kronoberg2026.problem.blocks };
  if (template === 'vasternorrland') return { prefix: 'vn', start: '2026-02-16', blocks: vasternorrlandVt2026.problem.blocks };
  const rows = template === 'blocks-14' ? BLOCKS_14 : BLOCKS_26;
  return {
    prefix: template === 'blocks-14' ? 'b14' : 'b26',
    start: '2026-01-12',
    blocks: [
      { id: 'intro', kind: 'intro', category: 'cohort', weeks: 2, offset: 0, name: 'Introduktion' },
      ...rows.map(([id, kind, category, weeks, name]): Block => ({ id, kind, category, weeks, name })),
      { id: 'vac', kind: 'vacation', category: 'vacation', weeks: 4, window: WINDOW },
    ],
  };
}

interface Town {
  name: string;
  /** Hospital site per acute kind, in this town. */
  hospital: Map<string, string>;
  /** The pair of towns' site per psychiatry or other kind. */
  area: Map<string, string>;
}

export function generateRegionInstance(spec: RegionSpec): RegionInstance {
  const random = seededRandom(spec.seed);
  const { prefix, start, blocks } = templateOf(spec.template);
  const siteBlocks = blocks.filter((b) => needsSite(b.category));
  const hospitalKinds = [...new Set(siteBlocks.filter((b) => b.category === 'acute').map((b) => b.kind))];
  const areaKinds = [...new Set(siteBlocks.filter((b) => b.category === 'psychiatry' || b.category === 'other').map((b) => b.kind))];
  // A site is named by its kind ('Vuxenpsykiatri'), not by one of the blocks it serves ('Vuxenpsykiatri 2').
  const kindName = new Map(siteBlocks.map((b) => [b.kind, (b.name ?? b.kind).replace(/ \d+$/, '')]));

  const sites: Problem['sites'] = [];
  const addSite = (id: string, kind: string, town: string, name: string) => {
    sites.push({ id, name, town, kinds: [kind], capacity: 0, overrides: [] });
    return id;
  };
  const townCount = Math.max(3, Math.ceil(spec.doctors / TOWN_DOCTORS));
  const towns: Town[] = [];
  for (let t = 0; t < townCount; t++) {
    const name = `${prefix.toUpperCase()} Ort ${t + 1}`;
    const hospital = new Map(hospitalKinds.map((kind) => [kind, addSite(`${prefix}-t${t + 1}-${kind}`, kind, name, `${kindName.get(kind)}, ${name}`)]));
    // Psychiatry and the smaller specialities serve a pair of towns, from the first of the two.
    const area = t % 2 === 0 ? new Map(areaKinds.map((kind) => [kind, addSite(`${prefix}-a${t / 2 + 1}-${kind}`, kind, name, `${kindName.get(kind)}, ${name}`)])) : towns[t - 1]!.area;
    towns.push({ name, hospital, area });
  }

  // Home areas: each town's doctors in groups of about VC_DOCTORS, one vårdcentral each; the
  // loaded variant's other cohort lives in the same towns and areas.
  const byTown: number[][] = towns.map(() => []);
  for (let i = 0; i < spec.doctors; i++) byTown[i % townCount]!.push(i);
  const vcsOfTown = byTown.map((members, t) =>
    Array.from({ length: Math.max(1, Math.round(members.length / VC_DOCTORS)) }, (_, v) =>
      addSite(`${prefix}-vc-t${t + 1}-${v + 1}`, 'primary-care', towns[t]!.name, `Vårdcentralen ${towns[t]!.name} ${v + 1}`),
    ),
  );
  const doctors: DoctorInput[] = [];
  for (const cohort of spec.loaded ? [`${prefix}-o`, prefix] : [prefix]) {
    byTown.forEach((members, t) => {
      const town = towns[t]!;
      const next = towns[(t + 1) % townCount]!;
      const vcs = vcsOfTown[t]!;
      members.forEach((i, k) => {
        const allowed: Record<string, string[]> = {};
        for (const block of siteBlocks) {
          if (block.category === 'acute') allowed[block.id] = [town.hospital.get(block.kind)!, next.hospital.get(block.kind)!];
          else if (block.category === 'primary-care') allowed[block.id] = [vcs[k % vcs.length]!];
          else allowed[block.id] = [town.area.get(block.kind)!];
        }
        doctors.push(randomDoctor(random, `${cohort}-d${i + 1}`, town.name, start, blocks, allowed));
      });
    });
  }

  let problem = problemSchema.parse({ format: 'bt-planning-problem/1', name: spec.name, blocks, sites, doctors });
  const assignments: Assignment[] = problem.doctors.flatMap((d) => {
    const order = shuffle(random, siteBlocks.filter((b) => d.credits[0]?.block !== b.id));
    const placements = order.map((b) => ({ block: b.id, site: pick(random, d.allowedSites![b.id]!) }));
    return layoutRotation(problem, d, { placements, at: vacationStarts(random, problem, d) });
  });

  // Pins and wishes once the planted plan is known: pins keep it valid, wishes ask for what it may or may not give.
  problem = {
    ...problem,
    doctors: problem.doctors.map((d) => withPinsAndWishes(random, problem, d, assignments.filter((a) => a.doctor === d.id))),
  };

  // Capacity: each site's weekly peak in the planted plan (both cohorts when loaded), lowered
  // in each part of the year to that part's peak.
  const absences = new Map(problem.doctors.map((d) => [d.id, d.absences]));
  const load = siteLoad(assignments, absences);
  problem = { ...problem, sites: problem.sites.map((s) => ({ ...s, ...seasonalCapacity(load.get(s.id)) })) };

  let planted: Plan = { format: 'bt-plan/1', assignments, explanation: [], stats: {} };
  if (spec.loaded) {
    const other = (id: string) => id.startsWith(`${prefix}-o-`);
    const otherLoad = siteLoad(assignments.filter((a) => other(a.doctor)), absences);
    problem = {
      ...problem,
      doctors: problem.doctors.filter((d) => !other(d.id)),
      sites: problem.sites.map((s) => ({ ...s, taken: loadRuns(otherLoad.get(s.id) ?? new Map()).map((run) => ({ ...run, cohort: OTHER_COHORT })) })),
    };
    planted = { ...planted, assignments: assignments.filter((a) => !other(a.doctor)) };
  }
  const errors = planErrors(problem, planted);
  if (errors.length > 0) throw new Error(`generateRegionInstance ${spec.name}: the planted plan is not valid: ${errors[0]!.message_en}`);

  if (spec.infeasible === 'one-site') {
    const { problem: cut, site } = cutPsychiatry(problem, siteBlocks);
    return { problem: cut, planted, cutSite: site };
  }
  return { problem, planted };
}

function randomDoctor(random: Random, id: string, town: string, intake: string, blocks: Block[], allowedSites: Record<string, string[]>): DoctorInput {
  const siteBlocks = blocks.filter((b) => needsSite(b.category));
  const start = random() < SHARE.lateStart ? addWeeks(intake, 1 + Math.floor(random() * LATE_START_WEEKS)) : intake;
  const doctor: DoctorInput = { id, name: `Läkare ${id}`, town, start, allowedSites };
  if (random() < SHARE.partTime) doctor.partTime = pick(random, PART_TIME_RATES);
  // Absences anywhere after the first six weeks (cohort weeks) and before week 44, 1–6 weeks each, never overlapping.
  const absences: { from: string; to: string }[] = [];
  const count = random() < SHARE.absence ? (random() < SHARE.secondAbsence / SHARE.absence ? 2 : 1) : 0;
  for (let n = 0; n < count; n++) {
    const from = addWeeks(start, 6 + Math.floor(random() * 38));
    const to = addWeeks(from, 1 + Math.floor(random() * 6));
    if (absences.every((a) => to < a.from || a.to < from)) absences.push({ from, to });
  }
  // Two absences could leave no room for the vacation in its window: then the second goes.
  const vacation = blocks.find((b) => b.category === 'vacation' && b.window);
  if (vacation && absences.length > 1 && !roomFor(vacation, absences)) absences.pop();
  doctor.absences = absences.sort((a, b) => a.from.localeCompare(b.from));
  if (random() < SHARE.credit) {
    const creditable = siteBlocks.filter((b) => b.category !== 'other');
    const block = pick(random, creditable);
    doctor.credits = [{ block: block.id, weeks: Math.max(13, block.weeks), decidedBy: 'Studierektor', decidedOn: '2025-12-01' }];
  }
  return doctor;
}

/** Some `weeks`-long stretch of the block's window is clear of the absences. */
function roomFor(block: Block, absences: { from: string; to: string }[]): boolean {
  for (let w = block.window!.from; addWeeks(w, block.weeks) <= block.window!.to; w = addWeeks(w, 1)) {
    const to = addWeeks(w, block.weeks);
    if (absences.every((a) => a.to <= w || to <= a.from)) return true;
  }
  return false;
}

function withPinsAndWishes(random: Random, problem: Problem, doctor: Doctor, planted: Assignment[]): Doctor {
  const placed = planted.filter((a) => a.site !== null);
  const pins = random() < SHARE.pin ? [pick(random, placed)].map((a) => ({ block: a.block, site: a.site!, from: a.from })) : [];
  const wishes: Doctor['wishes'] = [];
  if (random() < SHARE.wish) {
    for (let n = 1 + Math.floor(random() * 2); n > 0; n--) {
      const a = pick(random, placed);
      const sites = doctor.allowedSites![a.block]!;
      // Half of the wishes ask for another site than the planted one, when there is one.
      wishes.push({ block: a.block, site: random() < 0.5 ? a.site! : pick(random, sites), weight: pick(random, WISH_WEIGHTS) });
    }
  }
  const vacation = planted.find((a) => problem.blocks.find((b) => b.id === a.block)?.category === 'vacation');
  if (vacation && random() < SHARE.vacationWish) wishes.push({ block: vacation.block, from: addWeeks(vacation.from, Math.floor(random() * 5) - 2), weight: pick(random, WISH_WEIGHTS) });
  return { ...doctor, pins, wishes: wishes.filter((w, i) => wishes.findIndex((x) => x.block === w.block) === i) };
}

/** Capacity = the planted weekly peak; an override per part of the year lowers it to that part's peak. */
function seasonalCapacity(load: Map<string, number> | undefined): Pick<Problem['sites'][number], 'capacity' | 'overrides'> {
  if (!load || load.size === 0) return { capacity: 0, overrides: [] };
  const weeks = [...load.keys()].sort();
  const peak = Math.max(...load.values());
  const bounds = [weeks[0]!, ...CAPACITY_SEASONS.filter((w) => w > weeks[0]! && w <= weeks.at(-1)!), addWeeks(weeks.at(-1)!, 1)];
  const overrides: Problem['sites'][number]['overrides'] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i]!, bounds[i + 1]!];
    let part = 0;
    for (const [week, n] of load) if (from <= week && week < to) part = Math.max(part, n);
    if (part < peak) overrides.push({ from, to, capacity: part });
  }
  return { capacity: peak, overrides };
}

/**
 * The first pair of towns' site of the first psychiatry kind gets a capacity c with c × span <
 * the service weeks its doctors need there (they may use no other): counting proves it.
 */
function cutPsychiatry(problem: Problem, siteBlocks: Block[]): { problem: Problem; site: string } {
  const kind = siteBlocks.find((b) => b.category === 'psychiatry')!.kind;
  const blocksOfKind = siteBlocks.filter((b) => b.kind === kind);
  const site = problem.sites.find((s) => s.kinds.includes(kind))!;
  let need = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const d of problem.doctors) {
    const uses = blocksOfKind.filter((b) => d.credits[0]?.block !== b.id && d.allowedSites?.[b.id]?.includes(site.id));
    if (uses.length === 0) continue;
    need += uses.reduce((n, b) => n + requiredServiceWeeks(b.weeks, d.partTime), 0);
    first = Math.min(first, weekIndex(d.start));
    last = Math.max(last, weekIndex(btEnd(problem, d)));
  }
  const span = last - first;
  const capacity = Math.max(0, Math.ceil(need / span) - 1);
  return {
    problem: { ...problem, sites: problem.sites.map((s) => (s.id === site.id ? { ...s, capacity, overrides: [], taken: [] } : s)) },
    site: site.id,
  };
}

/** The weeks a site-less block may start: inside its window and the year, clear of absences and offset blocks. */
export function sitelessStarts(problem: Problem, doctor: Doctor, block: Block, end: string): string[] {
  const options: string[] = [];
  for (let w = doctor.start; addWeeks(w, block.weeks) <= end; w = addWeeks(w, 1)) {
    const to = addWeeks(w, block.weeks);
    if (block.window && (w < block.window.from || to > block.window.to)) continue;
    if (doctor.absences.some((a) => a.from < to && w < a.to)) continue;
    if (problem.blocks.some((b) => b.offset !== undefined && addWeeks(doctor.start, b.offset) < to && w < addWeeks(doctor.start, b.offset + b.weeks))) continue;
    options.push(w);
  }
  return options;
}

/** A random start for each vacation (site-less block without offset or `at`): in its window and the year, clear of absences and cohort weeks. */
function vacationStarts(random: Random, problem: Problem, doctor: Doctor): Record<string, string> {
  const at: Record<string, string> = {};
  const end = btEnd(problem, doctor);
  for (const block of problem.blocks) {
    if (needsSite(block.category) || block.offset !== undefined || block.at !== undefined || block.id === doctor.credits[0]?.block) continue;
    const options = sitelessStarts(problem, doctor, block, end);
    if (options.length === 0) throw new Error(`vacationStarts: no week for ${block.id} of ${doctor.id} (${weeksBetween(doctor.start, end)} weeks)`);
    at[block.id] = pick(random, options);
  }
  return at;
}

