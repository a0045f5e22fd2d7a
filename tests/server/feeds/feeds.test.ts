// Calendar feeds over HTTP, parsed with ical.js: a Kronoberg doctor's placements on their dates,
// the feed rules (METHOD, TRANSP, UTC stamps, ETag/304, headers), republishing (only the moved
// placement's events change), a credited block's event gone, protected identity never in site
// or cohort feed bytes, renewed and revoked tokens.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { kronoberg2026 } from '../../../shared/domain/presets';
import { startApi, type Client, type TestApi } from '../../support/api';
import { readEvents, sessionsOf } from '../../support/ical-reader';
import { weeklySessions } from '../../support/weekly-teaching';

let api: TestApi;
let coordinator: Client;
let doctorId: string;
let cohortId: string;

beforeAll(async () => {
  api = await startApi({ solverQueue: true });
  await loadDemoData(api.dataSource);
  coordinator = await api.signIn('koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026');
  const doctorClient = await api.signIn('lakare.kronoberg@bt-demo.se', 'demo-lakare-2026');
  doctorId = (await doctorClient.request('GET', '/api/auth/me')).body.doctor;
  const region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
  cohortId = (await coordinator.request('GET', `/api/regions/${region}/cohorts`)).body[0].uuid;
});
afterAll(() => api.close());

