// The one checker of a plan against its problem (DESIGN §5 "Validity of a plan"), shared by
// solver, API and client. Returns every broken rule as a Violation; an empty list of errors
// means the plan is valid. Works on week indices so 1,500 doctors check in milliseconds.
import type { Assignment, Plan } from '../format/plan';
import type { Block, Doctor, Problem, Site } from '../format/problem';
import { needsSite, type Category } from './block-kinds';
import { overCapacity, siteWeek } from './capacity';
import { blockLabel, doctorLabel } from './labels';
import {
  addCreditedWeeks,
  fullTimeWeeks,
  goalCoverage,
  regulationShortfalls,
  shortfallMessage,
  type ServiceByCategory,
} from './regulation';
import { absentWeeks, blocksToAssign, creditedBlocks, requiredServiceWeeks, serviceWeeksIn, type NonServiceWeeks } from './rotation';
import { ownValue } from './own';
import type { Violation } from './violations';
import { addWeeks, formatWeek, formatWeekRange, weekFromIndex, weekIndex } from './weeks';

interface Context {
  blocks: Map<string, Block>;
  sites: Map<string, Site>;
  /** site id → week index → doctors in service there. */
  load: Map<string, Map<number, string[]>>;
  out: Violation[];
}

export function validatePlan(problem: Problem, plan: Pick<Plan, 'assignments'>): Violation[] {
  const ctx: Context = {
    blocks: new Map(problem.blocks.map((b) => [b.id, b])),
    sites: new Map(problem.sites.map((s) => [s.id, s])),
    load: new Map(),
    out: [],
  };
  const byDoctor = new Map<string, Assignment[]>(problem.doctors.map((d) => [d.id, []]));
  for (const a of plan.assignments) {
    const list = byDoctor.get(a.doctor);
    if (list) list.push(a);
    else {
      ctx.out.push(error('unknown-reference', `Okänd läkare ${a.doctor} i planen`, `Unknown doctor ${a.doctor} in the plan`, { doctor: a.doctor, block: a.block }));
    }
  }
  for (const doctor of problem.doctors) checkDoctor(ctx, doctor, byDoctor.get(doctor.id)!, problem);
  checkCapacity(ctx);
  return ctx.out;
}

export function planErrors(problem: Problem, plan: Pick<Plan, 'assignments'>): Violation[] {
  return validatePlan(problem, plan).filter((v) => v.severity === 'error');
}

function error(code: Violation['code'], sv: string, en: string, at: Partial<Violation> = {}): Violation {
  return { code, severity: 'error', message_sv: sv, message_en: en, ...at };
}

/** Not a broken rule: a fact the checks record (a second credit by exception). */
function note(code: Violation['code'], sv: string, en: string, at: Partial<Violation> = {}): Violation {
  return { code, severity: 'note', message_sv: sv, message_en: en, ...at };
}

function warning(code: Violation['code'], sv: string, en: string, at: Partial<Violation> = {}): Violation {
  return { code, severity: 'warning', message_sv: sv, message_en: en, ...at };
}

