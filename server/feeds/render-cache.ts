// Rendered feeds by calendar and revision (calendar_revisions, raised by the database whenever
// anything a calendar shows changes). Most feed requests are calendar apps polling an unchanged
// calendar: those cost the revision read only. The ETag is the SHA-256 of the bytes, so a raised
// revision whose calendar renders the same keeps its ETag (a 304 still). Bounded by size, least
// recently used first out; a calendar asked for by many at once is rendered once.
import { createHash } from 'node:crypto';
import type { Calendar } from './calendar-data';
import { renderIcal } from './ical';

export interface RenderedFeed {
  /** UTF-8, as sent: a big feed is not encoded again for every request. */
  body: Buffer;
  etag: string;
}

interface Entry extends RenderedFeed {
  revision: string;
}

export class FeedRenderCache {
  private readonly entries = new Map<string, Entry>();
  private readonly rendering = new Map<string, Promise<RenderedFeed | undefined>>();
  private size = 0;
  /** How many times a calendar was read and rendered (not served from memory). */
  renders = 0;

  /** @param capacity bytes of rendered feeds kept (64 MiB: dozens of 200-doctor cohort feeds, thousands of doctors'). */
  constructor(private readonly capacity = 64 * 1024 * 1024) {}

  /** The calendar `key` at `revision`: from memory, or read by `load` and rendered (undefined: no such calendar). */
  async get(key: string, revision: string, load: () => Promise<Calendar | undefined>): Promise<RenderedFeed | undefined> {
    const hit = this.entries.get(key);
    if (hit?.revision === revision) {
      // Map order is insertion order: re-inserting marks it as used just now.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const id = `${key}@${revision}`;
    let pending = this.rendering.get(id);
    if (!pending) {
      pending = this.render(key, revision, load).finally(() => this.rendering.delete(id));
      this.rendering.set(id, pending);
    }
    return pending;
  }

  get bytes(): number {
    return this.size;
  }

  private async render(key: string, revision: string, load: () => Promise<Calendar | undefined>): Promise<RenderedFeed | undefined> {
    const calendar = await load();
    this.renders++;
    if (!calendar) return undefined;
    const body = Buffer.from(renderIcal(calendar.name, calendar.events));
    const entry = { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"`, revision };
    this.forget(key);
    // A rendering larger than the whole cache is served but not kept.
    if (body.length > this.capacity) return entry;
    this.entries.set(key, entry);
    this.size += body.length;
    while (this.size > this.capacity) this.forget(this.entries.keys().next().value!);
    return entry;
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.size -= entry.body.length;
  }
}
