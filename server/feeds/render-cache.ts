// Rendered feeds by their calendar's content. The same calendar gives the same bytes, and most
// feed requests are calendar apps polling an unchanged calendar: those skip ical-generator (its
// line folding is most of a feed's CPU time). Bounded, least recently used first out.
import { createHash } from 'node:crypto';
import type { Calendar } from './calendar-data';
import { renderIcal } from './ical';

export interface RenderedFeed {
  body: string;
  etag: string;
}

export class FeedRenderCache {
  private readonly entries = new Map<string, RenderedFeed>();

  constructor(private readonly capacity = 1000) {}

  render(calendar: Calendar): RenderedFeed {
    const key = createHash('sha256').update(JSON.stringify(calendar)).digest('base64url');
    const hit = this.entries.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting marks it as used just now.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const body = renderIcal(calendar.name, calendar.events);
    const feed = { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
    this.entries.set(key, feed);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return feed;
  }

  get size(): number {
    return this.entries.size;
  }
}
