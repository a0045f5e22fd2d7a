// How the board names what a plan holds: doctors by name, blocks by their label, a placement by
// site and weeks ("Sundsvalls sjukhus, v. 12 2026–v. 28 2026"). Codes stand in for anything unknown.
import { blockLabel, type Lang } from '../../../../shared/domain/labels';
import { formatWeekRange } from '../../../../shared/domain/weeks';
import type { Problem } from '../../../../shared/format/problem';

export interface PlanWords {
  doctor(id: string): string;
  block(id: string): string;
  /** A placement's site and weeks, or "—" when there is none. */
  where(placed: { site: string | null; from: string; to: string } | null | undefined): string;
}

export function planWords(problem: Problem | undefined, lang: Lang): PlanWords {
  const doctors = new Map(problem?.doctors.map((d) => [d.id, d.name]));
  const blocks = new Map(problem?.blocks.map((b) => [b.id, blockLabel(b, lang)]));
  const sites = new Map(problem?.sites.map((s) => [s.id, s.name]));
  return {
    doctor: (id) => doctors.get(id) ?? id,
    block: (id) => blocks.get(id) ?? id,
    where: (p) => (p ? `${p.site ? `${sites.get(p.site) ?? p.site}, ` : ''}${formatWeekRange(p, lang)}` : '—'),
  };
}
