// Who is signed in and what they may reach: a role, and its regions, sites or doctor.
import type { EntityManager } from 'typeorm';
import { UserEntity, type Role } from '../entities/user';
import { UserRegionEntity } from '../entities/user-region';
import { UserSiteEntity } from '../entities/user-site';

export interface Principal {
  userId: string;
  email: string;
  role: Role;
  regions: ReadonlySet<string>;
  sites: ReadonlySet<string>;
  doctorId: string | null;
}

export async function loadPrincipal(em: EntityManager, userId: string): Promise<Principal | undefined> {
  const user = await em.getRepository(UserEntity).findOneBy({ id: userId });
  if (!user) return undefined;
  const regions = await em.getRepository(UserRegionEntity).findBy({ userId });
  const sites = await em.getRepository(UserSiteEntity).findBy({ userId });
  return {
    userId,
    email: user.email,
    role: user.role,
    regions: new Set(regions.map((r) => r.regionId)),
    sites: new Set(sites.map((s) => s.siteId)),
    doctorId: user.doctorId,
  };
}

/** What the audit log and "created by" record: the account, never a name. */
export function actorName(principal: Principal | undefined): string {
  return principal ? `${principal.role}:${principal.email}` : 'anonymous';
}