function checkDoctor(ctx: Context, doctor: Doctor, assignments: Assignment[], problem: Problem): void {
  const who = { sv: doctorLabel(doctor, 'sv'), en: doctorLabel(doctor, 'en') };
  const credited = creditedBlocks(doctor);
  const known: { a: Assignment; block: Block }[] = [];

  for (const a of assignments) {
    const block = ctx.blocks.get(a.block);
    const at = { doctor: doctor.id, block: a.block, from: a.from, to: a.to };
    if (!block) {
      ctx.out.push(error('unknown-reference', `${who.sv}: okänt block ${a.block}`, `${who.en}: unknown block ${a.block}`, at));
      continue;
    }
    const name = { sv: blockLabel(block, 'sv'), en: blockLabel(block, 'en') };
    if (credited.has(a.block)) {
      ctx.out.push(error('credited-block-assigned', `${who.sv}: ${name.sv} är tillgodoräknad och ska inte placeras`, `${who.en}: ${name.en} is credited and must not be placed`, at));
      continue;
    }
    // A placement without a (known) site is still the doctor's placement of that block: it counts
    // for presence, weeks and regulation; only the site's own rules are skipped.
    if (needsSite(block.category)) {
      if (a.site === null) {
        ctx.out.push(error('site-missing', `${who.sv}: ${name.sv} saknar arbetsplats`, `${who.en}: ${name.en} has no site`, at));
      } else if (!ctx.sites.has(a.site)) {
        ctx.out.push(error('unknown-reference', `${who.sv}: okänd arbetsplats ${a.site}`, `${who.en}: unknown site ${a.site}`, { ...at, site: a.site }));
      }
    } else if (a.site !== null) {
      ctx.out.push(error('site-not-expected', `${who.sv}: ${name.sv} har ingen arbetsplats, men planen anger ${a.site}`, `${who.en}: ${name.en} has no site, but the plan gives ${a.site}`, { ...at, site: a.site }));
    }
    known.push({ a, block });
  }

  const seen = new Set<string>();
  for (const { a, block } of known) {
    if (seen.has(a.block)) {
      ctx.out.push(error('duplicate-assignment', `${who.sv}: ${blockLabel(block, 'sv')} är placerad mer än en gång`, `${who.en}: ${blockLabel(block, 'en')} is placed more than once`, { doctor: doctor.id, block: a.block, from: a.from, to: a.to }));
    }
    seen.add(a.block);
  }
  for (const block of blocksToAssign(problem, doctor)) {
    if (!seen.has(block.id)) {
      ctx.out.push(error('missing-assignment', `${who.sv}: ${blockLabel(block, 'sv')} saknas i planen`, `${who.en}: ${blockLabel(block, 'en')} is missing from the plan`, { doctor: doctor.id, block: block.id }));
    }
  }

  const siteless = known.filter(({ block }) => !needsSite(block.category));
  const placements = known.filter(({ block }) => needsSite(block.category));
  const nonService: NonServiceWeeks = { absent: absentWeeks(doctor), siteless: new Set() };
  for (const { a } of siteless) {
    for (let w = weekIndex(a.from), end = weekIndex(a.to); w < end; w++) nonService.siteless.add(w);
  }

  checkSiteless(ctx, doctor, who, siteless, nonService);
  checkOverlaps(ctx, doctor, who, siteless);
  checkOverlaps(ctx, doctor, who, placements);
  const service = checkPlacements(ctx, doctor, who, placements, nonService);
  checkCoverage(ctx, doctor, who, known.map((k) => k.a));
  checkPlacementRules(ctx, doctor, who, known);
  checkRegulation(ctx, doctor, who, service, known.map((k) => k.block));
}

type Who = { sv: string; en: string };
type Placed = { a: Assignment; block: Block };

function checkSiteless(ctx: Context, doctor: Doctor, who: Who, siteless: Placed[], nonService: NonServiceWeeks): void {
  for (const { a, block } of siteless) {
    const at = { doctor: doctor.id, block: a.block, from: a.from, to: a.to };
    const name = { sv: blockLabel(block, 'sv'), en: blockLabel(block, 'en') };
    const length = weekIndex(a.to) - weekIndex(a.from);
    if (length !== block.weeks) {
      ctx.out.push(error('block-length', `${who.sv}: ${name.sv} ska vara ${block.weeks} veckor, är ${length}`, `${who.en}: ${name.en} must be ${block.weeks} weeks, is ${length}`, at));
    }
    for (let w = weekIndex(a.from), end = weekIndex(a.to); w < end; w++) {
      if (nonService.absent.has(w)) {
        ctx.out.push(error('absence-overlap', `${who.sv}: ${name.sv} ligger i frånvaro (${formatWeek(weekFromIndex(w), 'sv')})`, `${who.en}: ${name.en} overlaps an absence (${formatWeek(weekFromIndex(w), 'en')})`, at));
        break;
      }
    }
  }
}

