// A signed-in session. Only the SHA-256 of the cookie's token is stored.
import { EntitySchema } from 'typeorm';
import type { UserRow } from './user';

export interface SessionRow {
  /** Hex SHA-256 of the token. */
  tokenHash: string;
  userId: string;
  user?: UserRow;
  createdAt: Date;
  expiresAt: Date;
}

export const SessionEntity = new EntitySchema<SessionRow>({
  name: 'Session',
  tableName: 'sessions',
  columns: {
    tokenHash: { type: 'text', name: 'token_hash', primary: true },
    userId: { type: 'uuid', name: 'user_id' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
  },
  relations: { user: { type: 'many-to-one', target: 'User', joinColumn: { name: 'user_id' }, onDelete: 'CASCADE' } },
  indices: [{ name: 'ix_sessions_expires_at', columns: ['expiresAt'] }],
});
