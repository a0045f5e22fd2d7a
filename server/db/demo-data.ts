// Demo data for both built-in regions (Kronoberg 2026, Västernorrland VT 2026): each region, its
// cohort imported from the preset and the preset's plan published, and a demo account per role
// and region. Loaded once per database: the audit log remembers it, so deleting the demo
// regions does not bring them back.
import type { DataSource } from 'typeorm';
import { PRESETS } from '../../shared/domain/presets';
import { AuditEntryEntity } from '../entities/audit-entry';
import { createUserIn } from '../auth/service';
import { DoctorEntity } from '../entities/doctor';
import { RegionEntity } from '../entities/region';
import { SiteEntity } from '../entities/site';
import { audit } from '../services/audit';
import { importProblem } from '../services/cohorts';
import { PlanService } from '../services/plans';

const MARKER = 'demo-data';

/** Demo accounts, one per role and region (demo only: README lists them). */
export const DEMO_ACCOUNTS = [
  { email: 'admin@bt-demo.se', password: 'demo-admin-2026', role: 'admin' },
  { email: 'koordinator.kronoberg@bt-demo.se', password: 'demo-koordinator-2026', role: 'coordinator', region: 'Region Kronoberg' },
  { email: 'koordinator.vasternorrland@bt-demo.se', password: 'demo-koordinator-2026', role: 'coordinator', region: 'Region Västernorrland' },
  { email: 'klinik.kronoberg@bt-demo.se', password: 'demo-klinik-2026', role: 'clinic', region: 'Region Kronoberg' },
  { email: 'klinik.vasternorrland@bt-demo.se', password: 'demo-klinik-2026', role: 'clinic', region: 'Region Västernorrland' },
  { email: 'lakare.kronoberg@bt-demo.se', password: 'demo-lakare-2026', role: 'doctor', region: 'Region Kronoberg' },
  { email: 'lakare.vasternorrland@bt-demo.se', password: 'demo-lakare-2026', role: 'doctor', region: 'Region Västernorrland' },
] as const;

/** True when it loaded the data, false when this database already had it once. */
export async function loadDemoData(ds: DataSource, options: { accounts: boolean } = { accounts: true }): Promise<boolean> {
  const plans = new PlanService(ds);
  return ds.transaction(async (em) => {
    // Two processes starting on one database: only one loads.
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MARKER]);
    if (await em.getRepository(AuditEntryEntity).existsBy({ entity: MARKER })) return false;
    const regions = new Map<string, { regionId: string; siteId: string; doctorId: string }>();
    for (const preset of PRESETS) {
      const region = await em.getRepository(RegionEntity).save({ name: preset.region });
      const cohort = await importProblem(em, region.id, preset.problem.name, preset.problem, 'demo');
      const draft = await plans.draftIn(em, cohort.uuid, preset.plan.assignments, 'demo');
      await plans.publishIn(em, draft.uuid, draft.version, 'demo');
      // The clinic account gets the site of the first placement; the doctor account its doctor.
      const first = preset.plan.assignments.find((a) => a.site !== null)!;
      const site = await em.getRepository(SiteEntity).findOneByOrFail({ regionId: region.id, code: first.site! });
      const doctor = await em.getRepository(DoctorEntity).findOneByOrFail({ cohortId: cohort.uuid, code: first.doctor });
      regions.set(preset.region, { regionId: region.id, siteId: site.id, doctorId: doctor.id });
    }
    if (options.accounts) {
      for (const account of DEMO_ACCOUNTS) {
        const at = 'region' in account ? regions.get(account.region)! : undefined;
        await createUserIn(
          em,
          {
            email: account.email,
            password: account.password,
            role: account.role,
            regions: account.role === 'coordinator' ? [at!.regionId] : [],
            sites: account.role === 'clinic' ? [at!.siteId] : [],
            ...(account.role === 'doctor' ? { doctor: at!.doctorId } : {}),
          },
          'demo',
        );
      }
    }
    await audit(em, { regionId: null, actor: 'demo', action: 'import', entity: MARKER, entityId: MARKER, after: { regions: PRESETS.map((p) => p.region) } });
    return true;
  });
}
