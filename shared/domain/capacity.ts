// A site's capacity in a given week: the last override covering the week wins.
import type { Site } from '../format/problem';
import type { Week } from './weeks';

export function capacityAt(site: Site, week: Week): number {
  for (let i = site.overrides.length - 1; i >= 0; i--) {
    const o = site.overrides[i]!;
    if (o.from <= week && week < o.to) return o.capacity;
  }
  return site.capacity;
}
