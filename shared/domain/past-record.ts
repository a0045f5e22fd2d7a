// The past is a record: what a new plan may not change compared with the published one, given
// today. Weeks before the current week keep their block and site; a placement that has started
// (served, or running across today) keeps its block, site and start — only its end may move, and
// validatePlan's service weeks say how far (a recorded absence lengthens it).
import { z } from 'zod';
import type { Assignment } from '../format/plan';
import type { Problem } from '../format/problem';
import type { IsoDate } from './dates';
import { blockLabel, doctorLabel, type Lang } from './labels';
import { formatWeekRange, mondayOf, weekFromIndex, weekIndex, type Week } from './weeks';

export const pastChangeSchema = z.object({
  doctor: z.string(),
  block: z.string(),
  /** The weeks concerned: the published placement, or the run of past weeks that differ. */
  from: z.string(),
  to: z.string(),
  message_sv: z.string(),
  message_en: z.string(),
});
export type PastChange = z.infer<typeof pastChangeSchema>;

/** How the messages name doctors, blocks and sites: by the problem's names when given, else by id. */
interface Names {
  doctor(id: string, lang: Lang): string;
  block(id: string, lang: Lang): string;
  site(id: string): string;
}

function namesOf(problem: Problem | undefined): Names {
  const doctors = new Map(problem?.doctors.map((d) => [d.id, d]));
  const blocks = new Map(problem?.blocks.map((b) => [b.id, b]));
  const sites = new Map(problem?.sites.map((s) => [s.id, s.name]));
  return {
    // doctorLabel never names a doctor with protected identity.
    doctor: (id, lang) => (doctors.has(id) ? doctorLabel(doctors.get(id)!, lang) : id),
    block: (id, lang) => (blocks.has(id) ? blockLabel(blocks.get(id)!, lang) : id),
    site: (id) => sites.get(id) ?? id,
  };
}

/**
 * Every way `plan` rewrites the record of `published` up to `today`, one entry per broken
 * placement (or run of past weeks). Doctors who are not in the published plan are not checked:
 * they have no record yet. With the cohort's `problem` the messages use names, else ids.
 */
export function pastChanges(published: Assignment[], plan: Assignment[], today: IsoDate, problem?: Problem): PastChange[] {
  const names = namesOf(problem);
  const current = mondayOf(today);
  const planned = byDoctor(plan);
  const changes: PastChange[] = [];
  for (const [doctor, record] of byDoctor(published)) {
    const now = planned.get(doctor) ?? [];
    // Most doctors' started placements are as published: nothing of their record can differ.
    if (sameStarted(record, now, current)) continue;
    const reported = new Set<string>();
    for (const before of record) {
      if (before.from > current) continue;
      const after = now.find((a) => a.block === before.block);
      if (after && after.site === before.site && after.from === before.from) continue;
      reported.add(before.block);
      changes.push(startedPlacementChanged(before, after, names));
    }
    for (const run of pastWeeksChanged(record, now, current)) {
      if (!reported.has(run.block)) changes.push(pastWeeksMessage(doctor, run, names));
    }
  }
  return changes;
}

/**
 * Whether both lists hold the same placements starting by `current` (block, site, start, end).
 * Only those cover weeks before it or have started, so then neither check below finds a change.
 */
function sameStarted(record: Assignment[], now: Assignment[], current: Week): boolean {
  const started = (list: Assignment[]) =>
    list
      .filter((a) => a.from <= current)
      .map((a) => `${a.block}\u0000${a.site ?? ''}\u0000${a.from}\u0000${a.to}`)
      .sort();
  const [was, is] = [started(record), started(now)];
  return was.length === is.length && was.every((key, i) => key === is[i]);
}