async function feed(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url.replace(/^https?:\/\/[^/]+/, api.base), { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

function vevents(text: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const block of text.split('BEGIN:VEVENT').slice(1)) blocks.set(/UID:(.+)\r\n/.exec(block)![1]!, block.split('END:VEVENT')[0]!);
  return blocks;
}

function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

async function published() {
  const plans = (await coordinator.request('GET', `/api/cohorts/${cohortId}/plans`)).body;
  return (await coordinator.request('GET', `/api/plans/${plans.find((p: { status: string }) => p.status === 'published').uuid}`)).body;
}

describe('a doctor feed', () => {
  it('has the published placements on their dates, as all-day events a calendar app reads', async () => {
    // The demo data gave the demo doctor a link: ensuring it answers that one.
    const link = await coordinator.request('POST', `/api/doctors/${doctorId}/feed`);
    expect(link.status).toBe(200);
    expect(link.body.webcal).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/cal\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await feed(link.body.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(res.text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:.*\r\nMETHOD:PUBLISH\r\n/);
    expect(res.text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n');
    expect(res.text).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(res.text).toMatch(/LAST-MODIFIED:\d{8}T\d{6}Z\r\n/);
    expect(res.text.match(/TRANSP:TRANSPARENT/g)!.length).toBe(res.text.match(/BEGIN:VEVENT/g)!.length);

    const plan = await published();
    const code = (await coordinator.request('GET', `/api/doctors/${doctorId}`)).body.id;
    const own = plan.assignments.filter((a: { doctor: string }) => a.doctor === code);
    expect(own.map((a: { block: string }) => a.block).sort()).toEqual(['im', 'intro', 'pc', 'psy', 'surg', 'vac']);
    const events = parsed(res.text);
    for (const a of own) {
      const event = events.find((e) => e.uid === `${a.placement}@bt-planeraren.se`)!;
      expect(event.startDate.isDate).toBe(true);
      expect([event.startDate.toString(), event.endDate.toString()]).toEqual([a.from, a.to]);
      expect(event.sequence).toBe(a.sequence);
    }
    const intro = own.find((a: { block: string }) => a.block === 'intro');
    const first = own.filter((a: { site: string | null }) => a.site !== null).sort((x: { from: string }, y: { from: string }) => x.from.localeCompare(y.from))[0];
    expect(first.from).toBe(intro.to);
    // Each placement, one assessment per site placement, BT-kollegium, the external assessment and
    // one teaching series: 13 events for the year (one per teaching session before: 54).
    const sitePlacements = own.filter((a: { site: string | null }) => a.site !== null);
    expect([own.length, sitePlacements.length, events.length]).toEqual([6, 4, own.length + sitePlacements.length + 3]);

    // A placement's location: the site's name and address.
    const region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
    const sites = (await coordinator.request('GET', `/api/regions/${region}/sites`)).body;
    for (const a of sitePlacements) {
      const site = sites.find((s: { id: string }) => s.id === a.site);
      expect(site.address).toMatch(/\d{3} \d{2} /);
      expect(events.find((e) => e.uid === `${a.placement}@bt-planeraren.se`)!.location).toBe(`${site.name}, ${site.address}`);
    }
    expect(events.find((e) => e.summary.startsWith('BT: Kirurgi'))!.location).toBe('Kirurgkliniken, Centrallasarettet Växjö, Strandvägen 8, 352 34 Växjö');

    // Assessments and BT-kollegium: one day each.
    const meetings = events.filter((e) => /Bedömning|bedömning|BT-kollegium/.test(e.summary));
    expect(meetings).toHaveLength(sitePlacements.length + 2);
    for (const e of meetings) expect([e.startDate.isDate, e.duration.toString()]).toEqual([true, 'P1D']);

    // Teaching: one weekly series in Stockholm local time that expands to the one-event-per-week sessions.
    const teaching = readEvents(res.text).filter((e) => e.summary === 'BT: Obligatorisk undervisning');
    expect(teaching.map((e) => e.uid)).toEqual([`${doctorId}.undervisning@bt-planeraren.se`]);
    expect(res.text).toContain('RRULE:FREQ=WEEKLY;UNTIL=20270114T120000Z\r\n');
    const doctor = (await coordinator.request('GET', `/api/doctors/${doctorId}`)).body;
    expect(doctor.absences).toEqual([]);
    const sessions = sessionsOf(teaching[0]!);
    const { teaching: settings } = (await coordinator.request('GET', `/api/cohorts/${cohortId}`)).body;
    expect(settings).toEqual({ weekday: 4, start: '13:00', minutes: 240 });
    expect(sessions.map(({ start, end }) => ({ start, end }))).toEqual(weeklySessions(own, [], settings));
    expect(sessions).toHaveLength(42);
    expect(sessions.every((s) => s.local.endsWith('T13:00:00') && s.zone === 'Europe/Stockholm')).toBe(true);
  });

  it('answers If-None-Match with 304 and the same ETag while nothing changes', async () => {
    const link = (await coordinator.request('POST', `/api/doctors/${doctorId}/feed`)).body;
    const first = await feed(link.url);
    const again = await feed(link.url);
    expect(again.text).toBe(first.text);
    const cached = await feed(link.url, { 'if-none-match': first.headers.get('etag')! });
    expect(cached.status).toBe(304);
    expect(cached.text).toBe('');
  });

  it('after republishing with one placement moved: its SEQUENCE and LAST-MODIFIED change, every other event is byte-identical', async () => {
    const link = (await coordinator.request('POST', `/api/cohorts/${cohortId}/feed`)).body;
    const before = await feed(link.url);
    const doctors: { uuid: string; id: string }[] = (await coordinator.request('GET', `/api/cohorts/${cohortId}/doctors`)).body;
    const doctorFeed = async (uuid: string) => (await feed((await coordinator.request('POST', `/api/doctors/${uuid}/feed`)).body.url)).text;
    const doctorsBefore = new Map<string, string>();
    for (const d of doctors) doctorsBefore.set(d.id, await doctorFeed(d.uuid));
    const plan = await published();
    // Republishing without a change keeps the bytes and the ETag.
    const same = (await coordinator.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'published' })).body;
    expect((await coordinator.request('POST', `/api/plans/${same.uuid}/publish`, { version: same.version })).status).toBe(200);
    const unchanged = await feed(link.url, { 'if-none-match': before.headers.get('etag')! });
    expect(unchanged.status).toBe(304);

    // Move one placement to another site offering its kind, keeping the plan valid.
    const draft = (await coordinator.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'published' })).body;
    let moved: any;
    let edited: any;
    search: for (const a of draft.assignments.filter((x: { site: string | null }) => x.site !== null)) {
      const kind = kronoberg2026.problem.blocks.find((b) => b.id === a.block)!.kind;
      for (const site of kronoberg2026.problem.sites.filter((s) => s.kinds.includes(kind) && s.id !== a.site)) {
        const assignments = draft.assignments.map(({ doctor, block, site: s, from, to }: any) => ({ doctor, block, site: doctor === a.doctor && block === a.block ? site.id : s, from, to }));
        const answer = await coordinator.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: edited?.version ?? draft.version, assignments });
        edited = answer.body;
        if (!answer.body.violations.some((v: { severity: string }) => v.severity === 'error')) {
          moved = a;
          break search;
        }
      }
    }
    expect(moved).toBeDefined();
    expect((await coordinator.request('POST', `/api/plans/${draft.uuid}/publish`, { version: edited.version })).status).toBe(200);
    const after = await feed(link.url);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));

    const old = vevents(before.text);
    const now = vevents(after.text);
    expect([...now.keys()].sort()).toEqual([...old.keys()].sort());
    const ofMoved = (uid: string) => uid.startsWith(moved.placement);
    for (const [uid, block] of now) if (!ofMoved(uid)) expect(block).toBe(old.get(uid));
    const event = `${moved.placement}@bt-planeraren.se`;
    const [was, is] = [parsed(before.text), parsed(after.text)].map((events) => events.find((e) => e.uid === event)!);
    expect(is!.sequence).toBe(was!.sequence + 1);
    const lastModified = (text: string) => /LAST-MODIFIED:(\S+)/.exec(vevents(text).get(event)!)![1];
    expect(lastModified(after.text)).not.toBe(lastModified(before.text));
    expect(plan.assignments.find((a: { placement: string }) => a.placement === moved.placement).sequence).toBe(was!.sequence);

    // In the moved doctor's own feed the teaching series keeps its UID while its SEQUENCE and
    // DTSTAMP move on (same sessions: only the site changed); every other doctor's feed is unchanged.
    for (const d of doctors) {
      const text = await doctorFeed(d.uuid);
      const old = doctorsBefore.get(d.id)!;
      if (d.id !== moved.doctor) {
        expect(text).toBe(old);
        continue;
      }
      const field = (feedText: string, name: string) => new RegExp(`\r\n${name}[:;](\\S+)`).exec(vevents(feedText).get(`${d.uuid}.undervisning@bt-planeraren.se`)!)![1]!;
      expect(Number(field(text, 'SEQUENCE'))).toBeGreaterThan(Number(field(old, 'SEQUENCE')));
      expect(field(text, 'DTSTAMP') > field(old, 'DTSTAMP')).toBe(true);
      expect([field(text, 'RRULE'), field(text, 'EXDATE')]).toEqual([field(old, 'RRULE'), field(old, 'EXDATE')]);
    }
  });

  it('loses the event of a placement that is gone (a credited block, replanned)', async () => {
    const link = (await coordinator.request('POST', `/api/doctors/${doctorId}/feed`)).body;
    const before = vevents((await feed(link.url)).text);
    const plan = await published();
    const doctor = (await coordinator.request('GET', `/api/doctors/${doctorId}`)).body;
    const psy = plan.assignments.find((a: { block: string; doctor: string }) => a.block === 'psy' && a.doctor === doctor.id);
    const { uuid: _uuid, ...body } = doctor;
    const credited = { ...body, credits: [{ block: 'psy', weeks: 13, decidedBy: 'Studierektor', decidedOn: '2026-03-01' }] };
    expect((await coordinator.request('PATCH', `/api/doctors/${doctorId}`, credited)).status).toBe(200);
    const run = (await coordinator.request('POST', `/api/cohorts/${cohortId}/solver-runs`, { timeLimit: 20 })).body;
    let result: any;
    for (let i = 0; i < 200 && !['succeeded', 'failed'].includes(result?.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      result = (await coordinator.request('GET', `/api/solver-runs/${run.uuid}`)).body;
    }
    expect(result.status).toBe('succeeded');
    const draft = (await coordinator.request('GET', `/api/plans/${result.plan}`)).body;
    expect((await coordinator.request('POST', `/api/plans/${draft.uuid}/publish`, { version: draft.version })).status).toBe(200);
    const after = vevents((await feed(link.url)).text);
    expect(before.has(`${psy.placement}@bt-planeraren.se`)).toBe(true);
    expect(after.has(`${psy.placement}@bt-planeraren.se`)).toBe(false);
  });
});