function checkOverlaps(ctx: Context, doctor: Doctor, who: Who, list: Placed[]): void {
  const sorted = [...list].sort((x, y) => x.a.from.localeCompare(y.a.from));
  let reach: Placed | undefined;
  for (const cur of sorted) {
    if (reach && cur.a.from < reach.a.to) {
      const from = cur.a.from;
      const to = cur.a.to < reach.a.to ? cur.a.to : reach.a.to;
      ctx.out.push(error('overlap', `${who.sv}: ${blockLabel(reach.block, 'sv')} och ${blockLabel(cur.block, 'sv')} överlappar ${formatWeekRange({ from, to }, 'sv')}`, `${who.en}: ${blockLabel(reach.block, 'en')} and ${blockLabel(cur.block, 'en')} overlap in ${formatWeekRange({ from, to }, 'en')}`, { doctor: doctor.id, block: cur.a.block, from, to }));
    }
    if (!reach || cur.a.to > reach.a.to) reach = cur;
  }
}

/** Service-week rules of site placements; records load per site-week; returns service per category. */
function checkPlacements(ctx: Context, doctor: Doctor, who: Who, placements: Placed[], nonService: NonServiceWeeks): ServiceByCategory {
  const service: ServiceByCategory = {};
  for (const { a, block } of placements) {
    const at = { doctor: doctor.id, block: a.block, site: a.site ?? undefined, from: a.from, to: a.to };
    const name = { sv: blockLabel(block, 'sv'), en: blockLabel(block, 'en') };
    const weeks = serviceWeeksIn(nonService, a.from, a.to);
    const needed = requiredServiceWeeks(block.weeks, doctor.partTime);
    if (weeks.length !== needed) {
      ctx.out.push(error('service-weeks', `${who.sv}: ${name.sv} har ${weeks.length} tjänstgöringsveckor, ska ha ${needed}`, `${who.en}: ${name.en} has ${weeks.length} service weeks, needs ${needed}`, at));
    }
    const first = weekIndex(a.from);
    const last = weekIndex(a.to) - 1;
    if (weeks[0] !== first || weeks[weeks.length - 1] !== last) {
      ctx.out.push(error('placement-edge', `${who.sv}: ${name.sv} ska börja och sluta med en tjänstgöringsvecka, inte med semester, gemensam vecka eller frånvaro`, `${who.en}: ${name.en} must start and end with a service week, not vacation, a cohort week or absence`, at));
    }
    add(service, block.category, fullTimeWeeks(weeks.length, doctor.partTime));
    if (a.site === null || !ctx.sites.has(a.site)) continue;
    let bySite = ctx.load.get(a.site);
    if (!bySite) ctx.load.set(a.site, (bySite = new Map()));
    for (const w of weeks) {
      const here = bySite.get(w);
      if (here) here.push(doctor.id);
      else bySite.set(w, [doctor.id]);
    }
  }
  return service;
}

function add(service: ServiceByCategory, category: Category, weeks: number): void {
  service[category] = (service[category] ?? 0) + weeks;
}

/** Every week from the start to the last `to` is an assignment or an absence; nothing before the start. */
function checkCoverage(ctx: Context, doctor: Doctor, who: Who, assignments: Assignment[]): void {
  if (assignments.length === 0) return;
  const start = weekIndex(doctor.start);
  const covered = new Set<number>();
  let end = start;
  for (const a of assignments) {
    const from = weekIndex(a.from);
    const to = weekIndex(a.to);
    if (from < start) {
      ctx.out.push(error('before-start', `${who.sv}: ${a.block} börjar ${formatWeek(a.from, 'sv')}, före BT-starten ${formatWeek(doctor.start, 'sv')}`, `${who.en}: ${a.block} starts ${formatWeek(a.from, 'en')}, before the BT start ${formatWeek(doctor.start, 'en')}`, { doctor: doctor.id, block: a.block, from: a.from, to: a.to }));
    }
    for (let w = from; w < to; w++) covered.add(w);
    end = Math.max(end, to);
  }
  for (const absence of doctor.absences) {
    for (let w = weekIndex(absence.from), to = weekIndex(absence.to); w < to; w++) covered.add(w);
  }
  for (let w = start; w < end; w++) {
    if (covered.has(w)) continue;
    let gapEnd = w;
    while (gapEnd < end && !covered.has(gapEnd)) gapEnd++;
    const range = { from: weekFromIndex(w), to: weekFromIndex(gapEnd) };
    ctx.out.push(error('coverage-gap', `${who.sv}: ${formatWeekRange(range, 'sv')} saknar placering`, `${who.en}: ${formatWeekRange(range, 'en')} has no placement`, { doctor: doctor.id, ...range }));
    w = gapEnd;
  }
}

