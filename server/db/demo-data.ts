// Demo data for both built-in regions (Kronoberg 2026, Västernorrland VT 2026): each region, its
// cohort imported from the preset and the preset's plan published, a demo account per role
// and region, and fixed feed links for the demo doctor and site of each region. Loaded once per database: the audit log remembers it, so deleting the demo
// regions does not bring them back.
import type { DataSource } from 'typeorm';
import { PRESETS } from '../../shared/domain/presets';
import type { Category } from '../../shared/domain/block-kinds';
import { AuditEntryEntity } from '../entities/audit-entry';
import { CohortEntity } from '../entities/cohort';
import { createUserIn } from '../auth/service';
import { DoctorEntity } from '../entities/doctor';
import { FeedTokenEntity } from '../entities/feed-token';
import { PlacementSupervisorEntity } from '../entities/placement-supervisor';
import { RegionEntity } from '../entities/region';
import { SiteEntity } from '../entities/site';
import { TemplateBlockEntity } from '../entities/template-block';
import { DEMO_FEED_KEY, feedToken } from '../feeds/tokens';
import { audit } from '../services/audit';
import { importProblem } from '../services/cohorts';
import { PlanService } from '../services/plans';

const MARKER = 'demo-data';

/** Demo accounts, one per role and region (demo only: README lists them). */
export const DEMO_ACCOUNTS = [
  { email: 'admin@bt-demo.se', password: 'demo-admin-2026', role: 'admin' },
  { email: 'koordinator.kronoberg@bt-demo.se', password: 'demo-koordinator-2026', role: 'coordinator', region: 'Region Kronoberg' },
  { email: 'koordinator.vasternorrland@bt-demo.se', password: 'demo-koordinator-2026', role: 'coordinator', region: 'Region Västernorrland' },
  // A coordinator of two towns of the region: their doctors and sites; the rest as numbers.
  { email: 'koordinator.ovik@bt-demo.se', password: 'demo-koordinator-2026', role: 'coordinator', region: 'Region Västernorrland', towns: ['Örnsköldsvik', 'Sollefteå'] },
  { email: 'klinik.kronoberg@bt-demo.se', password: 'demo-klinik-2026', role: 'clinic', region: 'Region Kronoberg' },
  { email: 'klinik.vasternorrland@bt-demo.se', password: 'demo-klinik-2026', role: 'clinic', region: 'Region Västernorrland' },
  { email: 'lakare.kronoberg@bt-demo.se', password: 'demo-lakare-2026', role: 'doctor', region: 'Region Kronoberg' },
  { email: 'lakare.vasternorrland@bt-demo.se', password: 'demo-lakare-2026', role: 'doctor', region: 'Region Västernorrland' },
  // The handledare of the Kronoberg demo doctor's first placement (DEMO_SUPERVISORS): sees that doctor only.
  { email: 'handledare.kronoberg@bt-demo.se', password: 'demo-handledare-2026', role: 'supervisor', region: 'Region Kronoberg' },
] as const;

/**
 * The Kronoberg demo doctor's handledare, one per site placement in the order of the published
 * plan; the first has the demo supervisor account's email.
 */
export const DEMO_SUPERVISORS = {
  region: 'Region Kronoberg',
  names: ['Karin Ek', 'Johan Sandberg', 'Maria Lind', 'Erik Holm', 'Sara Nyström'],
  email: 'handledare.kronoberg@bt-demo.se',
} as const;

/**
 * Västernorrland's follow-up as its description has it: the standard assessments in each
 * placement ("Mini-CEX, DOPS, CBD och specialistkollegium"), regular study time and BT-råd
 * meetings. Kronoberg's template starts without expected assessments: its coordinator sets them.
 */
export const DEMO_FOLLOW_UP = {
  region: 'Region Västernorrland',
  expected: {
    acute: { 'mini-cex': 2, dops: 1, 'samlad-bedomning': 1 },
    psychiatry: { 'mini-cex': 1, cbd: 1, 'samlad-bedomning': 1 },
    'primary-care': { 'mini-cex': 2, cbd: 1, specialistkollegium: 1, 'samlad-bedomning': 1 },
  } as Partial<Record<Category, Record<string, number>>>,
  studyTime: { weekday: 2, start: '08:00', minutes: 240, everyWeeks: 2 },
  councils: [
    { date: '2026-04-15', start: '13:00', minutes: 120, place: 'Sundsvalls sjukhus, konferensrum Norra' },
    { date: '2026-09-16', start: '13:00', minutes: 120, place: 'Sundsvalls sjukhus, konferensrum Norra' },
    { date: '2027-01-20', start: '13:00', minutes: 120, place: 'Örnsköldsviks sjukhus, aulan' },
  ],
};

/**
 * Demo feeds: fixed ids and the public demo key give fixed URLs (README prints them), whatever
 * the installation's secret. Never with NODE_ENV=production (main.ts; the public route refuses them too).
 */
export const DEMO_FEEDS = [
  { region: 'Region Kronoberg', scope: 'doctor', id: 'de30feed-0000-4000-8000-000000000001' },
  { region: 'Region Kronoberg', scope: 'site', id: 'de30feed-0000-4000-8000-000000000002' },
  { region: 'Region Västernorrland', scope: 'doctor', id: 'de30feed-0000-4000-8000-000000000003' },
  { region: 'Region Västernorrland', scope: 'site', id: 'de30feed-0000-4000-8000-000000000004' },
] as const;

/** A demo feed's path, /cal/<token>.ics (generation 1 until someone renews it). */
export const demoFeedPath = (id: string) => `/cal/${feedToken(DEMO_FEED_KEY, id, 1)}.ics`;

/** True when it loaded the data, false when this database already had it once. */
export async function loadDemoData(ds: DataSource, options: { accounts: boolean; feeds?: boolean } = { accounts: true }): Promise<boolean> {
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
      if (preset.region === DEMO_FOLLOW_UP.region) {
        const { studyTime, councils, expected } = DEMO_FOLLOW_UP;
        await em.getRepository(CohortEntity).update({ id: cohort.uuid }, { studyTime, councils });
        const templateId = (await em.getRepository(CohortEntity).findOneByOrFail({ id: cohort.uuid })).templateId;
        for (const [category, assessments] of Object.entries(expected)) await em.getRepository(TemplateBlockEntity).update({ templateId, category }, { assessments });
      }
      if (preset.region === DEMO_SUPERVISORS.region) {
        const placements = preset.plan.assignments.filter((a) => a.doctor === first.doctor && a.site !== null).sort((a, b) => a.from.localeCompare(b.from));
        await em.getRepository(PlacementSupervisorEntity).insert(
          placements.map((a, i) => ({ doctorId: doctor.id, block: a.block, name: DEMO_SUPERVISORS.names[i % DEMO_SUPERVISORS.names.length]!, email: i === 0 ? DEMO_SUPERVISORS.email : null })),
        );
      }
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
            ...('towns' in account ? { towns: [...account.towns] } : {}),
          },
          'demo',
        );
      }
    }
    if (options.feeds ?? options.accounts) {
      for (const feed of DEMO_FEEDS) {
        const at = regions.get(feed.region)!;
        const targetId = feed.scope === 'doctor' ? at.doctorId : at.siteId;
        await em.getRepository(FeedTokenEntity).insert({ id: feed.id, scope: feed.scope, targetId, generation: 1, demo: true, tokenHash: null, createdBy: 'demo' });
      }
    }
    await audit(em, { regionId: null, actor: 'demo', action: 'import', entity: MARKER, entityId: MARKER, after: { regions: PRESETS.map((p) => p.region) } });
    return true;
  });
}