describe('site and cohort feeds', () => {
  it('never carry a protected identity', async () => {
    const doctors = (await coordinator.request('GET', `/api/cohorts/${cohortId}/doctors`)).body;
    const target = doctors[1];
    const { uuid: _uuid, ...body } = target;
    expect((await coordinator.request('PATCH', `/api/doctors/${target.uuid}`, { ...body, protectedIdentity: true })).status).toBe(200);
    const plan = await published();
    const siteCode = plan.assignments.find((a: { doctor: string; site: string | null }) => a.doctor === target.id && a.site !== null).site;
    const region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
    const site = (await coordinator.request('GET', `/api/regions/${region}/sites`)).body.find((s: { id: string }) => s.id === siteCode);
    const siteFeed = await feed((await coordinator.request('POST', `/api/sites/${site.uuid}/feed`)).body.url);
    const cohortFeed = await feed((await coordinator.request('POST', `/api/cohorts/${cohortId}/feed`)).body.url);
    for (const text of [siteFeed.text, cohortFeed.text]) {
      expect(text).toContain('BT-läkare (skyddad identitet)');
      expect(text).not.toContain(target.name);
    }
    expect(cohortFeed.text).toContain(doctors[2].name);
  });
});

describe('feed tokens', () => {
  it('stop working when renewed or revoked', async () => {
    const first = (await coordinator.request('POST', `/api/doctors/${doctorId}/feed`)).body;
    const second = (await coordinator.request('POST', `/api/doctors/${doctorId}/feed/renew`)).body;
    expect(second.url).not.toBe(first.url);
    expect((await feed(first.url)).status).toBe(404);
    expect((await feed(second.url)).status).toBe(200);
    expect((await coordinator.request('DELETE', `/api/feeds/${second.uuid}`)).status).toBe(204);
    expect((await feed(second.url)).status).toBe(404);
    expect((await feed(`${api.base}/cal/not-a-token.ics`)).status).toBe(404);
  });

  it('give the doctor a one-off .ics download', async () => {
    const res = await coordinator.request('GET', `/api/doctors/${doctorId}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=bt-kalender.ics');
    expect(String(res.body)).toMatch(/^BEGIN:VCALENDAR/);
  });
});
