// When a doctor's wish counts as met. A wish names a block and a site, a start week or both;
// a site-less block (vacation) has no site, so only its start can miss.
import type { Wish } from '../format/problem';

export function wishMet(wish: Pick<Wish, 'site' | 'from'>, site: string | null, from: string): boolean {
  const siteOk = wish.site === undefined || site === null || wish.site === site;
  const fromOk = wish.from === undefined || wish.from === from;
  return siteOk && fromOk;
}

/** Per doctor with wishes: how many of them the plan meets (a wish for an unplaced block is unmet). */
export function wishesMetByDoctor(
  doctors: readonly { id: string; wishes: readonly Pick<Wish, 'block' | 'site' | 'from'>[] }[],
  assignments: readonly { doctor: string; block: string; site: string | null; from: string }[],
): Map<string, { met: number; total: number }> {
  const placed = new Map(assignments.map((a) => [`${a.doctor}/${a.block}`, a]));
  const result = new Map<string, { met: number; total: number }>();
  for (const doctor of doctors) {
    if (doctor.wishes.length === 0) continue;
    const met = doctor.wishes.filter((w) => {
      const a = placed.get(`${doctor.id}/${w.block}`);
      return a !== undefined && wishMet(w, a.site, a.from);
    }).length;
    result.set(doctor.id, { met, total: doctor.wishes.length });
  }
  return result;
}
