// Calendar revisions are exact: the database raises a calendar's revision whenever something it
// shows changes (the doctor, an absence, a handledare, the cohort's settings, the template's
// blocks, the region's assessment kinds, a site, a publication), and leaves it alone for what it does not show (drafts, wishes, pins, another
// region, a site it has nobody at). The feed's ETag follows its bytes: it changes with the
// calendar and stays when the change was elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { ok, startApi, type Client, type TestApi } from '../../support/api';

let api: TestApi;
let coordinator: Client;
/** The Kronoberg demo doctor, their cohort, a site they have a published placement at, and one they have none at. */
let doctor: { id: string; code: string };
let cohortId: string;
let siteId: string;
let emptySiteId: string;
/** The Västernorrland demo doctor: another region. */
let otherDoctorId: string;
const urls: Record<'doctor' | 'site' | 'cohort' | 'otherDoctor' | 'emptySite', string> = {} as never;

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  coordinator = await api.signIn('koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026');
  doctor = { id: (await ok((await api.signIn('lakare.kronoberg@bt-demo.se', 'demo-lakare-2026')).request('GET', '/api/auth/me'))).doctor, code: '' };
  doctor.code = (await ok(coordinator.request('GET', `/api/doctors/${doctor.id}`))).id;
  otherDoctorId = (await ok((await api.signIn('lakare.vasternorrland@bt-demo.se', 'demo-lakare-2026')).request('GET', '/api/auth/me'))).doctor;
  [{ cohort_id: cohortId }] = await api.dataSource.query('SELECT cohort_id FROM doctors WHERE id = $1', [doctor.id]);
  const [placed] = await api.dataSource.query(
    // Not primary care: the demo doctor's vårdcentral is the one allowed (a move there would break a rule).
    `SELECT a.site_id FROM assignments a JOIN plans p ON p.id = a.plan_id AND p.status = 'published' JOIN sites s ON s.id = a.site_id
      WHERE a.doctor_id = $1 AND NOT 'primary-care' = ANY(s.kinds) ORDER BY a.from_week LIMIT 1`,
    [doctor.id],
  );
  siteId = placed.site_id;
  const [empty] = await api.dataSource.query(
    `SELECT s.id FROM sites s JOIN cohorts c ON c.region_id = s.region_id AND c.id = $1
      WHERE NOT EXISTS (SELECT 1 FROM assignments a JOIN plans p ON p.id = a.plan_id AND p.status = 'published' WHERE a.site_id = s.id AND a.doctor_id = $2)
      ORDER BY s.code LIMIT 1`,
    [cohortId, doctor.id],
  );
  emptySiteId = empty.id;
  const link = async (path: string) => (await ok(api.request('POST', path), 201).catch(() => ok(api.request('POST', path)))).url as string;
  urls.doctor = await link(`/api/doctors/${doctor.id}/feed`);
  urls.site = await link(`/api/sites/${siteId}/feed`);
  urls.cohort = await link(`/api/cohorts/${cohortId}/feed`);
  urls.otherDoctor = await link(`/api/doctors/${otherDoctorId}/feed`);
  urls.emptySite = await link(`/api/sites/${emptySiteId}/feed`);
});
afterAll(() => api.close());

type Feed = keyof typeof urls;
const FEEDS = ['doctor', 'site', 'cohort', 'otherDoctor', 'emptySite'] as const;

async function etags(): Promise<Record<Feed, string>> {
  const out = {} as Record<Feed, string>;
  for (const feed of FEEDS) {
    const res = await fetch(urls[feed].replace(/^https?:\/\/[^/]+/, api.base));
    await res.text();
    expect(res.status).toBe(200);
    out[feed] = res.headers.get('etag')!;
  }
  return out;
}

async function revisions(): Promise<Record<Feed, string>> {
  const targets: Record<Feed, [string, string]> = {
    doctor: ['doctor', doctor.id],
    site: ['site', siteId],
    cohort: ['cohort', cohortId],
    otherDoctor: ['doctor', otherDoctorId],
    emptySite: ['site', emptySiteId],
  };
  const out = {} as Record<Feed, string>;
  for (const feed of FEEDS) {
    const [row] = await api.dataSource.query('SELECT revision::text FROM calendar_revisions WHERE scope = $1 AND target_id = $2', targets[feed]);
    out[feed] = row?.revision ?? '0';
  }
  return out;
}

