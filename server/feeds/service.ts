// Feed links that stay: one current link per doctor, site or cohort, shown again on every visit
// (its token is recomputed, feeds/tokens.ts); renewing ends the earlier URL at once; revoking
// ends the feed. The feed itself by token, with a strong ETag over its bytes, rendered once per
// revision of its calendar (feeds/render-cache.ts).
import type { DataSource, EntityManager } from 'typeorm';
import { IsNull, Not } from 'typeorm';
import { tokenHash } from '../auth/tokens';
import { FeedTokenEntity, type FeedScope, type FeedTokenRow } from '../entities/feed-token';
import { audit } from '../services/audit';
import { found } from '../services/locking';
import { calendarOf } from './calendar-data';
import { renderIcal } from './ical';
import { LinkReader, type LinkRow } from './link-reader';
import { FeedRenderCache, type RenderedFeed } from './render-cache';
import { DEMO_FEED_KEY, feedToken, macMatches, readFeedToken } from './tokens';

export interface Feed {
  uuid: string;
  /** Path of the feed, /cal/<token>.ics. */
  path: string;
}

export interface FeedKeys {
  /** The installation's key (FEED_SECRET or DATA_DIR/feed-secret). */
  secret: string;
  /** Whether demo feeds (public key) answer: never with NODE_ENV=production. */
  demoFeeds: boolean;
}

export class FeedService {
  private readonly rendered = new FeedRenderCache();
  private readonly links: LinkReader;

  constructor(
    private readonly ds: DataSource,
    private readonly keys: FeedKeys,
  ) {
    this.links = new LinkReader(ds);
  }

  /** The current link, or undefined when there is none yet. */
  async current(scope: FeedScope, targetId: string): Promise<Feed | undefined> {
    const row = await currentRow(this.ds.manager, scope, targetId);
    return row && this.usable(row) ? this.feedOf(row) : undefined;
  }

  /** The current link, or a first one (created: true). Never rotates. */
  async ensure(scope: FeedScope, targetId: string, actor: string, regionId: string | null): Promise<{ feed: Feed; created: boolean }> {
    return this.ds.transaction(async (em) => {
      await lockTarget(em, targetId);
      const row = await currentRow(em, scope, targetId);
      if (row && this.usable(row)) return { feed: this.feedOf(row), created: false };
      // A demo link where demo feeds are refused becomes a real one.
      if (row) return { feed: await this.bump(em, row, actor, regionId), created: true };
      return { feed: await this.create(em, scope, targetId, actor, regionId), created: true };
    });
  }

  /** A new link: the next generation, so the earlier URL (and any pre-derived token) answers 404 at once. */
  async renew(scope: FeedScope, targetId: string, actor: string, regionId: string | null): Promise<Feed> {
    return this.ds.transaction(async (em) => {
      await lockTarget(em, targetId);
      await em.getRepository(FeedTokenEntity).update({ scope, targetId, revokedAt: IsNull(), tokenHash: Not(IsNull()) }, { revokedAt: new Date() });
      const row = await currentRow(em, scope, targetId);
      return row ? this.bump(em, row, actor, regionId) : this.create(em, scope, targetId, actor, regionId);
    });
  }

  async revoke(id: string, actor: string, regionId: string | null): Promise<void> {
    await this.ds.transaction(async (em) => {
      await found(em, FeedTokenEntity, id, 'feed');
      await em.getRepository(FeedTokenEntity).update({ id }, { revokedAt: new Date() });
      await audit(em, { regionId, actor, action: 'delete', entity: 'feed', entityId: id });
    });
  }

  /**
   * The feed's bytes and ETag; undefined for an unknown, revoked or renewed token. One indexed
   * read finds the link and its calendar's revision; the rendering of that revision comes from
   * memory when this process has made it before.
   */
  async render(token: string): Promise<RenderedFeed | undefined> {
    const row = (await this.derivedRow(token)) ?? (await this.legacyRow(token));
    if (!row) return undefined;
    return this.rendered.get(`${row.scope}:${row.targetId}`, row.revision, () => calendarOf(this.ds.manager, row.scope, row.targetId));
  }

  /** A doctor's calendar as a one-off file. */
  async doctorFile(doctorId: string): Promise<string> {
    const calendar = await calendarOf(this.ds.manager, 'doctor', doctorId);
    return renderIcal(calendar!.name, calendar!.events);
  }

  private async derivedRow(token: string): Promise<LinkRow | undefined> {
    const read = readFeedToken(token);
    if (!read) return undefined;
    const row = await this.links.byId(read.id);
    return row && this.usable(row) && macMatches(this.keyOf(row), row.id, row.generation, read.mac) ? row : undefined;
  }

  /** A token from before derived tokens: its SHA-256 was stored, and it keeps working until renewed. */
  private async legacyRow(token: string): Promise<LinkRow | undefined> {
    return this.links.byHash(tokenHash(token));
  }

  private usable(row: Pick<FeedTokenRow, 'demo'>): boolean {
    return !row.demo || this.keys.demoFeeds;
  }

  private keyOf(row: Pick<FeedTokenRow, 'demo'>): string {
    return row.demo ? DEMO_FEED_KEY : this.keys.secret;
  }

  private feedOf(row: FeedTokenRow): Feed {
    return { uuid: row.id, path: `/cal/${feedToken(this.keyOf(row), row.id, row.generation)}.ics` };
  }

  private async create(em: EntityManager, scope: FeedScope, targetId: string, actor: string, regionId: string | null): Promise<Feed> {
    const row = await em.getRepository(FeedTokenEntity).save({ scope, targetId, generation: 1, demo: false, tokenHash: null, createdBy: actor, revokedAt: null });
    await audit(em, { regionId, actor, action: 'create', entity: `feed-${row.scope}`, entityId: row.id });
    return this.feedOf(row);
  }

  private async bump(em: EntityManager, row: FeedTokenRow, actor: string, regionId: string | null): Promise<Feed> {
    const renewed = { ...row, generation: row.generation + 1, demo: false };
    await em.getRepository(FeedTokenEntity).update({ id: row.id }, { generation: renewed.generation, demo: false });
    const before = { generation: row.generation, ...(row.demo ? { demo: true } : {}) };
    await audit(em, { regionId, actor, action: 'update', entity: `feed-${row.scope}`, entityId: row.id, before, after: { generation: renewed.generation } });
    return this.feedOf(renewed);
  }
}

function currentRow(em: EntityManager, scope: FeedScope, targetId: string): Promise<FeedTokenRow | null> {
  return em.getRepository(FeedTokenEntity).findOneBy({ scope, targetId, revokedAt: IsNull(), tokenHash: IsNull() });
}

/** Two tabs ensuring the first link at once: the second waits and finds the first's row. */
async function lockTarget(em: EntityManager, targetId: string): Promise<void> {
  await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`feed:${targetId}`]);
}
