// When a doctor's BT milestones fall on the week grid: BT-kollegium halfway through the service
// weeks (or so many months after the start, as the cohort sets it) and the external assessment in
// the last service week. One rule for the calendar's events and the readiness checklist's due weeks.
import { addWeeks, weekFromIndex, weekIndex, type Week, type WeekRange } from './weeks';

export interface MilestonePlacement {
  from: Week;
  /** Exclusive. */
  to: Week;
  /** null: a block without a site (vacation, the cohort's weeks), which is no service. */
  site: string | null;
}

/** A week of service (its index on the week grid) and the placement it belongs to. */
export interface ServiceWeek<P> {
  week: number;
  placement: P;
}

/**
 * The doctor's service weeks in order: the weeks of site placements that are neither absence nor
 * in a site-less placement (vacation, cohort weeks a site placement straddles).
 */
export function serviceWeeksOf<P extends MilestonePlacement>(placements: readonly P[], absences: readonly WeekRange[]): ServiceWeek<P>[] {
  const offService = new Set<number>();
  for (const a of absences) for (let w = weekIndex(a.from); w < weekIndex(a.to); w++) offService.add(w);
  for (const p of placements) if (p.site === null) for (let w = weekIndex(p.from); w < weekIndex(p.to); w++) offService.add(w);
  const weeks: ServiceWeek<P>[] = [];
  for (const p of [...placements].sort((a, b) => a.from.localeCompare(b.from))) {
    if (p.site === null) continue;
    for (let w = weekIndex(p.from); w < weekIndex(p.to); w++) if (!offService.has(w)) weeks.push({ week: w, placement: p });
  }
  return weeks;
}

export interface Milestones<P> {
  /** One per meeting, in order; the placement it falls in when it is the halfway one. */
  kollegium: { week: Week; months: number | null; placement: P | null }[];
  external: { week: Week; placement: P } | null;
}

/**
 * BT-kollegium: `kollegiumMonths` after the doctor's first week (a month is 52/12 weeks), else
 * halfway through the service weeks; the external assessment: the last service week. Nothing
 * without placements.
 */
export function milestonesOf<P extends MilestonePlacement>(placements: readonly P[], absences: readonly WeekRange[], kollegiumMonths: readonly number[] | null): Milestones<P> {
  if (placements.length === 0) return { kollegium: [], external: null };
  const service = serviceWeeksOf(placements, absences);
  const first = placements.reduce((min, p) => (p.from < min ? p.from : min), placements[0]!.from);
  const middle = service[Math.floor((service.length - 1) / 2)];
  const final = service.at(-1);
  const kollegium = kollegiumMonths
    ? kollegiumMonths.map((months) => ({ week: addWeeks(first, Math.round((months * 52) / 12)), months, placement: null }))
    : middle
      ? [{ week: weekFromIndex(middle.week), months: null, placement: middle.placement }]
      : [];
  return { kollegium, external: final ? { week: weekFromIndex(final.week), placement: final.placement } : null };
}
