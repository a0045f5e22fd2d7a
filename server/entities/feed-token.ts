// A calendar feed's link. A feed shows one doctor, one site or one cohort; its token is derived
// (server/feeds/tokens.ts) from the server's secret, the row's id and its generation, so nothing
// here is enough to build a working URL, and the link can be shown again. Renewing bumps the
// generation; a revoked row answers 404. Rows from before derived tokens keep the SHA-256 of
// their random token (tokenHash) and keep working until their target's link is renewed.
import { EntitySchema } from 'typeorm';

export const FEED_SCOPES = ['doctor', 'site', 'cohort'] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

export interface FeedTokenRow {
  id: string;
  /** Only on rows from before derived tokens; null on every new one. */
  tokenHash: string | null;
  scope: FeedScope;
  targetId: string;
  /** Part of the derived token: renewing bumps it and the earlier URL stops working. */
  generation: number;
  /** Derived from the public demo key (demo data only; refused with NODE_ENV=production). */
  demo: boolean;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export const FeedTokenEntity = new EntitySchema<FeedTokenRow>({
  name: 'FeedToken',
  tableName: 'feed_tokens',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    tokenHash: { type: 'text', name: 'token_hash', nullable: true },
    scope: { type: 'text' },
    targetId: { type: 'uuid', name: 'target_id' },
    generation: { type: 'int', default: 1 },
    demo: { type: 'boolean', default: false },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    revokedAt: { type: 'timestamptz', name: 'revoked_at', nullable: true },
  },
  uniques: [{ name: 'uq_feed_tokens_hash', columns: ['tokenHash'] }],
  indices: [
    { name: 'ix_feed_tokens_target', columns: ['scope', 'targetId'] },
    // One current derived link per doctor, site or cohort (two tabs ensuring at once get the same).
    { name: 'uq_feed_tokens_current', columns: ['scope', 'targetId'], unique: true, where: 'revoked_at IS NULL AND token_hash IS NULL' },
  ],
  checks: [{ name: 'ck_feed_tokens_scope', expression: `scope IN ('doctor', 'site', 'cohort')` }],
});
