// The capacity rule, one place for everyone who applies it (validatePlan, the board's strip,
// the solver's model, the reference MIP): a site's capacity in a week is shared by every BT
// doctor of the region, so the cohort being planned may use what the other cohorts leave.
import type { Site } from '../format/problem';
import type { Week } from './weeks';

/** A site's capacity in a given week: the last override covering the week wins. */
export function capacityAt(site: Pick<Site, 'capacity' | 'overrides'>, week: Week): number {
  for (let i = site.overrides.length - 1; i >= 0; i--) {
    const o = site.overrides[i]!;
    if (o.from <= week && week < o.to) return o.capacity;
  }
  return site.capacity;
}

/** Doctors of the region's other cohorts in service at the site that week (their ranges add up). */
export function takenAt(site: Pick<Site, 'taken'>, week: Week): number {
  let taken = 0;
  for (const t of site.taken ?? []) if (t.from <= week && week < t.to) taken += t.doctors;
  return taken;
}

export interface SiteWeek {
  /** The site's capacity that week. */
  capacity: number;
  /** Taken by the region's other cohorts. */
  taken: number;
  /**
   * What the cohort being planned may use: capacity − taken, never below 0. Its doctors in
   * service there that week must not be more; when the other cohorts alone exceed the
   * capacity, a week without any of this cohort's doctors is not this cohort's fault.
   */
  left: number;
}

export function siteWeek(site: Pick<Site, 'capacity' | 'overrides' | 'taken'>, week: Week): SiteWeek {
  const capacity = capacityAt(site, week);
  const taken = takenAt(site, week);
  return { capacity, taken, left: Math.max(0, capacity - taken) };
}

/** The cohort's doctors in service at a site-week break the rule. */
export function overCapacity(own: number, week: SiteWeek): boolean {
  return own > week.left;
}
