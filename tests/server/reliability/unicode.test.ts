// Names in any script survive the round trip: what is created (Swedish letters, emoji, Arabic
// right-to-left text, a combining accent, and the iCalendar specials , ; \) reads back code point
// for code point, and reaches the doctor's, site's and cohort's iCal feeds intact — the feed's
// lines are folded at 75 octets without ever cutting a UTF-8 character in two.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unescapeText } from '../../support/ical-reader';
import { aDoctor, aPlan, aProblem, aSite, defaultSites } from '../../support/builders';
import { startApi, type TestApi } from '../../support/api';

const REGION = 'Region Västra Åsele 🩺';
const COHORT = 'BT-kohort Ö 2026, höst; "grupp\\1" 🩺 مرحبا';
// Long enough that its summary line folds; characters of every UTF-8 length (1–4 bytes), a BOM and a ZWJ sequence.
const SITE = 'Vårdcentralen Åsa–Östra; Kvarnvägen, \ufeffhus\\B 🩺🩺🩺 مرحبا بالأطباء caf\u0065\u0301 ÅÄÖ åäö 👩🏽‍⚕️ ääääääääääää';
const ADDRESS = 'Storgatan 7, 352 30 Växjö; ingång ⅠⅡ 🏥\nvåning 3';
const DOCTOR = 'Zoë Åkesson-Öberg 🩺 مريم e\u0301 ñandú 👩🏽‍⚕️';
const SUPERVISOR = 'Dr. Ærlig Ødegård, specialist; allmänmedicin \\ 🩺';

let api: TestApi;
let regionId: string;
let cohortId: string;
let doctorId: string;
let siteId: string;
let templateId: string;

const codePoints = (text: string) => [...text].map((c) => c.codePointAt(0)!.toString(16));

beforeAll(async () => {
  api = await startApi();
  regionId = (await api.request('POST', '/api/regions', { name: REGION })).body.uuid;
  const problem = aProblem({
    sites: defaultSites().map((s) => (s.id === 'hosp' ? aSite({ ...s, name: SITE, address: ADDRESS }) : s)),
    doctors: [aDoctor({ name: DOCTOR, supervisor: SUPERVISOR, town: 'Örnsköldsvik' })],
  });
  const imported = await api.request('POST', `/api/regions/${regionId}/cohorts/import`, { name: COHORT, problem });
  expect(imported.status).toBe(201);
  cohortId = imported.body.uuid;
  templateId = imported.body.template;
  doctorId = (await api.request('GET', `/api/cohorts/${cohortId}/doctors`)).body[0].uuid;
  siteId = (await api.request('GET', `/api/regions/${regionId}/sites`)).body.find((s: { id: string }) => s.id === 'hosp').uuid;
  // A valid plan, published: the feeds show published plans only.
  const draft = (await api.request('POST', `/api/cohorts/${cohortId}/plans`, { from: 'empty' })).body;
  const edited = await api.request('PUT', `/api/plans/${draft.uuid}/assignments`, { version: draft.version, assignments: aPlan(problem).assignments });
  expect(edited.status).toBe(200);
  const published = await api.request('POST', `/api/plans/${draft.uuid}/publish`, { version: edited.body.version });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
});
afterAll(() => api.close());

describe('unicode names read back as they were written', () => {
  it('for the region, the imported cohort, its site and its doctor', async () => {
    expect((await api.request('GET', `/api/regions/${regionId}`)).body.name).toBe(REGION);
    expect((await api.request('GET', `/api/cohorts/${cohortId}`)).body.name).toBe(COHORT);
    const site = (await api.request('GET', `/api/sites/${siteId}`)).body;
    expect([site.name, site.address]).toEqual([SITE, ADDRESS]);
    const doctor = (await api.request('GET', `/api/doctors/${doctorId}`)).body;
    expect([doctor.name, doctor.supervisor, doctor.town]).toEqual([DOCTOR, SUPERVISOR, 'Örnsköldsvik']);
    // Not normalised either: the combining accent stays two code points.
    expect(codePoints(doctor.name)).toEqual(codePoints(DOCTOR));
  });

  it.each([
    ['a site', () => `/api/regions/${regionId}/sites`, (name: string) => ({ id: 'rtl', name, town: 'مرحبا', kinds: ['acute'], capacity: 1 })],
    ['a doctor', () => `/api/cohorts/${cohortId}/doctors`, (name: string) => ({ id: 'd-rtl', name, start: '2026-03-02' })],
    ['a cohort', () => `/api/regions/${regionId}/cohorts`, (name: string) => ({ name, template: templateId })],
  ])('for %s made through its own route', async (_what, collection, body) => {
    const name = `مرحبا 🩺 åäö e\u0301 ${_what}`;
    const created = await api.request('POST', collection(), body(name));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.name).toBe(name);
    const read = (await api.request('GET', collection())).body.find((r: { uuid: string }) => r.uuid === created.body.uuid);
    expect(codePoints(read.name)).toEqual(codePoints(name));
  });

  it('refuses a NUL character with 400 that names it, and stores nothing', async () => {
    const answer = await api.request('POST', `/api/regions/${regionId}/sites`, { id: 'nul', name: 'Vård\u0000central', town: 'Växjö', kinds: ['acute'], capacity: 1 });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body.detail).toMatch(/NUL/);
    expect((await api.request('GET', `/api/regions/${regionId}/sites`)).body.map((s: { id: string }) => s.id)).not.toContain('nul');
  });
});

