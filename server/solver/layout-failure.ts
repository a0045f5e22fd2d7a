// Why a doctor's year has no layout, in words a coordinator acts on. The model's own enumeration
// (sitelessPlacements) runs on growing sets of the site-less blocks, fixed ones (offset, cohort
// week, pinned start) first: the first block that makes the set impossible is named, with what
// it clashes with — the year, its window, an absence or another block; else the pinned start of
// a site block that no order of the blocks reaches.
import { needsSite } from '../../shared/domain/block-kinds';
import { formatDateRange } from '../../shared/domain/dates';
import { blockLabel, doctorLabel, type Lang } from '../../shared/domain/labels';
import { absentWeeks, blocksToAssign, btEnd } from '../../shared/domain/rotation';
import { formatWeek, formatWeekRange, weekFromIndex, weekIndex } from '../../shared/domain/weeks';
import type { Block, Doctor, Problem } from '../../shared/format/problem';
import { doctorModel, sitelessPlacements } from './model';

export interface LayoutFailure {
  /** The block that cannot lie anywhere the rules allow, when one does. */
  block?: string;
  message_sv: string;
  message_en: string;
}

type Words = Record<Lang, string>;

const weeksWord = (n: number, lang: Lang) => (lang === 'sv' ? `${n} ${n === 1 ? 'vecka' : 'veckor'}` : `${n} ${n === 1 ? 'week' : 'weeks'}`);

/** The first rule of the doctor's year that cannot hold; `named` prefixes the doctor (protected identity masked). */
export function layoutFailure(problem: Problem, doctor: Doctor, named = true): LayoutFailure {
  const start = weekIndex(doctor.start);
  const end = weekIndex(btEnd(problem, doctor));
  const absent = absentWeeks(doctor);
  const fixedStart = (block: Block): number | undefined => {
    if (block.offset !== undefined) return start + block.offset;
    if (block.at !== undefined) return weekIndex(block.at);
    const pin = doctor.pins.find((p) => p.block === block.id);
    return pin?.from !== undefined ? weekIndex(pin.from) : undefined;
  };
  const siteless = blocksToAssign(problem, doctor).filter((b) => !needsSite(b.category));
  const ordered = [...siteless.filter((b) => fixedStart(b) !== undefined), ...siteless.filter((b) => fixedStart(b) === undefined)];
  const fits = (blocks: Block[], withAbsences = true) => sitelessPlacements(blocks, doctor, start, end, withAbsences ? absent : new Set()).length > 0;

  const year = (lang: Lang) => formatWeekRange({ from: doctor.start, to: weekFromIndex(end) }, lang);
  const range = (block: Block, lang: Lang) => {
    const from = fixedStart(block)!;
    return formatWeekRange({ from: weekFromIndex(from), to: weekFromIndex(from + block.weeks) }, lang);
  };
  /** "Gemensam utbildning (2 veckor, v. 10 2026–v. 11 2026)" or, for a block without a fixed start, "Semester (4 veckor)". */
  const named_ = (block: Block, lang: Lang) =>
    `${blockLabel(block, lang)} (${weeksWord(block.weeks, lang)}${fixedStart(block) !== undefined ? `, ${range(block, lang)}` : ''})`;
  const on = (block: Block) => {
    const from = fixedStart(block)!;
    return { from, to: from + block.weeks };
  };

  /** The block alone, without absences, has no place: the year or its window is the reason. */
  const alone = (block: Block): Words => {
    const say = (sv: string, en: string): Words => ({ sv: `${named_(block, 'sv')} ${sv}`, en: `${named_(block, 'en')} ${en}` });
    const window = block.window;
    if (fixedStart(block) !== undefined) {
      const r = on(block);
      if (r.from < start || r.to > end || !window) return say(`ligger utanför året ${year('sv')}`, `lies outside the year ${year('en')}`);
      return say(`ligger utanför fönstret ${formatDateRange(window, 'sv')}`, `lies outside the window ${formatDateRange(window, 'en')}`);
    }
    if (!window) return say(`ryms inte inom året ${year('sv')}`, `does not fit within the year ${year('en')}`);
    return say(
      `ryms inte i fönstret ${formatDateRange(window, 'sv')} inom året ${year('sv')}`,
      `does not fit in the window ${formatDateRange(window, 'en')} within the year ${year('en')}`,
    );
  };
  /** The block clashes with `what` (the absence, or other blocks). */
  const clash = (block: Block, what: Words): Words => {
    if (fixedStart(block) !== undefined) return { sv: `${named_(block, 'sv')} krockar med ${what.sv}`, en: `${named_(block, 'en')} clashes with ${what.en}` };
    const free = alone(block);
    return { sv: `${free.sv} vid sidan av ${what.sv}`, en: `${free.en} beside ${what.en}` };
  };

  let words: Words | undefined;
  let blockId: string | undefined;
  for (let i = 0; i < ordered.length && !words; i++) {
    if (fits(ordered.slice(0, i + 1))) continue;
    const block = ordered[i]!;
    blockId = block.id;
    if (!fits([block], false)) words = alone(block);
    else if (!fits([block])) words = clash(block, { sv: 'frånvaron', en: 'the absence' });
    else {
      const earlier = ordered.slice(0, i);
      const other = earlier.find((e) => !fits([e, block]));
      words = clash(
        block,
        other
          ? { sv: named_(other, 'sv'), en: named_(other, 'en') }
          : { sv: earlier.map((e) => named_(e, 'sv')).join(', '), en: earlier.map((e) => named_(e, 'en')).join(', ') },
      );
    }
  }
  // The site-less blocks fit: a pinned start of a site block no order of them reaches, or several together.
  for (const pin of doctor.pins) {
    const block = problem.blocks.find((b) => b.id === pin.block);
    if (words || pin.from === undefined || !block || !needsSite(block.category)) continue;
    const alonePinned = { ...doctor, pins: doctor.pins.filter((p) => p === pin || !problem.blocks.some((b) => b.id === p.block && needsSite(b.category))) };
    if (doctorModel(problem, alonePinned).layouts.length > 0) continue;
    blockId = block.id;
    words = {
      sv: `${blockLabel(block, 'sv')} är låst att börja ${formatWeek(pin.from, 'sv')}, men ingen ordning av blocken ger den starten`,
      en: `${blockLabel(block, 'en')} is pinned to start ${formatWeek(pin.from, 'en')}, but no order of the blocks starts it then`,
    };
  }
  words ??= {
    sv: 'låsta startveckor går inte ihop med blockens längder, semester, fasta veckor och frånvaro',
    en: 'pinned start weeks do not agree with the blocks’ lengths, vacation, fixed weeks and absences',
  };
  const prefix = (lang: Lang) => (named ? `${doctorLabel(doctor, lang)}: ` : '');
  return { ...(blockId ? { block: blockId } : {}), message_sv: `${prefix('sv')}${words.sv}`, message_en: `${prefix('en')}${words.en}` };
}
