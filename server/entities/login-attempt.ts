// Failed logins per email address (known or not, so a lockout tells nothing about accounts).
import { EntitySchema } from 'typeorm';

export interface LoginAttemptRow {
  email: string;
  failures: number;
  lockedUntil: Date | null;
}

export const LoginAttemptEntity = new EntitySchema<LoginAttemptRow>({
  name: 'LoginAttempt',
  tableName: 'login_attempts',
  columns: {
    email: { type: 'text', primary: true },
    failures: { type: 'integer', default: 0 },
    lockedUntil: { type: 'timestamptz', name: 'locked_until', nullable: true },
  },
});
