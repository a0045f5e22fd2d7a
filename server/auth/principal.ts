// Who is signed in and what they may reach: a role, and its regions, sites, doctor or supervised doctors.
import type { EntityManager } from 'typeorm';
import { UserEntity, type Role } from '../entities/user';
import { UserRegionEntity } from '../entities/user-region';
import { UserSiteEntity } from '../entities/user-site';

export interface Principal {
  userId: string;
  email: string;
  role: Role;
  regions: ReadonlySet<string>;
  /** A coordinator limited to towns of a region: region id → those towns. A region not here is theirs whole. */
  towns: ReadonlyMap<string, ReadonlySet<string>>;
  sites: ReadonlySet<string>;
  doctorId: string | null;
  /** A supervisor's doctors: those with a placement supervised by this account's email. */
  supervises: ReadonlySet<string>;
}

export async function loadPrincipal(em: EntityManager, userId: string): Promise<Principal | undefined> {
  const user = await em.getRepository(UserEntity).findOneBy({ id: userId });
  if (!user) return undefined;
  const regions = await em.getRepository(UserRegionEntity).findBy({ userId });
  const sites = await em.getRepository(UserSiteEntity).findBy({ userId });
  const supervised: { doctor_id: string }[] =
    user.role === 'supervisor' ? await em.query(`SELECT DISTINCT doctor_id FROM placement_supervisors WHERE email = $1`, [user.email]) : [];
  return {
    userId,
    email: user.email,
    role: user.role,
    regions: new Set(regions.map((r) => r.regionId)),
    towns: new Map(regions.flatMap((r) => (r.towns === null ? [] : [[r.regionId, new Set(r.towns)] as const]))),
    sites: new Set(sites.map((s) => s.siteId)),
    doctorId: user.doctorId,
    supervises: new Set(supervised.map((s) => s.doctor_id)),
  };
}

/** What the audit log and "created by" record: the account, never a name. */
export function actorName(principal: Principal | undefined): string {
  return principal ? `${principal.role}:${principal.email}` : 'anonymous';
}
