// Checks a parsed problem's cross-references: unique ids, known blocks and sites, one credit
// of a creditable block (a second with a recorded exception), absences that make sense. Returns issues as data.
import { CREDITABLE_CATEGORIES, needsSite } from '../domain/block-kinds';
import { rangesOverlap } from '../domain/weeks';
import { creditIssues } from './credit-rules';
import type { FormatIssue } from './issues';
import { ruleIssue, type RuleKey, type RuleValues } from './rules';
import type { Problem } from './problem';

export function problemReferenceIssues(problem: Problem): FormatIssue[] {
  const issues: FormatIssue[] = [];
  const add = <K extends RuleKey>(path: FormatIssue['path'], key: K, values: RuleValues<K>) => {
    const { message, params } = ruleIssue(key, values);
    issues.push({ path, message, params });
  };

  for (const list of ['blocks', 'sites', 'doctors'] as const) {
    const seen = new Map<string, number>();
    problem[list].forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) add([list, i, 'id'], 'duplicate-id', { id: item.id, also: `${list}[${first}]` });
      else seen.set(item.id, i);
    });
  }

  problem.blocks.forEach((block, i) => {
    if (block.offset !== undefined && block.at !== undefined) add(['blocks', i, 'at'], 'offset-or-at', {});
  });

  const blocks = new Map(problem.blocks.map((b) => [b.id, b]));
  const siteIds = new Set(problem.sites.map((s) => s.id));

  problem.doctors.forEach((doctor, d) => {
    const at = (...rest: FormatIssue['path']) => ['doctors', d, ...rest];

    doctor.absences.forEach((absence, a) => {
      if (absence.from < doctor.start) {
        add(at('absences', a, 'from'), 'absence-before-start', { from: absence.from, start: doctor.start });
      }
      const earlier = doctor.absences.findIndex((other, o) => o < a && rangesOverlap(other, absence));
      if (earlier >= 0) add(at('absences', a), 'absence-overlap', { other: `absences[${earlier}]` });
    });

    for (const issue of creditIssues(doctor)) add(at(...issue.path), issue.key, issue.values as never);
    doctor.credits.forEach((credit, c) => {
      const block = blocks.get(credit.block);
      if (!block) add(at('credits', c, 'block'), 'unknown-block', { id: credit.block });
      else if (!CREDITABLE_CATEGORIES.includes(block.category)) {
        add(at('credits', c, 'block'), 'not-creditable', { block: credit.block, category: block.category });
      }
    });
    const credited = new Set(doctor.credits.map((c) => c.block));

    for (const [blockId, sites] of Object.entries(doctor.allowedSites ?? {})) {
      const block = blocks.get(blockId);
      if (!block) add(at('allowedSites', blockId), 'unknown-block', { id: blockId });
      else if (!needsSite(block.category)) add(at('allowedSites', blockId), 'block-without-site', { id: blockId });
      sites.forEach((site, s) => {
        if (!siteIds.has(site)) add(at('allowedSites', blockId, s), 'unknown-site', { id: site });
      });
    }

    const pinned = new Map<string, number>();
    doctor.pins.forEach((pin, p) => {
      const block = blocks.get(pin.block);
      if (!block) add(at('pins', p, 'block'), 'unknown-block', { id: pin.block });
      else if (credited.has(pin.block)) add(at('pins', p, 'block'), 'credited-pin', { block: pin.block });
      const earlier = pinned.get(pin.block);
      if (earlier !== undefined) add(at('pins', p, 'block'), 'pinned-twice', { block: pin.block, also: `pins[${earlier}]` });
      else pinned.set(pin.block, p);
      if (pin.site !== undefined) {
        if (!siteIds.has(pin.site)) add(at('pins', p, 'site'), 'unknown-site', { id: pin.site });
        else if (block && !needsSite(block.category)) add(at('pins', p, 'site'), 'block-without-site', { id: pin.block });
      }
    });

    doctor.wishes.forEach((wish, w) => {
      if (!blocks.has(wish.block)) add(at('wishes', w, 'block'), 'unknown-block', { id: wish.block });
      if (wish.site !== undefined && !siteIds.has(wish.site)) add(at('wishes', w, 'site'), 'unknown-site', { id: wish.site });
    });
  });

  return issues;
}
