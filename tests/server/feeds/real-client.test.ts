// A doctor's feed in real calendar programs: vdirsyncer (0.19) syncs it over HTTP into a folder of
// .ics files and khal (0.10) lists that folder, as a doctor on Linux subscribes. khal expands the
// weekly teaching to its sessions at 13:00 Stockholm time (across summer time, without the holiday);
// after a republished plan moves two placements, one sync shows each of them once, at its new
// dates only. Needs Debian's vdirsyncer and khal (.ci/run installs them): missing, the test fails.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { addDays } from '../../../shared/domain/dates';
import { startApi, type Client, type TestApi } from '../../support/api';

const execute = promisify(execFile);

/** Runs a program without input (a question it asks gets end of file, not a wait) and within 30 s. */
function run(program: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
  const running = execute(program, args, { ...options, timeout: 30_000 });
  running.child.stdin?.end();
  return running;
}
const TEACHING = 'BT: Obligatorisk undervisning';
const SURGERY = 'BT: Kirurgi – Kirurgkliniken, Centrallasarettet Växjö';
const PSYCHIATRY = 'BT: Psykiatri – Vuxenpsykiatrin Växjö';

let api: TestApi;
let coordinator: Client;
let doctorId: string;
let cohortId: string;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  for (const program of ['vdirsyncer', 'khal']) {
    await run(program, ['--version']).catch((error: Error) => {
      throw new Error(`${program} is missing (${error.message}): install Debian's vdirsyncer and khal (apt-get install vdirsyncer khal, as .ci/run does)`);
    });
  }
  api = await startApi();
  await loadDemoData(api.dataSource);
  coordinator = await api.signIn('koordinator.kronoberg@bt-demo.se', 'demo-koordinator-2026');
  const doctorClient = await api.signIn('lakare.kronoberg@bt-demo.se', 'demo-lakare-2026');
  doctorId = (await doctorClient.request('GET', '/api/auth/me')).body.doctor;
  const region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
  cohortId = (await coordinator.request('GET', `/api/regions/${region}/cohorts`)).body[0].uuid;

  dir = await mkdtemp(join(tmpdir(), 'bt-real-client-'));
  await mkdir(join(dir, 'calendar'));
  // Nothing of the user's: home, configuration and data all in the temporary folder; the
  // programs' own time zone UTC, so Stockholm times come from khal's configuration and the feed.
  env = { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), XDG_CACHE_HOME: join(dir, 'cache'), TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  const link = (await coordinator.request('POST', `/api/doctors/${doctorId}/feed`)).body;
  const url = link.url.replace(/^https?:\/\/[^/]+/, api.base);
  await writeFile(
    join(dir, 'vdirsyncer.conf'),
    [
      '[general]',
      `status_path = "${join(dir, 'status')}/"`,
      '[pair bt]',
      'a = "bt_feed"',
      'b = "bt_local"',
      'collections = null',
      'conflict_resolution = "a wins"',
      '[storage bt_feed]',
      'type = "http"',
      `url = "${url}"`,
      '[storage bt_local]',
      'type = "filesystem"',
      `path = "${join(dir, 'calendar')}/"`,
      'fileext = ".ics"',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'khal.conf'),
    [
      '[calendars]',
      '[[bt]]',
      `path = ${join(dir, 'calendar')}/`,
      'type = calendar',
      '[locale]',
      'local_timezone = Europe/Stockholm',
      'default_timezone = Europe/Stockholm',
      'timeformat = %H:%M',
      'dateformat = %Y-%m-%d',
      'longdateformat = %Y-%m-%d',
      'datetimeformat = %Y-%m-%d %H:%M',
      'longdatetimeformat = %Y-%m-%d %H:%M',
      '[sqlite]',
      `path = ${join(dir, 'data', 'khal.db')}`,
      '',
    ].join('\n'),
  );
  // vdirsyncer wants the pair's collections discovered once, even for `collections = null`.
  await run('vdirsyncer', ['-c', join(dir, 'vdirsyncer.conf'), 'discover', 'bt'], { env });
}, 120_000);