function byDoctor(assignments: Assignment[]): Map<string, Assignment[]> {
  const doctors = new Map<string, Assignment[]>();
  for (const a of [...assignments].sort((x, y) => x.doctor.localeCompare(y.doctor) || x.from.localeCompare(y.from))) {
    (doctors.get(a.doctor) ?? doctors.set(a.doctor, []).get(a.doctor)!).push(a);
  }
  return doctors;
}

function startedPlacementChanged(before: Assignment, after: Assignment | undefined, names: Names): PastChange {
  const was = { sv: formatWeekRange(before, 'sv'), en: formatWeekRange(before, 'en') };
  // Site-less blocks (vacation, cohort weeks) have no site to name.
  const at = (a: Assignment, word: string) => (a.site === null ? '' : ` ${word} ${names.site(a.site)}`);
  const now = after
    ? { sv: `i planen${at(after, 'på')} ${formatWeekRange(after, 'sv')}`, en: `the plan has it${at(after, 'at')} ${formatWeekRange(after, 'en')}` }
    : { sv: 'saknas i planen', en: 'the plan leaves it out' };
  return {
    doctor: before.doctor,
    block: before.block,
    from: before.from,
    to: before.to,
    message_sv: `${names.doctor(before.doctor, 'sv')}: ${names.block(before.block, 'sv')}${at(before, 'på')} ${was.sv} har påbörjats, så block, arbetsplats och start ligger fast (${now.sv})`,
    message_en: `${names.doctor(before.doctor, 'en')}: ${names.block(before.block, 'en')}${at(before, 'at')} ${was.en} has started, so its block, site and start are a record (${now.en})`,
  };
}

interface ChangedRun {
  block: string;
  from: Week;
  to: Week;
}

/** Runs of weeks before `current` in which a block (with its site) covers the week in one plan and not in the other. */
function pastWeeksChanged(record: Assignment[], now: Assignment[], current: Week): ChangedRun[] {
  const end = weekIndex(current);
  // Week index → "block@site" of every assignment covering it (a site block may straddle vacation).
  const covering = (assignments: Assignment[]) => {
    const weeks = new Map<number, Set<string>>();
    for (const a of assignments) {
      for (let w = weekIndex(a.from); w < Math.min(weekIndex(a.to), end); w++) (weeks.get(w) ?? weeks.set(w, new Set()).get(w)!).add(`${a.block}@${a.site ?? ''}`);
    }
    return weeks;
  };
  const was = covering(record);
  const is = covering(now);
  // Block → the past weeks where it differs, ascending.
  const differing = new Map<string, number[]>();
  const weeks = [...new Set([...was.keys(), ...is.keys()])].sort((a, b) => a - b);
  for (const w of weeks) {
    const before = was.get(w) ?? new Set<string>();
    const after = is.get(w) ?? new Set<string>();
    for (const key of new Set([...before, ...after])) {
      if (before.has(key) && after.has(key)) continue;
      const block = key.slice(0, key.lastIndexOf('@'));
      (differing.get(block) ?? differing.set(block, []).get(block)!).push(w);
    }
  }
  const runs: ChangedRun[] = [];
  for (const [block, list] of differing) {
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      if (i < list.length && list[i] === list[i - 1]! + 1) continue;
      runs.push({ block, from: weekFromIndex(list[start]!), to: weekFromIndex(list[i - 1]! + 1) });
      start = i;
    }
  }
  return runs.sort((a, b) => a.from.localeCompare(b.from) || a.block.localeCompare(b.block));
}

function pastWeeksMessage(doctor: string, run: ChangedRun, names: Names): PastChange {
  return {
    doctor,
    block: run.block,
    from: run.from,
    to: run.to,
    message_sv: `${names.doctor(doctor, 'sv')}: ${names.block(run.block, 'sv')} ${formatWeekRange(run, 'sv')} ligger före innevarande vecka och ska vara som i den publicerade planen`,
    message_en: `${names.doctor(doctor, 'en')}: ${names.block(run.block, 'en')} in ${formatWeekRange(run, 'en')} lies before the current week and must stay as published`,
  };
}