/** offset, at, window, pins, the site's kinds and the doctor's allowed sites. */
function checkPlacementRules(ctx: Context, doctor: Doctor, who: Who, known: Placed[]): void {
  for (const { a, block } of known) {
    const at = { doctor: doctor.id, block: a.block, site: a.site ?? undefined, from: a.from, to: a.to };
    const name = { sv: blockLabel(block, 'sv'), en: blockLabel(block, 'en') };
    if (block.offset !== undefined) {
      const expected = addWeeks(doctor.start, block.offset);
      if (a.from !== expected) {
        ctx.out.push(error('offset', `${who.sv}: ${name.sv} ska börja ${formatWeek(expected, 'sv')}, börjar ${formatWeek(a.from, 'sv')}`, `${who.en}: ${name.en} must start ${formatWeek(expected, 'en')}, starts ${formatWeek(a.from, 'en')}`, at));
      }
    }
    if (block.at !== undefined && a.from !== block.at) {
      ctx.out.push(error('at', `${who.sv}: ${name.sv} ska börja ${formatWeek(block.at, 'sv')} som för hela kohorten, börjar ${formatWeek(a.from, 'sv')}`, `${who.en}: ${name.en} must start ${formatWeek(block.at, 'en')} as for the whole cohort, starts ${formatWeek(a.from, 'en')}`, at));
    }
    if (block.window && (a.from < block.window.from || a.to > block.window.to)) {
      ctx.out.push(error('window', `${who.sv}: ${name.sv} ska ligga mellan ${block.window.from} och ${block.window.to}`, `${who.en}: ${name.en} must lie between ${block.window.from} and ${block.window.to}`, at));
    }
    const pin = doctor.pins.find((p) => p.block === a.block);
    if (pin && ((pin.site !== undefined && pin.site !== a.site) || (pin.from !== undefined && pin.from !== a.from))) {
      const want = [pin.site, pin.from && formatWeek(pin.from, 'sv')].filter(Boolean).join(', ');
      const wantEn = [pin.site, pin.from && formatWeek(pin.from, 'en')].filter(Boolean).join(', ');
      ctx.out.push(error('pin', `${who.sv}: ${name.sv} är låst till ${want}`, `${who.en}: ${name.en} is pinned to ${wantEn}`, at));
    }
    // Site rules only for site blocks with a known site (the others are reported in checkDoctor).
    const site = needsSite(block.category) && a.site !== null ? ctx.sites.get(a.site) : undefined;
    if (!site) continue;
    if (!site.kinds.includes(block.kind)) {
      ctx.out.push(error('site-kind', `${who.sv}: ${site.name} erbjuder inte ${name.sv}`, `${who.en}: ${site.name} does not offer ${name.en}`, at));
    }
    const allowed = ownValue(doctor.allowedSites, a.block);
    if (allowed && !allowed.includes(site.id)) {
      ctx.out.push(error('site-not-allowed', `${who.sv}: ${site.name} är inte tillåten för ${name.sv} (tillåtna: ${allowed.join(', ')})`, `${who.en}: ${site.name} is not allowed for ${name.en} (allowed: ${allowed.join(', ')})`, at));
    }
  }
}