/** Runs `change` and returns which feeds' ETags and revisions changed. */
async function afterChange(change: () => Promise<unknown>): Promise<{ etag: Feed[]; revision: Feed[] }> {
  const [etagsBefore, revisionsBefore] = [await etags(), await revisions()];
  await change();
  const [etagsAfter, revisionsAfter] = [await etags(), await revisions()];
  return { etag: FEEDS.filter((f) => etagsAfter[f] !== etagsBefore[f]), revision: FEEDS.filter((f) => revisionsAfter[f] !== revisionsBefore[f]) };
}

const sql = (text: string, params: unknown[]) => () => api.dataSource.query(text, params);

describe('what a calendar shows changes its ETag', () => {
  it("the doctor's name: their own feed, their site's and their cohort's", async () => {
    const changed = await afterChange(sql(`UPDATE doctors SET name = name || ' Ny' WHERE id = $1`, [doctor.id]));
    expect(changed.etag).toEqual(['doctor', 'site', 'cohort']);
    expect(changed.revision).toEqual(['doctor', 'site', 'cohort']);
  });

  it('an absence of the doctor', async () => {
    const changed = await afterChange(
      sql(`INSERT INTO absences (doctor_id, first_day, last_day, from_week, to_week, reason) VALUES ($1, '2026-05-05', '2026-05-07', '2026-05-04', '2026-05-11', 'privat')`, [doctor.id]),
    );
    expect(changed.etag).toContain('doctor');
    expect(changed.revision).toEqual(['doctor', 'site', 'cohort']);
  });

  it("the cohort's settings (teaching, BT-kollegium)", async () => {
    const cohort = await ok(coordinator.request('GET', `/api/cohorts/${cohortId}`));
    const settings = { teaching: { weekday: 3, start: '09:00', minutes: 90 }, kollegiumMonths: [3] };
    const changed = await afterChange(() => ok(coordinator.request('PATCH', `/api/cohorts/${cohortId}`, { name: cohort.name, template: cohort.template, version: cohort.version, ...settings })));
    // Teaching is in the doctor's own calendar, BT-kollegium in the cohort's too; a site's shows neither.
    // (Teaching alone moved the cohort's bytes only through the absences' DTSTAMP, which has whole
    // seconds: a change in the same second as the demo data's load left them as they were.)
    expect(changed.etag).toEqual(['doctor', 'cohort']);
    // Every calendar of the cohort reads again: the empty site has others of the cohort.
    expect(changed.revision).toEqual(['doctor', 'site', 'cohort', 'emptySite']);
  });

  it("a block's name in the template", async () => {
    const changed = await afterChange(sql(`UPDATE template_blocks SET name = 'Introduktion (ny)' WHERE code = 'intro' AND template_id = (SELECT template_id FROM cohorts WHERE id = $1)`, [cohortId]));
    // Every calendar of the cohort's doctors reads again (the sites too: their events name the block).
    expect(changed.etag).toEqual(['doctor', 'cohort']);
    expect(changed.revision).toEqual(['doctor', 'site', 'cohort', 'emptySite']);
  });

  it("the site's name: its own feed and every feed with a placement there", async () => {
    const changed = await afterChange(sql(`UPDATE sites SET name = name || ' (ny)' WHERE id = $1`, [siteId]));
    expect(changed.etag).toEqual(['doctor', 'site', 'cohort']);
    expect(changed.revision).toEqual(['doctor', 'site', 'cohort']);
  });

  it("the doctor's handledare: named in their own calendar only", async () => {
    const supervisors: { block: string; name: string; email?: string }[] = await ok(coordinator.request('GET', `/api/doctors/${doctor.id}/supervisors`));
    expect(supervisors.length).toBeGreaterThan(0);
    const renamed = supervisors.map((s) => ({ ...s, name: `${s.name} Ny` }));
    const changed = await afterChange(() => ok(coordinator.request('PUT', `/api/doctors/${doctor.id}/supervisors`, { supervisors: renamed })));
    expect(changed.etag).toEqual(['doctor']);
    expect(changed.revision).toEqual(['doctor', 'site', 'cohort']);
  });

  it("the region's name of an assessment kind a block expects: the doctor's planned assessments name it", async () => {
    await api.dataSource.query(`UPDATE template_blocks SET assessments = '{"mini-cex": 1}' WHERE code = 'im' AND template_id = (SELECT template_id FROM cohorts WHERE id = $1)`, [cohortId]);
    const [{ region_id: regionId }] = await api.dataSource.query('SELECT region_id FROM cohorts WHERE id = $1', [cohortId]);
    const region = await ok(coordinator.request('GET', `/api/regions/${regionId}`));
    const kinds = region.assessmentKinds.map((k: { id: string; name_sv: string }) => (k.id === 'mini-cex' ? { ...k, name_sv: 'Mini-CEX (ny)' } : k));
    const changed = await afterChange(() => ok(coordinator.request('PATCH', `/api/regions/${regionId}`, { name: region.name, version: region.version, assessmentKinds: kinds })));
    // The cohort's calendar says "Bedömning" only: its bytes stay, though every calendar of the region's cohorts reads again.
    expect(changed.etag).toEqual(['doctor']);
    expect(changed.revision).toEqual(['doctor', 'site', 'cohort', 'emptySite']);
  });

  it('a publication that moves the doctor from the site to another', async () => {
    // The absence above would leave the doctor short of service weeks: a plan that cannot be published.
    await api.dataSource.query(`DELETE FROM absences WHERE doctor_id = $1 AND reason = 'privat'`, [doctor.id]);
    const problem = await ok(coordinator.request('GET', `/api/cohorts/${cohortId}/problem`));
    const [{ code: siteCode }] = await api.dataSource.query('SELECT code FROM sites WHERE id = $1', [siteId]);
    const draft = await ok(coordinator.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'published' }), 201);
    const assignments = draft.assignments.map(({ doctor: d, block, site, from, to }: Record<string, string>) => ({ doctor: d, block, site, from, to }));
    const leaving = assignments.find((a: { doctor: string; site: string }) => a.doctor === doctor.code && a.site === siteCode);
    const kind = problem.blocks.find((b: { id: string }) => b.id === leaving.block).kind;
    const [{ id: toId }] = await api.dataSource.query('SELECT id FROM sites WHERE region_id = (SELECT region_id FROM sites WHERE id = $1) AND $2 = ANY(kinds) AND id NOT IN ($1, $3)', [siteId, kind, emptySiteId]);
    const [{ code: toCode }] = await api.dataSource.query('SELECT code FROM sites WHERE id = $1', [toId]);
    // Room for one more there, so the move breaks no rule.
    await api.dataSource.query('UPDATE sites SET capacity = capacity + 1 WHERE id = $1', [toId]);
    leaving.site = toCode;
    const edit = await ok(coordinator.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments }));
    expect(edit.violations.filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
    const changed = await afterChange(() => ok(coordinator.request('POST', `/api/plans/${draft.uuid}/publish`, { version: edit.version })));
    expect(changed.etag).toEqual(['doctor', 'site', 'cohort']);
    // A publication has every calendar of the cohort read again; the empty site's renders the same.
    expect(changed.revision).toEqual(['doctor', 'site', 'cohort', 'emptySite']);
  });
});

