// A one-time password reset link an admin issued; only the token's SHA-256 is stored.
import { EntitySchema } from 'typeorm';
import type { UserRow } from './user';

export interface PasswordResetRow {
  tokenHash: string;
  userId: string;
  user?: UserRow;
  expiresAt: Date;
  usedAt: Date | null;
}

export const PasswordResetEntity = new EntitySchema<PasswordResetRow>({
  name: 'PasswordReset',
  tableName: 'password_resets',
  columns: {
    tokenHash: { type: 'text', name: 'token_hash', primary: true },
    userId: { type: 'uuid', name: 'user_id' },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
    usedAt: { type: 'timestamptz', name: 'used_at', nullable: true },
  },
  relations: { user: { type: 'many-to-one', target: 'User', joinColumn: { name: 'user_id' }, onDelete: 'CASCADE' } },
});
