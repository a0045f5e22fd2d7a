// Feed tokens (create = rotate: the earlier token of the same feed stops working; revoke) and
// the feed itself by token, with a strong ETag over its bytes.
import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import { newToken, tokenHash } from '../auth/tokens';
import { FeedTokenEntity, type FeedScope } from '../entities/feed-token';
import { audit } from '../services/audit';
import { found } from '../services/locking';
import { calendarOf } from './calendar-data';
import { renderIcal } from './ical';
import { FeedRenderCache } from './render-cache';

export interface Feed {
  uuid: string;
  /** Path of the feed; the token in it is shown once, only its hash is kept. */
  path: string;
}

export class FeedService {
  private readonly rendered = new FeedRenderCache();

  constructor(private readonly ds: DataSource) {}

  async create(scope: FeedScope, targetId: string, actor: string, regionId: string | null): Promise<Feed> {
    return this.ds.transaction(async (em) => {
      const tokens = em.getRepository(FeedTokenEntity);
      await tokens.update({ scope, targetId, revokedAt: IsNull() }, { revokedAt: new Date() });
      const token = newToken();
      const row = await tokens.save({ tokenHash: tokenHash(token), scope, targetId, createdBy: actor, revokedAt: null });
      await audit(em, { regionId, actor, action: 'create', entity: `feed-${scope}`, entityId: row.id });
      return { uuid: row.id, path: `/cal/${token}.ics` };
    });
  }

  async revoke(id: string, actor: string, regionId: string | null): Promise<void> {
    await this.ds.transaction(async (em) => {
      await found(em, FeedTokenEntity, id, 'feed');
      await em.getRepository(FeedTokenEntity).update({ id }, { revokedAt: new Date() });
      await audit(em, { regionId, actor, action: 'delete', entity: 'feed', entityId: id });
    });
  }

  /** The feed's bytes and ETag; undefined for an unknown or revoked token. */
  async render(token: string): Promise<{ body: string; etag: string } | undefined> {
    const row = await this.ds.getRepository(FeedTokenEntity).findOneBy({ tokenHash: tokenHash(token), revokedAt: IsNull() });
    if (!row) return undefined;
    const calendar = await calendarOf(this.ds.manager, row.scope, row.targetId);
    if (!calendar) return undefined;
    return this.rendered.render(calendar);
  }

  /** A doctor's calendar as a one-off file. */
  async doctorFile(doctorId: string): Promise<string> {
    const calendar = await calendarOf(this.ds.manager, 'doctor', doctorId);
    return renderIcal(calendar!.name, calendar!.events);
  }
}
