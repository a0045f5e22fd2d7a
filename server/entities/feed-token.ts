// A calendar feed's secret: 32 random bytes in the URL, only their SHA-256 here. A feed shows
// one doctor, one site or one cohort; a revoked token answers 404.
import { EntitySchema } from 'typeorm';

export const FEED_SCOPES = ['doctor', 'site', 'cohort'] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

export interface FeedTokenRow {
  id: string;
  tokenHash: string;
  scope: FeedScope;
  targetId: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export const FeedTokenEntity = new EntitySchema<FeedTokenRow>({
  name: 'FeedToken',
  tableName: 'feed_tokens',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    tokenHash: { type: 'text', name: 'token_hash' },
    scope: { type: 'text' },
    targetId: { type: 'uuid', name: 'target_id' },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    revokedAt: { type: 'timestamptz', name: 'revoked_at', nullable: true },
  },
  uniques: [{ name: 'uq_feed_tokens_hash', columns: ['tokenHash'] }],
  indices: [{ name: 'ix_feed_tokens_target', columns: ['scope', 'targetId'] }],
  checks: [{ name: 'ck_feed_tokens_scope', expression: `scope IN ('doctor', 'site', 'cohort')` }],
});
