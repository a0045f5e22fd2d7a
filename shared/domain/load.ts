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

/** Runs of consecutive weeks with the same number of doctors (none left out): the `taken` ranges of a problem's site. */
export function loadRuns(weeks: Map<Week, number>): { from: Week; to: Week; doctors: number }[] {
  const runs: { from: number; to: number; doctors: number }[] = [];
  for (const w of [...weeks.keys()].map(weekIndex).sort((x, y) => x - y)) {
    const doctors = weeks.get(weekFromIndex(w))!;
    if (doctors <= 0) continue;
    const last = runs.at(-1);
    if (last && last.to === w && last.doctors === doctors) last.to = w + 1;
    else runs.push({ from: w, to: w + 1, doctors });
  }
  return runs.map((r) => ({ from: weekFromIndex(r.from), to: weekFromIndex(r.to), doctors: r.doctors }));
}
