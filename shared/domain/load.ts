// How many BT doctors are in service at each site each week: what the capacity strip shows.
// A placement's weeks in service leave out the doctor's site-less weeks and absences.
import { weekFromIndex, weekIndex, type Week } from './weeks';

export interface LoadAssignment {
  doctor: string;
  site: string | null;
  from: Week;
  to: Week;
}

/** site → week (Monday) → doctors in service. */
export function siteLoad(assignments: LoadAssignment[], absences: Map<string, { from: Week; to: Week }[]>): Map<string, Map<Week, number>> {
  const off = new Map<string, Set<number>>();
  const offOf = (doctor: string) => off.get(doctor) ?? off.set(doctor, new Set()).get(doctor)!;
  for (const a of assignments) if (a.site === null) for (let w = weekIndex(a.from); w < weekIndex(a.to); w++) offOf(a.doctor).add(w);
  for (const [doctor, list] of absences) for (const r of list) for (let w = weekIndex(r.from); w < weekIndex(r.to); w++) offOf(doctor).add(w);
  const load = new Map<string, Map<Week, number>>();
  for (const a of assignments) {
    if (a.site === null) continue;
    const weeks = load.get(a.site) ?? load.set(a.site, new Map()).get(a.site)!;
    for (let w = weekIndex(a.from); w < weekIndex(a.to); w++) {
      if (offOf(a.doctor).has(w)) continue;
      const week = weekFromIndex(w);
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
    }
  }
  return load;
}
