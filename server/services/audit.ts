// Every write leaves an audit entry in the same transaction: who, what, before and after.
import type { EntityManager } from 'typeorm';
import { AuditEntryEntity } from '../entities/audit-entry';

export interface AuditInput {
  regionId: string | null;
  actor: string;
  action: 'create' | 'update' | 'delete' | 'publish' | 'archive' | 'import' | 'approve' | 'reject' | 'start' | 'cancel';
  entity: string;
  entityId: string;
  before?: object;
  after?: object;
}

export async function audit(em: EntityManager, entry: AuditInput): Promise<void> {
  await em.getRepository(AuditEntryEntity).insert({ ...entry, before: entry.before ?? null, after: entry.after ?? null });
}
