// The sign-in limit per address counted in PostgreSQL: every server process on the database
// counts the same hits (a memory store per process would let each allow the whole limit).
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { DataSource } from 'typeorm';

/** Now and then an increment also clears windows long over, so the table stays small. */
const SWEEP_EVERY = 200;

export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private windowSeconds = 60;
  private calls = 0;

  constructor(
    private readonly ds: DataSource,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowSeconds = options.windowMs / 1000;
  }

  /** One statement, so hits sent at once each count; a window that has run out starts again. */
  async increment(key: string): Promise<ClientRateLimitInfo> {
    if (++this.calls % SWEEP_EVERY === 0) await this.ds.query(`DELETE FROM rate_limits WHERE reset_at < now() - interval '1 hour'`);
    const [row] = (await this.ds.query(
      `INSERT INTO rate_limits AS r (key, hits, reset_at) VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
         reset_at = CASE WHEN r.reset_at <= now() THEN now() + make_interval(secs => $2) ELSE r.reset_at END
       RETURNING hits, reset_at`,
      [this.prefix + key, this.windowSeconds],
    )) as { hits: number; reset_at: Date }[];
    return { totalHits: row!.hits, resetTime: new Date(row!.reset_at) };
  }

  async decrement(key: string): Promise<void> {
    await this.ds.query('UPDATE rate_limits SET hits = greatest(hits - 1, 0) WHERE key = $1', [this.prefix + key]);
  }

  async resetKey(key: string): Promise<void> {
    await this.ds.query('DELETE FROM rate_limits WHERE key = $1', [this.prefix + key]);
  }
}
