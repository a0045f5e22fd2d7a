// The one read of every feed request: the link (a live feed_tokens row) with its calendar's
// revision. Calendar apps poll in crowds, and a round trip to PostgreSQL costs more than the
// lookup itself, so the links asked for in the same turn of the event loop are read together in
// one statement (named: each connection plans it once) — still one indexed lookup per request.
import type { DataSource } from 'typeorm';
import type { FeedTokenRow } from '../entities/feed-token';

/** A live link with its calendar's revision ('0' until anything in that calendar changed). */
export type LinkRow = Pick<FeedTokenRow, 'id' | 'scope' | 'targetId' | 'generation' | 'demo'> & { revision: string };

/** The part of node-postgres's pool used here: TypeORM's postgres driver keeps one as `master`. */
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: LinkRow[] }>;
}

const COLUMNS = `SELECT f.id, f.scope, f.target_id AS "targetId", f.generation, f.demo, COALESCE(r.revision, 0)::text AS revision
                   FROM feed_tokens f LEFT JOIN calendar_revisions r ON r.scope = f.scope AND r.target_id = f.target_id`;

/** Most ids in one statement. */
const BATCH = 500;

export class LinkReader {
  private waiting = new Map<string, { resolve(row: LinkRow | undefined): void; reject(error: unknown): void }[]>();

  constructor(private readonly ds: DataSource) {}

  /** The live derived link with this id. */
  byId(id: string): Promise<LinkRow | undefined> {
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) setImmediate(() => void this.flush());
      const callers = this.waiting.get(id);
      if (callers) callers.push({ resolve, reject });
      else this.waiting.set(id, [{ resolve, reject }]);
    });
  }

  /** The live link from before derived tokens whose token has this SHA-256. */
  async byHash(hash: string): Promise<LinkRow | undefined> {
    const { rows } = await this.pool().query({ name: 'feed-link-by-hash', text: `${COLUMNS} WHERE f.token_hash = $1 AND f.revoked_at IS NULL`, values: [hash] });
    return rows[0];
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    const ids = [...batch.keys()];
    for (let i = 0; i < ids.length; i += BATCH) {
      const part = ids.slice(i, i + BATCH);
      try {
        const { rows } = await this.pool().query({
          name: 'feed-links-by-id',
          text: `${COLUMNS} WHERE f.id = ANY($1::uuid[]) AND f.token_hash IS NULL AND f.revoked_at IS NULL`,
          values: [part],
        });
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (const id of part) for (const caller of batch.get(id)!) caller.resolve(byId.get(id));
      } catch (error) {
        for (const id of part) for (const caller of batch.get(id)!) caller.reject(error);
      }
    }
  }

  private pool(): PgPool {
    return (this.ds.driver as unknown as { master: PgPool }).master;
  }
}