afterAll(async () => {
  await api?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function sync(): Promise<void> {
  await run('vdirsyncer', ['-c', join(dir, 'vdirsyncer.conf'), 'sync'], { env });
}

interface Entry {
  start: string;
  startTime: string;
  end: string;
  endTime: string;
  title: string;
  location: string;
}

/** What khal lists on each day of [from, to] (both inclusive, as khal takes them). */
async function days(from: string, to: string): Promise<Map<string, Entry[]>> {
  const format = '{start-date}|{start-time}|{end-date}|{end-time}|{title}|{location}';
  const { stdout } = await run('khal', ['-c', join(dir, 'khal.conf'), 'list', '-df', 'DAY {date}', '-f', format, from, to], { env });
  const listed = new Map<string, Entry[]>();
  let day = '';
  for (const line of stdout.split('\n').filter(Boolean)) {
    if (line.startsWith('DAY ')) listed.set((day = line.slice(4)), []);
    else {
      const [start, startTime, end, endTime, title, location] = line.split('|') as [string, string, string, string, string, string];
      listed.get(day)!.push({ start, startTime, end, endTime, title, location });
    }
  }
  return listed;
}

/** Each event or session once: khal lists an event spanning days on every one of them. */
function distinct(listed: Map<string, Entry[]>, title: string): Entry[] {
  const seen = new Map<string, Entry>();
  for (const entries of listed.values()) for (const e of entries) if (e.title === title) seen.set(JSON.stringify(e), e);
  return [...seen.values()].sort((a, b) => a.start.localeCompare(b.start));
}

/** Days of [from, to] on which khal lists `title`, and how often. */
function countsOn(listed: Map<string, Entry[]>, title: string, from: string, to: string): number[] {
  const counts: number[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) counts.push((listed.get(day) ?? []).filter((e) => e.title === title).length);
  return counts;
}

const calendarFiles = async () => (await readdir(join(dir, 'calendar'))).filter((f) => f.endsWith('.ics'));

describe('a doctor feed in vdirsyncer and khal', () => {
  it('syncs into one file per event; khal lists the placements with their location and the teaching at 13:00 Stockholm time, without the holiday', async () => {
    await sync();
    // Six placements, four assessments, BT-kollegium, the external assessment, one teaching series.
    expect(await calendarFiles()).toHaveLength(13);
    const year = await days('2026-01-01', '2027-01-31');
    const surgery = distinct(year, SURGERY);
    expect(surgery).toEqual([{ start: '2026-09-14', startTime: '', end: '2026-11-15', endTime: '', title: SURGERY, location: 'Kirurgkliniken, Centrallasarettet Växjö, Strandvägen 8, 352 34 Växjö' }]);
    expect(distinct(year, 'BT: Bedömning, Kirurgi').map((e) => [e.start, e.end])).toEqual([['2026-11-13', '2026-11-13']]);

    const sessions = distinct(year, TEACHING);
    expect(sessions).toHaveLength(42);
    expect(sessions.every((s) => s.start === s.end && s.startTime === '13:00' && s.endTime === '17:00')).toBe(true);
    // Spring: summer time from 29 March, Kristi himmelfärds dag (14 May) without teaching.
    const spring = distinct(await days('2026-03-01', '2026-05-31'), TEACHING).map((s) => `${s.start} ${s.startTime}`);
    expect(spring).toEqual(['03-05', '03-12', '03-19', '03-26', '04-02', '04-09', '04-16', '04-23', '04-30', '05-07', '05-21', '05-28'].map((d) => `2026-${d} 13:00`));
  });

  it('after a republished plan swaps two placements, one sync shows each once at its new dates and never at the old ones', async () => {
    // The doctor's surgery and psychiatry (nine weeks each, back to back) change places.
    const code = (await coordinator.request('GET', `/api/doctors/${doctorId}`)).body.id;
    const draft = (await coordinator.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'published' })).body;
    const own = (block: string) => draft.assignments.find((a: { doctor: string; block: string }) => a.doctor === code && a.block === block);
    const [surg, psy] = [own('surg'), own('psy')];
    expect([surg.from, surg.to, psy.from, psy.to]).toEqual(['2026-09-14', '2026-11-16', '2026-11-16', '2027-01-18']);
    const assignments = draft.assignments.map(({ doctor, block, site, from, to }: any) =>
      doctor !== code ? { doctor, block, site, from, to } : block === 'surg' ? { doctor, block, site, from: psy.from, to: psy.to } : block === 'psy' ? { doctor, block, site, from: surg.from, to: surg.to } : { doctor, block, site, from, to },
    );
    const edited = (await coordinator.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments })).body;
    expect(edited.violations.filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
    expect((await coordinator.request('POST', `/api/plans/${draft.uuid}/publish`, { version: edited.version })).status).toBe(200);

    await sync();
    expect(await calendarFiles()).toHaveLength(13);
    const year = await days('2026-01-01', '2027-01-31');
    expect(distinct(year, SURGERY).map((e) => [e.start, e.end])).toEqual([['2026-11-16', '2027-01-17']]);
    expect(distinct(year, PSYCHIATRY).map((e) => [e.start, e.end])).toEqual([['2026-09-14', '2026-11-15']]);
    // Every day of the new weeks exactly once, none of the old ones.
    expect(countsOn(year, SURGERY, '2026-11-16', '2027-01-17').every((n) => n === 1)).toBe(true);
    expect(countsOn(year, SURGERY, '2026-09-14', '2026-11-15').every((n) => n === 0)).toBe(true);
    expect(countsOn(year, PSYCHIATRY, '2026-09-14', '2026-11-15').every((n) => n === 1)).toBe(true);
    expect(countsOn(year, PSYCHIATRY, '2026-11-16', '2027-01-17').every((n) => n === 0)).toBe(true);
    expect(distinct(year, 'BT: Bedömning, Kirurgi').map((e) => [e.start, e.end])).toEqual([['2027-01-15', '2027-01-15']]);
    expect(distinct(year, 'BT: Bedömning, Psykiatri').map((e) => [e.start, e.end])).toEqual([['2026-11-13', '2026-11-13']]);
    // The teaching series was replaced, not doubled: 42 sessions, never two on a day.
    expect(distinct(year, TEACHING)).toHaveLength(42);
    expect(Math.max(...[...year.values()].map((entries) => entries.filter((e) => e.title === TEACHING).length))).toBe(1);
  });
});
