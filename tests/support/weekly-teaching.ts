// The weekly teaching as the feeds wrote it before the series, one session per week, restated
// from the rule: the teaching day of every week from the first placement to the last, except
// weeks off service (site-less placements: vacation, cohort weeks; absences) and public holidays,
// at Stockholm local time. The series must expand to exactly these sessions.
import type { TeachingSettings } from '../../shared/calendar/events';
import { addDays, type IsoDate } from '../../shared/domain/dates';
import { isSwedishHoliday } from '../../shared/domain/holidays';
import { addWeeks, mondayOf, stockholmInstant } from '../../shared/domain/weeks';

export function weeklySessions(placements: { from: IsoDate; to: IsoDate; site: string | null }[], absences: { from: IsoDate; to: IsoDate }[], teaching: TeachingSettings): { start: string; end: string }[] {
  const off = [...placements.filter((p) => p.site === null), ...absences];
  const first = placements.map((p) => p.from).sort()[0]!;
  const end = placements.map((p) => p.to).sort().at(-1)!;
  const sessions: { start: string; end: string }[] = [];
  for (let week = mondayOf(first); week < end; week = addWeeks(week, 1)) {
    if (off.some((o) => mondayOf(o.from) <= week && week < mondayOf(o.to))) continue;
    const day = addDays(week, teaching.weekday - 1);
    if (isSwedishHoliday(day)) continue;
    const start = stockholmInstant(day, teaching.start);
    sessions.push({ start, end: new Date(Date.parse(start) + teaching.minutes * 60_000).toISOString() });
  }
  return sessions;
}
