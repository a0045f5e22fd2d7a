// Demo data for both built-in regions (Kronoberg 2026, Västernorrland VT 2026): each region, its
// cohort imported from the preset and the preset's plan published. Loaded once per database:
// the audit log remembers it, so deleting the demo regions does not bring them back.
import type { DataSource } from 'typeorm';
import { PRESETS } from '../../shared/domain/presets';
import { AuditEntryEntity } from '../entities/audit-entry';
import { RegionEntity } from '../entities/region';
import { audit } from '../services/audit';
import { importProblem } from '../services/cohorts';
import { PlanService } from '../services/plans';

const MARKER = 'demo-data';

/** True when it loaded the data, false when this database already had it once. */
export async function loadDemoData(ds: DataSource): Promise<boolean> {
  const plans = new PlanService(ds);
  return ds.transaction(async (em) => {
    // Two processes starting on one database: only one loads.
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MARKER]);
    if (await em.getRepository(AuditEntryEntity).existsBy({ entity: MARKER })) return false;
    for (const preset of PRESETS) {
      const region = await em.getRepository(RegionEntity).save({ name: preset.region });
      const cohort = await importProblem(em, region.id, preset.problem.name, preset.problem, 'demo');
      const draft = await plans.draftIn(em, cohort.uuid, preset.plan.assignments, 'demo');
      await plans.publishIn(em, draft.uuid, draft.version, 'demo');
    }
    await audit(em, { regionId: null, actor: 'demo', action: 'import', entity: MARKER, entityId: MARKER, after: { regions: PRESETS.map((p) => p.region) } });
    return true;
  });
}
