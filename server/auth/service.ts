// Accounts: sign in (with lockout after repeated failures, the same answer for unknown and
// known emails), sessions, password change, admin-issued one-time reset links, users.
import type { DataSource, EntityManager } from 'typeorm';
import { MoreThan } from 'typeorm';
import type { Account, Login, UserBody } from '../../shared/api/auth';
import { LoginAttemptEntity } from '../entities/login-attempt';
import { PasswordResetEntity } from '../entities/password-reset';
import { SessionEntity } from '../entities/session';
import { UserEntity, type UserRow } from '../entities/user';
import { UserRegionEntity } from '../entities/user-region';
import { UserSiteEntity } from '../entities/user-site';
import { HttpError, ruleBroken } from '../http/errors';
import { audit } from '../services/audit';
import { found } from '../services/locking';
import { hashPassword, verifyPassword } from './passwords';
import { loadPrincipal, type Principal } from './principal';
import { newToken, tokenHash } from './tokens';

export interface AuthPolicy {
  /** Failed logins in a row before the email is locked. */
  maxFailures: number;
  lockMinutes: number;
  sessionHours: number;
  resetLinkHours: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = { maxFailures: 5, lockMinutes: 15, sessionHours: 12, resetLinkHours: 24 };

const wrongLogin = () => new HttpError(401, 'Unauthorized', 'wrong email or password');
const locked = () => new HttpError(429, 'Too Many Requests', 'too many failed sign-ins; try again later');

async function userOf(em: EntityManager, row: UserRow): Promise<Account> {
  const regions = await em.getRepository(UserRegionEntity).findBy({ userId: row.id });
  const sites = await em.getRepository(UserSiteEntity).findBy({ userId: row.id });
  // One list of towns for all the account's regions (POST /api/users gives one).
  const towns = regions.find((r) => r.towns !== null)?.towns ?? null;
  return { uuid: row.id, email: row.email, role: row.role, regions: regions.map((r) => r.regionId), sites: sites.map((s) => s.siteId), doctor: row.doctorId, towns };
}

export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly policy: AuthPolicy = DEFAULT_AUTH_POLICY,
  ) {}

  /** A session token for the right password; 401 otherwise, 429 while the email is locked. */
  async login({ email, password }: Login): Promise<{ token: string; expiresAt: Date; user: Account }> {
    const attempts = this.ds.getRepository(LoginAttemptEntity);
    const attempt = await attempts.findOneBy({ email });
    if (attempt?.lockedUntil && attempt.lockedUntil > new Date()) throw locked();
    const user = await this.ds.getRepository(UserEntity).findOneBy({ email });
    if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
      throw (await this.countFailure(email)) ? locked() : wrongLogin();
    }
    await attempts.delete({ email });
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.policy.sessionHours * 3_600_000);
    await this.ds.getRepository(SessionEntity).insert({ tokenHash: tokenHash(token), userId: user.id, expiresAt });
    return { token, expiresAt, user: await userOf(this.ds.manager, user) };
  }

  /**
   * One more failed sign-in for `email`, counted in one statement so that failures sent at once
   * each count (a read, a slow password check and a write would lose all but one). A lock that
   * has run out starts the count again; the count that reaches the limit locks. True when the
   * email is locked now.
   */
  private async countFailure(email: string): Promise<boolean> {
    const [row] = (await this.ds.query(
      `INSERT INTO login_attempts AS a (email, failures, locked_until)
         VALUES ($1, 1, CASE WHEN 1 >= $2 THEN now() + make_interval(mins => $3) END)
       ON CONFLICT (email) DO UPDATE SET
         failures = CASE
           WHEN a.locked_until > now() THEN a.failures
           WHEN (CASE WHEN a.locked_until IS NULL THEN a.failures ELSE 0 END) + 1 >= $2 THEN 0
           ELSE (CASE WHEN a.locked_until IS NULL THEN a.failures ELSE 0 END) + 1 END,
         locked_until = CASE
           WHEN a.locked_until > now() THEN a.locked_until
           WHEN (CASE WHEN a.locked_until IS NULL THEN a.failures ELSE 0 END) + 1 >= $2 THEN now() + make_interval(mins => $3)
           ELSE NULL END
       RETURNING locked_until`,
      [email, this.policy.maxFailures, this.policy.lockMinutes],
    )) as { locked_until: Date | null }[];
    return row!.locked_until !== null;
  }

  /** The principal of a live session, if the token is one. */
  async session(token: string): Promise<Principal | undefined> {
    const session = await this.ds.getRepository(SessionEntity).findOneBy({ tokenHash: tokenHash(token), expiresAt: MoreThan(new Date()) });
    return session ? loadPrincipal(this.ds.manager, session.userId) : undefined;
  }

  async logout(token: string): Promise<void> {
    await this.ds.getRepository(SessionEntity).delete({ tokenHash: tokenHash(token) });
  }

  async me(principal: Principal): Promise<Account> {
    return userOf(this.ds.manager, await found(this.ds.manager, UserEntity, principal.userId, 'user'));
  }

  /**
   * Needs the current password; every other session of the user ends. Wrong guesses count like
   * failed sign-ins: the one that locks the email also ends every session of the user.
   */
  async changePassword(principal: Principal, current: string, password: string, keepToken: string): Promise<void> {
    const account = await found(this.ds.manager, UserEntity, principal.userId, 'user');
    if (!(await verifyPassword(account.passwordHash, current))) {
      if (!(await this.countFailure(account.email))) throw new HttpError(403, 'Forbidden', 'the current password is wrong');
      await this.ds.getRepository(SessionEntity).delete({ userId: account.id });
      throw new HttpError(429, 'Too Many Requests', 'too many wrong passwords; you are signed out');
    }
    await this.ds.transaction(async (em) => {
      const user = await found(em, UserEntity, principal.userId, 'user');
      await em.getRepository(UserEntity).update({ id: user.id }, { passwordHash: await hashPassword(password) });
      await em.createQueryBuilder().delete().from(SessionEntity).where('user_id = :id AND token_hash <> :keep', { id: user.id, keep: tokenHash(keepToken) }).execute();
      // A reset link issued before the change would undo it; the right password clears the count.
      await em.getRepository(PasswordResetEntity).delete({ userId: user.id });
      await em.getRepository(LoginAttemptEntity).delete({ email: user.email });
      await audit(em, { regionId: null, actor: `${user.role}:${user.email}`, action: 'update', entity: 'password', entityId: user.id });
    });
  }

  /** A one-time link for the admin to hand over (no mail server): the token is in the fragment. */
  async resetLink(userId: string, actor: string): Promise<{ link: string; expiresAt: string }> {
    return this.ds.transaction(async (em) => {
      await found(em, UserEntity, userId, 'user');
      // One live link per user: the new one cancels any before it.
      await em.getRepository(PasswordResetEntity).delete({ userId });
      const token = newToken();
      const expiresAt = new Date(Date.now() + this.policy.resetLinkHours * 3_600_000);
      await em.getRepository(PasswordResetEntity).insert({ tokenHash: tokenHash(token), userId, expiresAt, usedAt: null });
      await audit(em, { regionId: null, actor, action: 'create', entity: 'password-reset', entityId: userId });
      return { link: `/aterstall-losenord#${token}`, expiresAt: expiresAt.toISOString() };
    });
  }

  /** Uses a reset link once: the new password, and every session of the user ends. */
  async reset(token: string, password: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      // Taken in one statement: of requests using the link at once, one finds it unused (the
      // others wait for its row and then find it used).
      const [taken] = (await em.query(
        `UPDATE password_resets SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
        [tokenHash(token)],
      )) as [{ user_id: string }[], number];
      const userId = taken[0]?.user_id;
      if (!userId) throw ruleBroken('the link is unknown, used or expired; ask for a new one');
      await em.getRepository(UserEntity).update({ id: userId }, { passwordHash: await hashPassword(password) });
      await em.getRepository(SessionEntity).delete({ userId });
      await audit(em, { regionId: null, actor: 'reset-link', action: 'update', entity: 'password', entityId: userId });
    });
  }

  async users(): Promise<Account[]> {
    const rows = await this.ds.getRepository(UserEntity).find({ order: { email: 'ASC' } });
    const users: Account[] = [];
    for (const row of rows) users.push(await userOf(this.ds.manager, row));
    return users;
  }

  async createUser(body: UserBody, actor: string): Promise<Account> {
    return this.ds.transaction((em) => createUserIn(em, body, actor));
  }
}

export async function createUserIn(em: EntityManager, body: UserBody, actor: string): Promise<Account> {
  const row = await em.getRepository(UserEntity).save({ email: body.email, passwordHash: await hashPassword(body.password), role: body.role, doctorId: body.doctor ?? null });
  const towns = body.towns ? [...new Set(body.towns)] : null;
  if (towns) await refuseUnknownTowns(em, body.regions, towns);
  if (body.regions.length) await em.getRepository(UserRegionEntity).insert(body.regions.map((regionId) => ({ userId: row.id, regionId, towns })));
  if (body.sites.length) await em.getRepository(UserSiteEntity).insert(body.sites.map((siteId) => ({ userId: row.id, siteId })));
  await audit(em, {
    regionId: null,
    actor,
    action: 'create',
    entity: 'user',
    entityId: row.id,
    after: { email: body.email, role: body.role, regions: body.regions, sites: body.sites, ...(towns ? { towns } : {}) },
  });
  return userOf(em, row);
}

/** 422 at `towns` for a town that is none of each region's: a town of its sites or of its doctors' homes. */
async function refuseUnknownTowns(em: EntityManager, regionIds: string[], towns: string[]): Promise<void> {
  const rows: { region_id: string; town: string }[] = await em.query(
    `SELECT region_id, town FROM sites WHERE region_id = ANY($1::uuid[])
     UNION SELECT c.region_id, d.town FROM doctors d JOIN cohorts c ON c.id = d.cohort_id WHERE c.region_id = ANY($1::uuid[]) AND d.town IS NOT NULL`,
    [regionIds],
  );
  const errors = regionIds.flatMap((regionId) =>
    towns.filter((town) => !rows.some((r) => r.region_id === regionId && r.town === town)).map((town) => ({ path: 'towns', message: `${town} is no town of region ${regionId} (none of its sites or doctors is there)` })),
  );
  if (errors.length) throw new HttpError(422, 'Unprocessable Content', errors.map((e) => `${e.path}: ${e.message}`).join('\n'), undefined, { errors });
}
