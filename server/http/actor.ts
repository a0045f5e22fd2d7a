// Who makes a request, for the audit log and "created by". Until accounts exist every request
// is the API's own; the accounts issue replaces this with the signed-in user.
import type { Request } from 'express';

export function actorOf(_req: Request): string {
  return 'api';
}
