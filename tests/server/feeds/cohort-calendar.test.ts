// The cohort's calendar settings in the feeds over HTTP: study time and BT-råd saved on the cohort
// change the doctor's feed (a new ETag) and appear in it — study time as one series with RRULE
// INTERVAL, BT-råd with its place; the assessments a block expects and the handledare of a
// placement come from the database, the kind only in the doctor's own feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { PlacementSupervisorEntity } from '../../../server/entities/placement-supervisor';
import { startApi, type Client, type TestApi } from '../../support/api';
import { readEvents, sessionsOf } from '../../support/ical-reader';

let api: TestApi;
let coordinator: Client;
let doctorId: string;
let cohortId: string;

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  coordinator = await api.signIn('koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026');
  const doctorClient = await api.signIn('lakare.kronoberg@bt-demo.se', 'demo-lakare-2026');
  doctorId = (await doctorClient.request('GET', '/api/auth/me')).body.doctor;
  const region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
  cohortId = (await coordinator.request('GET', `/api/regions/${region}/cohorts`)).body[0].uuid;
});
afterAll(() => api.close());

async function feed(owner: 'doctors' | 'cohorts', id: string) {
  const link = (await coordinator.request('POST', `/api/${owner}/${id}/feed`)).body;
  const res = await fetch(link.url.replace(/^https?:\/\/[^/]+/, api.base));
  return { etag: res.headers.get('etag'), text: await res.text() };
}

/** The cohort as stored, with these fields changed (PATCH sends the whole body with its version). */
async function patchCohort(changes: Record<string, unknown>) {
  const { uuid: _u, region: _r, doctors: _d, ...body } = (await coordinator.request('GET', `/api/cohorts/${cohortId}`)).body;
  return coordinator.request('PATCH', `/api/cohorts/${cohortId}`, { ...body, ...changes });
}

const STUDY_TIME = { weekday: 2, start: '08:00', minutes: 120, everyWeeks: 2 };
const COUNCIL = { date: '2026-09-16', start: '15:00', minutes: 90, place: 'Aulan, Centrallasarettet Växjö' };

describe("a cohort's study time and BT-råd", () => {
  it('are stored with the cohort, null and none by default', async () => {
    const cohort = (await coordinator.request('GET', `/api/cohorts/${cohortId}`)).body;
    expect([cohort.studyTime, cohort.councils]).toEqual([null, []]);
  });

  it("change the doctor's feed: a new ETag, study time every 2 weeks as one series, BT-råd at its place", async () => {
    const before = await feed('doctors', doctorId);
    expect(before.text).not.toContain('Studietid');
    const patched = await patchCohort({ studyTime: STUDY_TIME, councils: [COUNCIL] });
    expect(patched.status).toBe(200);
    expect([patched.body.studyTime, patched.body.councils]).toEqual([STUDY_TIME, [COUNCIL]]);

    const after = await feed('doctors', doctorId);
    expect(after.etag).not.toBe(before.etag);
    const events = readEvents(after.text);
    const study = events.filter((e) => e.summary === 'BT: Studietid');
    expect(study.map((e) => e.uid)).toEqual([`${doctorId}.studietid@bt-planeraren.se`]);
    expect(after.text).toMatch(/\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=\d{8}T\d{6}Z\r\n/);
    const sessions = sessionsOf(study[0]!);
    // Tuesdays 08:00 in Stockholm, two weeks apart or a multiple of two (a week off between).
    expect(sessions.every((s) => s.local.endsWith('T08:00:00') && new Date(`${s.local.slice(0, 10)}T12:00:00Z`).getUTCDay() === 2)).toBe(true);
    const gaps = sessions.slice(1).map((s, i) => (Date.parse(s.local.slice(0, 10)) - Date.parse(sessions[i]!.local.slice(0, 10))) / (7 * 86_400_000));
    expect(gaps.every((g) => g % 2 === 0)).toBe(true);
    expect(gaps.filter((g) => g === 2).length).toBeGreaterThan(15);

    const council = events.filter((e) => e.summary === 'BT: BT-råd');
    expect(council.map((e) => [e.location, e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])).toEqual([
      ['Aulan, Centrallasarettet Växjö', '2026-09-16T13:00:00.000Z', '2026-09-16T14:30:00.000Z'],
    ]);
    // The doctor's year view has the same days, from the schedule.
    const days: { category: string; title: string; date: string; time: string | null }[] = (await coordinator.request('GET', `/api/doctors/${doctorId}/schedule`)).body.calendar;
    expect(days.filter((d) => d.category === 'council')).toEqual([{ id: `${doctorId}.btrad.2026-09-16@bt-planeraren.se.2026-09-16`, category: 'council', title: 'BT-råd', date: '2026-09-16', time: '15:00' }]);
    const studyDays = days.filter((d) => d.category === 'study-time');
    expect(studyDays.map((d) => d.date)).toEqual(sessions.map((s) => s.local.slice(0, 10)));
    expect(studyDays.every((d) => d.title === 'Studietid' && d.time === '08:00')).toBe(true);
    // The cohort's feed shows neither.
    const cohortFeed = await feed('cohorts', cohortId);
    expect(cohortFeed.text).not.toContain('Studietid');
    expect(cohortFeed.text).not.toContain('BT-råd');
  });

  it('carry over to a new intake as study time only: BT-råd meetings are dated', async () => {
    const intake = await coordinator.request('POST', `/api/cohorts/${cohortId}/intake`, { name: 'Kronoberg BT 2027', start: '2027-01-11', copyDoctors: false });
    expect(intake.status).toBe(201);
    expect([intake.body.studyTime, intake.body.councils]).toEqual([STUDY_TIME, []]);
  });

  it('refuse a BT-råd on a Saturday and study time every 9 weeks', async () => {
    const refused = await patchCohort({ studyTime: { ...STUDY_TIME, everyWeeks: 9 }, councils: [{ ...COUNCIL, date: '2026-09-19' }] });
    expect(refused.status).toBe(400);
    const paths = refused.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['councils[0].date', 'studyTime.everyWeeks']);
  });
});

describe('expected assessments and handledare in the feeds', () => {
  it('plan the expected Mini-CEX in the doctor’s feed by kind, as "Bedömning" only in the cohort’s, and name the handledare', async () => {
    const { template } = (await coordinator.request('GET', `/api/cohorts/${cohortId}`)).body;
    // Written as the template API would: internal medicine expects two Mini-CEX.
    await api.dataSource.query(`UPDATE template_blocks SET assessments = '{"mini-cex": 2}' WHERE template_id = $1 AND code = 'im'`, [template]);
    await api.dataSource.getRepository(PlacementSupervisorEntity).save({ doctorId, block: 'im', name: 'Ines Medicin', email: null });

    const own = readEvents((await feed('doctors', doctorId)).text);
    const planned = own.filter((e) => e.summary === 'BT: Mini-CEX, Internmedicin');
    expect(planned).toHaveLength(2);
    for (const e of planned) expect([e.startDate.isDate, e.duration.toString(), e.startDate.dayOfWeek()]).toEqual([true, 'P1D', 6]);
    expect(own.find((e) => e.summary.startsWith('BT: Internmedicin'))!.description).toContain('\nHandledare: Ines Medicin\n');

    const shared = (await feed('cohorts', cohortId)).text;
    expect(shared).not.toContain('Mini-CEX');
    expect(shared).not.toContain('Ines');
    const name = (await coordinator.request('GET', `/api/doctors/${doctorId}`)).body.name;
    expect(readEvents(shared).filter((e) => e.summary === `${name}: Bedömning`)).toHaveLength(2);
  });
});
