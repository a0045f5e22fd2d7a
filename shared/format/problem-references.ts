// Checks a parsed problem's cross-references: unique ids, known blocks and sites, at most
// one credit of a creditable block, absences that make sense. Returns issues as data.
import { CREDITABLE_CATEGORIES, needsSite } from '../domain/block-kinds';
import { rangesOverlap } from '../domain/weeks';
import type { FormatIssue } from './issues';
import type { Problem } from './problem';

export function problemReferenceIssues(problem: Problem): FormatIssue[] {
  const issues: FormatIssue[] = [];
  const add = (path: FormatIssue['path'], message: string) => issues.push({ path, message });

  for (const list of ['blocks', 'sites', 'doctors'] as const) {
    const seen = new Map<string, number>();
    problem[list].forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) add([list, i, 'id'], `duplicate id "${item.id}" (also ${list}[${first}])`);
      else seen.set(item.id, i);
    });
  }

  problem.blocks.forEach((block, i) => {
    if (block.offset !== undefined && block.at !== undefined) add(['blocks', i, 'at'], 'a block starts either at an offset or at a date (at), not both');
  });

  const blocks = new Map(problem.blocks.map((b) => [b.id, b]));
  const siteIds = new Set(problem.sites.map((s) => s.id));
  const unknownBlock = (id: string) => `${id} is not a block of this problem`;
  const unknownSite = (id: string) => `${id} is not a site of this problem`;

  problem.doctors.forEach((doctor, d) => {
    const at = (...rest: FormatIssue['path']) => ['doctors', d, ...rest];

    doctor.absences.forEach((absence, a) => {
      if (absence.from < doctor.start) {
        add(at('absences', a, 'from'), `${absence.from} is before the doctor's start (${doctor.start})`);
      }
      const earlier = doctor.absences.findIndex((other, o) => o < a && rangesOverlap(other, absence));
      if (earlier >= 0) add(at('absences', a), `overlaps absences[${earlier}]`);
    });

    if (doctor.credits.length > 1) {
      add(at('credits'), `at most one credit (tillgodoräknande) per doctor, got ${doctor.credits.length}`);
    }
    doctor.credits.forEach((credit, c) => {
      const block = blocks.get(credit.block);
      if (!block) add(at('credits', c, 'block'), unknownBlock(credit.block));
      else if (!CREDITABLE_CATEGORIES.includes(block.category)) {
        add(
          at('credits', c, 'block'),
          `${credit.block} is a ${block.category} block; only acute, primary-care or psychiatry blocks can be credited`,
        );
      }
    });
    const credited = new Set(doctor.credits.map((c) => c.block));

    for (const [blockId, sites] of Object.entries(doctor.allowedSites ?? {})) {
      const block = blocks.get(blockId);
      if (!block) add(at('allowedSites', blockId), unknownBlock(blockId));
      else if (!needsSite(block.category)) add(at('allowedSites', blockId), `${blockId} is a block without a site`);
      sites.forEach((site, s) => {
        if (!siteIds.has(site)) add(at('allowedSites', blockId, s), unknownSite(site));
      });
    }

    const pinned = new Map<string, number>();
    doctor.pins.forEach((pin, p) => {
      const block = blocks.get(pin.block);
      if (!block) add(at('pins', p, 'block'), unknownBlock(pin.block));
      else if (credited.has(pin.block)) add(at('pins', p, 'block'), `${pin.block} is credited and gets no placement`);
      const earlier = pinned.get(pin.block);
      if (earlier !== undefined) add(at('pins', p, 'block'), `${pin.block} is pinned twice (also pins[${earlier}])`);
      else pinned.set(pin.block, p);
      if (pin.site !== undefined) {
        if (!siteIds.has(pin.site)) add(at('pins', p, 'site'), unknownSite(pin.site));
        else if (block && !needsSite(block.category)) add(at('pins', p, 'site'), `${pin.block} is a block without a site`);
      }
    });

    doctor.wishes.forEach((wish, w) => {
      if (!blocks.has(wish.block)) add(at('wishes', w, 'block'), unknownBlock(wish.block));
      if (wish.site !== undefined && !siteIds.has(wish.site)) add(at('wishes', w, 'site'), unknownSite(wish.site));
    });
  });

  return issues;
}