describe('what a calendar does not show leaves it alone', () => {
  it('a draft made and edited', async () => {
    const changed = await afterChange(async () => {
      const draft = await ok(coordinator.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'published' }), 201);
      await ok(coordinator.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: [] }));
    });
    expect(changed).toEqual({ etag: [], revision: [] });
  });

  it("the doctor's wishes and pins", async () => {
    const changed = await afterChange(async () => {
      await api.dataSource.query(`INSERT INTO wishes (doctor_id, position, block, site, weight) VALUES ($1, 99, 'intro', NULL, 1)`, [doctor.id]);
      await api.dataSource.query(`DELETE FROM wishes WHERE doctor_id = $1 AND position = 99`, [doctor.id]);
    });
    expect(changed).toEqual({ etag: [], revision: [] });
  });

  it('a doctor of another region', async () => {
    const changed = await afterChange(sql(`UPDATE doctors SET name = name || ' Ny' WHERE id = $1`, [otherDoctorId]));
    expect(changed.etag).toEqual(['otherDoctor']);
    expect(changed.revision).toEqual(['otherDoctor']);
  });

  it('a site the doctor has no placement at', async () => {
    const changed = await afterChange(sql(`UPDATE sites SET address = 'Ny adress 1' WHERE id = $1`, [emptySiteId]));
    expect(changed.revision).not.toContain('doctor');
    expect(changed.etag).not.toContain('doctor');
    expect(changed.revision).toContain('emptySite');
  });
});