function checkRegulation(ctx: Context, doctor: Doctor, who: Who, service: ServiceByCategory, placedBlocks: Block[]): void {
  const creditedBlocks = addCreditedWeeks(service, ctx.blocks, doctor.credits);
  for (const s of regulationShortfalls(service)) {
    ctx.out.push(error(s.rule, `${who.sv}: ${shortfallMessage(s, 'sv')}`, `${who.en}: ${shortfallMessage(s, 'en')}`, { doctor: doctor.id }));
  }
  checkCreditException(ctx, doctor, who, creditedBlocks);

  const coverage = goalCoverage([...placedBlocks, ...creditedBlocks]);
  let missing = coverage.missing;
  if (!coverage.hasPsychiatry) {
    ctx.out.push(warning('bt2-without-psychiatry', `${who.sv}: ingen psykiatriplacering; delmål BT2 behöver planeras på annat sätt`, `${who.en}: no psychiatry placement; goal BT2 needs another plan`, { doctor: doctor.id, goals: ['BT2'] }));
    missing = missing.filter((g) => g !== 'BT2');
  }
  if (missing.length > 0) {
    ctx.out.push(warning('goal-not-covered', `${who.sv}: delmål ${missing.join(', ')} täcks inte av någon placering`, `${who.en}: ${missing.length === 1 ? 'goal' : 'goals'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not covered by any placement`, { doctor: doctor.id, goals: missing }));
  }
}

/**
 * A second credited block stands on a recorded exception (the problem's checks refuse it without
 * one): a note, not a fault, so whoever reads the checks knows why. The reason is personal, like
 * an absence's, and stays out; who decided and when are the record.
 */
function checkCreditException(ctx: Context, doctor: Doctor, who: Who, credited: Block[]): void {
  const exception = doctor.creditException;
  if (!exception || doctor.credits.length < 2) return;
  const names = (lang: 'sv' | 'en') => credited.map((b) => blockLabel(b, lang)).join(lang === 'sv' ? ' och ' : ' and ');
  const deciders = exception.secondDecider ? [exception.decidedBy, exception.secondDecider] : [exception.decidedBy];
  ctx.out.push(
    note(
      'credit-exception',
      `${who.sv}: två tillgodoräknade block (${names('sv')}) enligt undantag, beslutat av ${deciders.join(' och ')} ${exception.decidedOn}`,
      `${who.en}: two credited blocks (${names('en')}) by a recorded exception, decided by ${deciders.join(' and ')} on ${exception.decidedOn}`,
      { doctor: doctor.id },
    ),
  );
}

/**
 * One violation per run of consecutive weeks with the same load over what the other cohorts
 * leave (the region's capacity is shared): the message gives this cohort's part, the other
 * cohorts' part and the capacity.
 */
function checkCapacity(ctx: Context): void {
  for (const [siteId, byWeek] of ctx.load) {
    const site = ctx.sites.get(siteId)!;
    const weeks = [...byWeek.keys()].sort((x, y) => x - y);
    let run: { from: number; to: number; own: number; taken: number; capacity: number; doctors: Set<string> } | undefined;
    const flush = () => {
      if (!run) return;
      const range = { from: weekFromIndex(run.from), to: weekFromIndex(run.to) };
      const { own, taken, capacity } = run;
      ctx.out.push(
        error(
          'capacity',
          `${site.name}: ${own + taken} BT-läkare i tjänst ${formatWeekRange(range, 'sv')} (${own} i denna kohort, ${taken} i andra kohorter), kapacitet ${capacity}`,
          `${site.name}: ${own + taken} BT doctors in service ${formatWeekRange(range, 'en')} (${own} in this cohort, ${taken} in other cohorts), capacity ${capacity}`,
          { site: siteId, ...range, doctors: [...run.doctors].sort(), load: { cohort: own, others: taken, capacity } },
        ),
      );
      run = undefined;
    };
    for (const w of weeks) {
      const doctors = byWeek.get(w)!;
      const week = siteWeek(site, weekFromIndex(w));
      if (!overCapacity(doctors.length, week)) {
        flush();
        continue;
      }
      if (run && run.to === w && run.own === doctors.length && run.taken === week.taken && run.capacity === week.capacity) {
        run.to = w + 1;
        for (const d of doctors) run.doctors.add(d);
      } else {
        flush();
        run = { from: w, to: w + 1, own: doctors.length, taken: week.taken, capacity: week.capacity, doctors: new Set(doctors) };
      }
    }
    flush();
  }
}
