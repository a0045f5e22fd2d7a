// Who makes a request, for the audit log and "created by": the signed-in account.
import type { Request } from 'express';
import { principalOf } from '../auth/access';
import { actorName } from '../auth/principal';

export function actorOf(req: Request): string {
  return actorName(principalOf(req));
}