/** The feed's bytes, as a calendar app fetches them. */
async function feedBytes(collection: 'doctors' | 'sites' | 'cohorts', id: string): Promise<Buffer> {
  // Renew: a new link every call (ensuring would answer 200 with the link of an earlier call).
  const link = await api.request('POST', `/api/${collection}/${id}/feed/renew`);
  expect(link.status).toBe(201);
  const res = await fetch(link.body.url.replace(/^https?:\/\/[^/]+/, api.base));
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Physical lines (CRLF-separated) as bytes. */
function physicalLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf('\r\n'); i !== -1; i = bytes.indexOf('\r\n', start)) {
    lines.push(bytes.subarray(start, i));
    start = i + 2;
  }
  expect(start, 'the feed ends with CRLF').toBe(bytes.length);
  return lines;
}

/** RFC 5545 §3.1: a CRLF followed by one space or tab continues the line. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');


function parse(bytes: Buffer) {
  const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
  return {
    name: unescapeText(String(calendar.getFirstPropertyValue('x-wr-calname'))),
    events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)),
  };
}

describe('unicode names in the iCal feeds', () => {
  it('folds lines at 75 octets, each line whole UTF-8 on its own', async () => {
    for (const [collection, id] of [['doctors', doctorId], ['sites', siteId], ['cohorts', cohortId]] as const) {
      const lines = physicalLines(await feedBytes(collection, id));
      const decoder = new TextDecoder('utf-8', { fatal: true });
      for (const line of lines) {
        expect(line.length, `${collection}: ${line.toString('utf8')}`).toBeLessThanOrEqual(75);
        // fatal: a line ending or starting inside a multi-byte character throws here.
        expect(() => decoder.decode(line), `${collection}: a line cut inside a character: ${line.toString('hex')}`).not.toThrow();
      }
      // Some names are long enough to be folded, and some fold lands right next to a multi-byte character.
      const folds = lines.flatMap((line, i) => (i > 0 && line[0] === 0x20 ? [[lines[i - 1]!.at(-1)!, line[1] ?? 0]] : []));
      expect(folds.length, collection).toBeGreaterThan(0);
      expect(folds.some(([before, after]) => before! >= 0x80 || after! >= 0x80), collection).toBe(true);
    }
  });

  it("shows the doctor's name, the site's name and address and the supervisor intact in the doctor's feed", async () => {
    const bytes = await feedBytes('doctors', doctorId);
    const location = `${SITE}, ${ADDRESS}`;
    expect(unfold(bytes.toString('utf8'))).toContain(`LOCATION:${location.replace(/\\/g, '\\\\').replace(/[,;]/g, (c) => `\\${c}`).replace('\n', '\\n')}\r\n`);
    const { name, events } = parse(bytes);
    expect(name).toBe(`BT – ${DOCTOR}`);
    const atSite = events.filter((e) => e.summary.endsWith(` – ${SITE}`));
    expect(atSite.length).toBe(1);
    expect(codePoints(atSite[0]!.summary.slice(-SITE.length))).toEqual(codePoints(SITE));
    expect(atSite[0]!.location).toBe(location);
    expect(atSite[0]!.description).toContain(`Adress: ${ADDRESS}`);
    expect(atSite[0]!.description).toContain(`Huvudhandledare: ${SUPERVISOR}`);
  });

  it("shows the site's name in the site's feed and the cohort's name in the cohort's feed", async () => {
    const site = parse(await feedBytes('sites', siteId));
    expect(site.name).toBe(`BT-läkare – ${SITE}`);
    expect(site.events.some((e) => e.summary.startsWith(`${DOCTOR}: `) && e.summary.endsWith(` – ${SITE}`))).toBe(true);
    const cohort = parse(await feedBytes('cohorts', cohortId));
    expect(cohort.name).toBe(`BT – ${COHORT}`);
    expect(cohort.events.filter((e) => e.summary.startsWith(`${DOCTOR}: `)).length).toBeGreaterThan(4);
  });
});
