// A plan version's violations as validatePlan found them, and the region revision they were found
// at: a read serves them until the plan or the region's planning inputs change.
import { EntitySchema } from 'typeorm';
import type { Violation } from '../../shared/domain/violations';
import type { PlanRow } from './plan';

export interface PlanCheckRow {
  planId: string;
  plan?: PlanRow;
  planVersion: number;
  /** The region's revision when checked ('0' before anything in the region changed). */
  inputsRevision: string;
  violations: Violation[];
}

export const PlanCheckEntity = new EntitySchema<PlanCheckRow>({
  name: 'PlanCheck',
  tableName: 'plan_checks',
  columns: {
    planId: { type: 'uuid', primary: true, name: 'plan_id' },
    planVersion: { type: 'integer', name: 'plan_version' },
    inputsRevision: { type: 'bigint', name: 'inputs_revision' },
    violations: { type: 'jsonb' },
  },
  relations: { plan: { type: 'many-to-one', target: 'Plan', joinColumn: { name: 'plan_id' }, onDelete: 'CASCADE' } },
});
