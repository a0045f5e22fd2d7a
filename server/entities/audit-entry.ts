// The audit log: who changed what, when, with the row before and after (never secrets).
import { EntitySchema } from 'typeorm';

export interface AuditEntryRow {
  id: string;
  at: Date;
  regionId: string | null;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: object | null;
  after: object | null;
}

export const AuditEntryEntity = new EntitySchema<AuditEntryRow>({
  name: 'AuditEntry',
  tableName: 'audit_log',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    at: { type: 'timestamptz', createDate: true },
    regionId: { type: 'uuid', name: 'region_id', nullable: true },
    actor: { type: 'text' },
    action: { type: 'text' },
    entity: { type: 'text' },
    entityId: { type: 'text', name: 'entity_id' },
    before: { type: 'jsonb', nullable: true },
    after: { type: 'jsonb', nullable: true },
  },
  indices: [{ name: 'ix_audit_log_region_at', columns: ['regionId', 'at'] }],
});
