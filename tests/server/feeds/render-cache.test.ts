// The feed render cache: a calendar is read and rendered once per revision, however many ask at
// once; a new revision is read again, and keeps its ETag when it renders the same; the least
// recently used go first when it is full.
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../server/feeds/calendar-data';
import { renderIcal } from '../../../server/feeds/ical';
import { FeedRenderCache } from '../../../server/feeds/render-cache';

const calendar = (name: string): Calendar => ({
  name,
  events: [
    {
      uid: '6d1c3b1e-0000-4000-8000-000000000001@bt-planeraren',
      sequence: 0,
      stamp: '2026-01-01T00:00:00.000Z',
      category: 'placement',
      summary: `Internmedicin – ${name}`,
      location: 'Centrallasarettet Växjö',
      start: { date: '2026-02-02' },
      end: { date: '2026-04-06' },
      doctor: 'd1',
    },
  ],
});

/** A loader that counts its reads. */
function loader(name: () => string | undefined) {
  const reads = { count: 0 };
  const load = async () => {
    reads.count++;
    const n = name();
    return n === undefined ? undefined : calendar(n);
  };
  return { reads, load };
}

describe('FeedRenderCache', () => {
  it('reads and renders a calendar once per revision, and once for many asking at once', async () => {
    const cache = new FeedRenderCache();
    const { reads, load } = loader(() => 'Anna');
    const [first, ...others] = await Promise.all([1, 2, 3].map(() => cache.get('doctor:a', '7', load)));
    expect(reads.count).toBe(1);
    expect(first!.body.toString()).toBe(renderIcal('Anna', calendar('Anna').events));
    expect(first!.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    for (const other of others) expect(other).toBe(first);
    expect(await cache.get('doctor:a', '7', load)).toBe(first);
    expect(reads.count).toBe(1);
    expect(cache.renders).toBe(1);
  });

  it('reads a new revision again: a changed calendar gets a new ETag, an unchanged one keeps it', async () => {
    const cache = new FeedRenderCache();
    let name = 'Anna';
    const { reads, load } = loader(() => name);
    const first = await cache.get('doctor:a', '7', load);
    const same = await cache.get('doctor:a', '8', load);
    expect(reads.count).toBe(2);
    expect(same!.etag).toBe(first!.etag);
    name = 'Bertil';
    const changed = await cache.get('doctor:a', '9', load);
    expect(reads.count).toBe(3);
    expect(changed!.etag).not.toBe(first!.etag);
    expect(changed!.body.toString()).toContain('Bertil');
  });

  it('keeps nothing for a calendar that is gone', async () => {
    const cache = new FeedRenderCache();
    const { reads, load } = loader(() => undefined);
    expect(await cache.get('site:x', '1', load)).toBeUndefined();
    expect(await cache.get('site:x', '1', load)).toBeUndefined();
    expect(reads.count).toBe(2);
    expect(cache.bytes).toBe(0);
  });

  it('drops the least recently used rendering when full', async () => {
    const size = Buffer.byteLength(renderIcal('A', calendar('A').events));
    const cache = new FeedRenderCache(2 * size + 10);
    const a = await cache.get('doctor:a', '1', loader(() => 'A').load);
    await cache.get('doctor:b', '1', loader(() => 'B').load);
    expect(await cache.get('doctor:a', '1', loader(() => 'A').load)).toBe(a); // A used again: B is now the oldest
    await cache.get('doctor:c', '1', loader(() => 'C').load);
    expect(cache.bytes).toBe(Buffer.byteLength(renderIcal('A', calendar('A').events)) + Buffer.byteLength(renderIcal('C', calendar('C').events)));
    const again = loader(() => 'A');
    expect(await cache.get('doctor:a', '1', again.load)).toBe(a);
    expect(again.reads.count).toBe(0);
    const b = loader(() => 'B');
    await cache.get('doctor:b', '1', b.load);
    expect(b.reads.count).toBe(1);
  });
});
