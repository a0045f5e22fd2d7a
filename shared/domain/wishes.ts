// When a doctor's wish counts as met. A wish names a block and a site, a start week or both;
// a site-less block (vacation) has no site, so only its start can miss.
import type { Wish } from '../format/problem';

export function wishMet(wish: Pick<Wish, 'site' | 'from'>, site: string | null, from: string): boolean {
  const siteOk = wish.site === undefined || site === null || wish.site === site;
  const fromOk = wish.from === undefined || wish.from === from;
  return siteOk && fromOk;
}
