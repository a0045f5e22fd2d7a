// Requests per key (the sign-in limit per address) in the current window, shared by every server
// process on the database.
import { EntitySchema } from 'typeorm';

export interface RateLimitRow {
  key: string;
  hits: number;
  resetAt: Date;
}

export const RateLimitEntity = new EntitySchema<RateLimitRow>({
  name: 'RateLimit',
  tableName: 'rate_limits',
  columns: {
    key: { type: 'text', primary: true },
    hits: { type: 'integer' },
    resetAt: { type: 'timestamptz', name: 'reset_at' },
  },
});
