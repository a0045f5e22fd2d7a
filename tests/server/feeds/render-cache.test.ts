// The feed render cache: the same calendar gives the very same rendering without rendering again,
// any change in it a new one, and the least recently used go first when it is full.
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

describe('FeedRenderCache', () => {
  it('renders a calendar once and gives the same bytes and ETag for equal calendars', () => {
    const cache = new FeedRenderCache(2);
    const first = cache.render(calendar('Anna'));
    expect(first.body).toBe(renderIcal('Anna', calendar('Anna').events));
    expect(first.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(cache.render(calendar('Anna'))).toBe(first);
    const other = cache.render(calendar('Bertil'));
    expect(other.body).not.toBe(first.body);
    expect(other.etag).not.toBe(first.etag);
    expect(cache.size).toBe(2);
  });

  it('drops the least recently used rendering when full', () => {
    const cache = new FeedRenderCache(2);
    const a = cache.render(calendar('A'));
    cache.render(calendar('B'));
    expect(cache.render(calendar('A'))).toBe(a); // A used again: B is now the oldest
    cache.render(calendar('C'));
    expect(cache.size).toBe(2);
    expect(cache.render(calendar('A'))).toBe(a);
    expect(cache.render(calendar('B'))).not.toBe(undefined);
    expect(cache.size).toBe(2);
  });
});
