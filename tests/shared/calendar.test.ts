// calendarEvents on the Kronoberg demo plan: placements on their dates with the site's name and
// address, weekly teaching as one series at Stockholm local time (UTC shifts with summer time)
// and never on a holiday or off-service week, assessments and BT-kollegium on one working day,
// protected identity in shared calendars; and iCal bytes that do not depend on the server's time
// zone, whose series ical.js expands to the same sessions. Study time every N weeks and BT-råd only
// in service weeks and off holidays, the assessments a block expects spread over its service weeks
// (their kind in the doctor's calendar only), the handledare of a placement.
import { afterEach, describe, expect, it } from 'vitest';
import { calendarEvents, type CalendarEvent, type CalendarInput } from '../../shared/calendar/events';
import { occurrences } from '../../shared/calendar/recurrence';
import { kronoberg2026 } from '../../shared/domain/presets';
import { PROTECTED_NAME_SV } from '../../shared/domain/labels';
import { BUILT_IN_ASSESSMENT_KINDS } from '../../shared/domain/readiness';
import { addDays } from '../../shared/domain/dates';
import { absenceWeeks, leaveDaysOfWeeks } from '../../shared/domain/leave-days';
import { renderIcal } from '../../server/feeds/ical';
import { readEvents, sessionsOf } from '../support/ical-reader';
import { weeklySessions } from '../support/weekly-teaching';

const { problem, plan } = kronoberg2026;
const STAMP = '2026-01-05T08:00:00.000Z';
const TEACHING = { weekday: 4, start: '13:00', minutes: 240 };

function input(doctorIds: string[], overrides: Partial<CalendarInput> = {}): CalendarInput {
  const doctors = problem.doctors.filter((d) => doctorIds.includes(d.id));
  return {
    audience: 'doctor',
    settingsChangedAt: STAMP,
    teaching: TEACHING,
    kollegiumMonths: null,
    blocks: problem.blocks,
    sites: problem.sites.map((s) => ({ id: s.id, name: s.name, ...(s.address ? { address: s.address } : {}) })),
    doctors: doctors.map((d) => ({ key: d.id, name: d.name, protectedIdentity: d.protectedIdentity, absences: d.absences.map((weeks) => ({ ...leaveDaysOfWeeks(weeks), ...weeks })) })),
    placements: plan.assignments
      .filter((a) => doctorIds.includes(a.doctor))
      .map((a, i) => ({ placement: `p${i}-${a.doctor}-${a.block}`, sequence: 0, changedAt: STAMP, ...a })),
    ...overrides,
  };
}

const doctor = problem.doctors[0]!;
const own = plan.assignments.filter((a) => a.doctor === doctor.id).sort((a, b) => a.from.localeCompare(b.from));
// Two weeks off in October, across the end of summer time (25 October).
const absences = [{ first: '2026-10-12', last: '2026-10-23', from: '2026-10-12', to: '2026-10-26' }];

function withAbsences(base: CalendarInput): CalendarInput {
  return { ...base, doctors: base.doctors.map((d) => ({ ...d, absences })) };
}

const teachingOf = (events: CalendarEvent[]) => events.filter((e) => e.category === 'teaching');
const startsOf = (event: CalendarEvent) => occurrences(event).map((o) => ('instant' in o.start ? o.start.instant : ''));
const oneDay = (day: string) => ({ start: { date: day }, end: { date: addDays(day, 1) } });

describe('calendarEvents for a doctor', () => {
  const events = calendarEvents(input([doctor.id]));

  it('has each placement as an all-day event on its dates; the first placement starts the Monday after intro', () => {
    const placements = events.filter((e) => ['placement', 'vacation', 'cohort'].includes(e.category));
    expect(placements.map((e) => [('date' in e.start && e.start.date) || '', ('date' in e.end && e.end.date) || ''])).toEqual(own.map((a) => [a.from, a.to]));
    const intro = own.find((a) => a.block === 'intro')!;
    const first = own.find((a) => a.site !== null)!;
    expect(first.from).toBe(intro.to);
    const surgery = events.find((e) => e.summary.startsWith('BT: Kirurgi'))!;
    expect(surgery.summary).toMatch(/^BT: Kirurgi – .+/);
    expect(surgery.description).toMatch(/^Adress: .+\nMål: BT1, /);
  });

  it("gives a placement's location as the site's name and address", () => {
    const surgery = events.find((e) => e.summary.startsWith('BT: Kirurgi'))!;
    expect(surgery.location).toBe('Kirurgkliniken, Centrallasarettet Växjö, Strandvägen 8, 352 34 Växjö');
    expect(events.filter((e) => e.category === 'placement').every((e) => e.location?.endsWith(' Växjö'))).toBe(true);
    expect(events.filter((e) => e.category !== 'placement').some((e) => e.location !== undefined)).toBe(false);
  });

  it("gives the site's name alone as the location of a site without an address", () => {
    const sites = problem.sites.map((s) => ({ id: s.id, name: s.name }));
    const surgery = calendarEvents(input([doctor.id], { sites })).find((e) => e.summary.startsWith('BT: Kirurgi'))!;
    expect(surgery.location).toBe('Kirurgkliniken, Centrallasarettet Växjö');
  });

  it('has teaching as one weekly series on Thursdays 13:00 Stockholm time: 12:00Z in winter, 11:00Z in summer, none on julafton or off service', () => {
    const series = teachingOf(events);
    expect(series.map((e) => e.uid)).toEqual([`${doctor.id}.undervisning@bt-planeraren.se`]);
    const teaching = startsOf(series[0]!);
    expect(teaching).toContain('2026-02-12T12:00:00.000Z');
    expect(teaching).toContain('2026-09-10T11:00:00.000Z');
    expect(teaching.every((t) => new Date(t).getUTCDay() === 4)).toBe(true);
    // Service that week and the week before: only the holiday is skipped.
    expect(teaching).toContain('2026-12-17T12:00:00.000Z');
    expect(teaching.some((t) => t.startsWith('2026-12-24'))).toBe(false);
    const vacation = own.find((a) => a.block === 'vac')!;
    expect(teaching.some((t) => t.slice(0, 10) >= vacation.from && t.slice(0, 10) < vacation.to)).toBe(false);
    const intro = own.find((a) => a.block === 'intro')!;
    expect(teaching.some((t) => t.slice(0, 10) < intro.to)).toBe(false);
  });

  it('skips midsommarafton when teaching is on Fridays', () => {
    const series = teachingOf(calendarEvents(input([doctor.id], { teaching: { weekday: 5, start: '13:00', minutes: 240 } })));
    expect(series).toHaveLength(1);
    const fridays = startsOf(series[0]!).map((t) => t.slice(0, 10));
    expect(fridays).toContain('2026-06-12');
    expect(fridays).not.toContain('2026-06-19');
  });

  it('has one assessment per site placement on the Friday of its last week, a BT-kollegium and an external assessment, each one day long', () => {
    const sitePlacements = own.filter((a) => a.site !== null);
    const assessments = events.filter((e) => e.category === 'assessment');
    expect(assessments).toHaveLength(sitePlacements.length);
    // Each placement ends on a Monday: its last week's Friday is three days before.
    for (const [i, a] of sitePlacements.entries()) expect({ start: assessments[i]!.start, end: assessments[i]!.end }).toEqual(oneDay(addDays(a.to, -3)));
    expect(assessments.map((e) => ('date' in e.start ? e.start.date : ''))).toEqual(['2026-06-12', '2026-09-11', '2026-11-13', '2027-01-15']);
    const kollegium = events.filter((e) => e.category === 'kollegium');
    expect(kollegium.map((e) => ({ start: e.start, end: e.end }))).toEqual([oneDay('2026-08-14')]);
    const external = events.filter((e) => e.category === 'external-assessment');
    expect(external.map((e) => ({ start: e.start, end: e.end }))).toEqual([oneDay('2027-01-15')]);
  });

  it.each([
    ['Friday', '2026-06-15', '2026-06-12'],
    ['Thursday before långfredag', '2026-04-06', '2026-04-02'],
    ['Thursday before midsommarafton', '2026-06-22', '2026-06-18'],
    ['Wednesday before julafton and juldagen', '2026-12-28', '2026-12-23'],
  ])('puts the assessment of a placement ending %s on its last working day (ends %s: %s)', (_, to, day) => {
    const placements = [{ placement: 'p-im', sequence: 0, changedAt: STAMP, doctor: doctor.id, block: 'im', site: 'vxo-med', from: '2026-02-09', to }];
    const events = calendarEvents(input([doctor.id], { placements }));
    for (const category of ['assessment', 'external-assessment'] as const) {
      expect(events.filter((e) => e.category === category).map((e) => ({ start: e.start, end: e.end }))).toEqual([oneDay(day)]);
    }
  });

  it('keeps UIDs from the placement ids and sorts by start', () => {
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const starts = events.map((e) => ('date' in e.start ? e.start.date : e.start.instant));
    expect([...starts].sort()).toEqual(starts);
  });
});

describe('absences', () => {
  it('are the days taken (Wed–Fri), while the whole week is off service: no teaching that Thursday', () => {
    const days = { first: '2026-12-16', last: '2026-12-18' };
    const leave = { ...days, ...absenceWeeks(days)! };
    expect(leave).toMatchObject({ from: '2026-12-14', to: '2026-12-21' });
    const base = input([doctor.id]);
    const events = calendarEvents({ ...base, doctors: base.doctors.map((d) => ({ ...d, absences: [leave] })) });
    const absence = events.filter((e) => e.category === 'absence');
    expect(absence.map(({ summary, start, end }) => ({ summary, start, end }))).toEqual([{ summary: 'Frånvaro', start: { date: '2026-12-16' }, end: { date: '2026-12-19' } }]);
    expect(teachingOf(events)[0]!.recurrence!.except).toContain('2026-12-17');
    expect(teachingOf(calendarEvents(base))[0]!.recurrence!.except).not.toContain('2026-12-17');
  });
});

describe('weekly teaching as one series', () => {
  const events = calendarEvents(withAbsences(input([doctor.id])));
  const [series] = teachingOf(events);

  it('expands to exactly the sessions of the one-event-per-week list: across summer time, holidays, vacation and an absence', () => {
    expect(teachingOf(events)).toHaveLength(1);
    const expected = weeklySessions(own, absences, TEACHING);
    expect(expected).toHaveLength(40);
    expect(occurrences(series!)).toEqual(expected.map(({ start, end }) => ({ start: { instant: start }, end: { instant: end } })));
    // Kristi himmelfärd, the vacation, the absence, julafton and nyårsafton; summer time starts on
    // 29 March and ends on 25 October.
    expect(series!.recurrence).toEqual({
      until: '2027-01-14',
      except: ['2026-05-14', '2026-06-18', '2026-06-25', '2026-07-02', '2026-07-09', '2026-10-15', '2026-10-22', '2026-12-24', '2026-12-31'],
    });
    expect(startsOf(series!)).toEqual(expect.arrayContaining(['2026-03-26T12:00:00.000Z', '2026-04-02T11:00:00.000Z', '2026-10-08T11:00:00.000Z', '2026-10-29T12:00:00.000Z']));
  });

  it('keeps its UID when a placement moves, while its stamp and SEQUENCE grow', () => {
    const moved = withAbsences(input([doctor.id]));
    const later = '2026-03-02T09:30:00.000Z';
    // The vacation four weeks later, internal medicine before it.
    moved.placements = moved.placements.map((p) =>
      p.block === 'vac' ? { ...p, from: '2026-08-17', to: '2026-09-14', changedAt: later } : p.block === 'im' ? { ...p, from: '2026-06-15', to: '2026-08-17', changedAt: later } : p,
    );
    const [after] = teachingOf(calendarEvents(moved));
    expect(after!.uid).toBe(series!.uid);
    expect(after!.stamp).toBe(later);
    expect(series!.stamp).toBe(STAMP);
    expect(after!.sequence).toBeGreaterThan(series!.sequence);
    expect(after!.recurrence!.except).toEqual(['2026-05-14', '2026-08-20', '2026-08-27', '2026-09-03', '2026-09-10', '2026-10-15', '2026-10-22', '2026-12-24', '2026-12-31']);
    // The same plan gives the same series.
    expect(teachingOf(calendarEvents(withAbsences(input([doctor.id]))))).toEqual([series]);
  });

  it("changes its stamp and SEQUENCE with the cohort's calendar settings", () => {
    const [after] = teachingOf(calendarEvents(withAbsences(input([doctor.id], { settingsChangedAt: '2026-02-01T12:00:00.000Z', teaching: { ...TEACHING, start: '09:00' } }))));
    expect(after!.uid).toBe(series!.uid);
    expect([after!.stamp, after!.sequence - series!.sequence]).toEqual(['2026-02-01T12:00:00.000Z', (Date.parse('2026-02-01T12:00:00Z') - Date.parse(STAMP)) / 1000]);
    expect(startsOf(after!)[0]).toBe('2026-02-12T08:00:00.000Z');
  });
});

describe("a template's own goals", () => {
  it("are the placement's goals in the calendar, instead of its kind's", () => {
    const blocks = problem.blocks.map((b) => (b.kind === 'surgery' ? { ...b, goals: ['BT1' as const, 'BT17' as const] } : b));
    const surgery = calendarEvents(input([doctor.id], { blocks })).find((e) => e.summary.startsWith('BT: Kirurgi'))!;
    expect(surgery.description).toMatch(/\nMål: BT1, BT17$/);
  });
});

describe('calendar settings', () => {
  it("names the main supervisor in the doctor's own placements only", () => {
    const withSupervisor = (audience: CalendarInput['audience']) => {
      const base = input([doctor.id], { audience });
      return calendarEvents({ ...base, doctors: base.doctors.map((d) => ({ ...d, supervisor: 'Dr. Handledare' })) });
    };
    expect(withSupervisor('doctor').find((e) => e.category === 'placement')!.description).toContain('\nHuvudhandledare: Dr. Handledare\n');
    expect(JSON.stringify(withSupervisor('cohort'))).not.toContain('Handledare');
  });

  it('puts BT-kollegium at the configured months instead of halfway', () => {
    const start = own[0]!.from;
    const events = calendarEvents(input([doctor.id], { kollegiumMonths: [6, 11] })).filter((e) => e.category === 'kollegium');
    // 26 and 48 weeks after the start (2026-01-12): the Fridays of those weeks, one day each.
    expect(start).toBe('2026-01-12');
    expect(events.map((e) => ({ start: e.start, end: e.end }))).toEqual([oneDay('2026-07-17'), oneDay('2026-12-18')]);
  });
});

describe('calendarEvents for a site or a cohort', () => {
  it('names a protected doctor only as "BT-läkare (skyddad identitet)"', () => {
    const hidden = { ...input([doctor.id, problem.doctors[1]!.id], { audience: 'cohort' }) };
    hidden.doctors = hidden.doctors.map((d) => (d.key === doctor.id ? { ...d, protectedIdentity: true } : d));
    const text = JSON.stringify(calendarEvents(hidden));
    expect(text).not.toContain(doctor.name);
    expect(text).toContain(PROTECTED_NAME_SV);
    expect(text).toContain(problem.doctors[1]!.name);
    expect(text).not.toContain('undervisning');
    // No series, so no time zone in the bytes either.
    expect(renderIcal('BT', calendarEvents(hidden))).not.toContain('VTIMEZONE');
  });
});

describe('iCal bytes', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('are the same in Stockholm, UTC and Los Angeles, with all-day dates as dates', () => {
    const [bytes, ...others] = ['Europe/Stockholm', 'UTC', 'America/Los_Angeles'].map((tz) => {
      process.env.TZ = tz;
      return renderIcal('BT – test; a, b', calendarEvents(input([doctor.id])));
    }) as [string, string, string];
    expect(others).toEqual([bytes, bytes]);
    const intro = own.find((a) => a.block === 'intro')!;
    expect(bytes).toContain(`DTSTART;VALUE=DATE:${intro.from.replaceAll('-', '')}\r\nDTEND;VALUE=DATE:${intro.to.replaceAll('-', '')}`);
    expect(bytes).toContain('X-WR-CALNAME:BT – test\\; a\\, b\r\n');
    expect(bytes).toContain(
      'DTSTART;TZID=Europe/Stockholm:20260212T130000\r\nDTEND;TZID=Europe/Stockholm:20260212T170000\r\nRRULE:FREQ=WEEKLY;UNTIL=20270114T120000Z\r\nEXDATE;TZID=Europe/Stockholm:20260514T130000,',
    );
    expect(bytes.match(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Stockholm\r\n/g)).toHaveLength(1);
    // No calendar-wide zone: stamps stay in UTC.
    expect(bytes).not.toContain('X-WR-TIMEZONE');
    expect(bytes.match(/DTSTAMP:\d{8}T\d{6}Z\r\n/g)).toHaveLength(bytes.match(/BEGIN:VEVENT/g)!.length);
  });

  it('hold the series as ical.js expands it: the same sessions, 13:00 in Stockholm, as the one-event-per-week list', () => {
    process.env.TZ = 'America/Los_Angeles';
    const events = readEvents(renderIcal('BT', calendarEvents(withAbsences(input([doctor.id])))));
    const series = events.filter((e) => e.summary === 'BT: Obligatorisk undervisning');
    expect(series).toHaveLength(1);
    expect(series[0]!.isRecurring()).toBe(true);
    const sessions = sessionsOf(series[0]!);
    expect(sessions.map(({ start, end }) => ({ start, end }))).toEqual(weeklySessions(own, absences, TEACHING));
    expect(sessions).toHaveLength(40);
    expect(sessions.every((s) => s.local.endsWith('T13:00:00') && s.zone === 'Europe/Stockholm')).toBe(true);
    expect(sessions.map((s) => s.local.slice(0, 10))).not.toContain('2026-12-24');
    // Assessments are one day long in the bytes too.
    for (const e of events.filter((e) => e.summary.includes('edömning'))) expect(e.duration.toString()).toBe('P1D');
  });
});

describe('study time every N weeks', () => {
  // Mondays 08:00 for two hours, every other week from the doctor's first week (2026-01-12).
  const STUDY = { weekday: 1, start: '08:00', minutes: 120, everyWeeks: 2 };
  const studyOf = (events: CalendarEvent[]) => events.filter((e) => e.category === 'study-time');
  const events = calendarEvents(withAbsences(input([doctor.id], { studyTime: STUDY })));

  it('is one series in every second week from the first, not in the introduction, on annandag påsk, in the vacation or the absence', () => {
    const [series, ...more] = studyOf(events);
    expect(more).toEqual([]);
    expect({ uid: series!.uid, summary: series!.summary, sequence: series!.sequence, stamp: series!.stamp }).toEqual({
      uid: `${doctor.id}.studietid@bt-planeraren.se`,
      summary: 'BT: Studietid',
      sequence: teachingOf(events)[0]!.sequence,
      stamp: STAMP,
    });
    // Annandag påsk (6 April), the vacation's second and fourth weeks (15 and 29 June), the
    // absence's second week (19 October); the weeks of the introduction come before the first.
    expect(series!.recurrence).toEqual({ until: '2027-01-11', except: ['2026-04-06', '2026-06-15', '2026-06-29', '2026-10-19'], interval: 2 });
    const days = ['2026-02-09', '2026-02-23', '2026-03-09', '2026-03-23', '2026-04-20', '2026-05-04', '2026-05-18', '2026-06-01', '2026-07-13', '2026-07-27', '2026-08-10', '2026-08-24', '2026-09-07', '2026-09-21', '2026-10-05', '2026-11-02', '2026-11-16', '2026-11-30', '2026-12-14', '2026-12-28', '2027-01-11'];
    // 08:00 in Stockholm: 07:00Z in winter time, 06:00Z from 29 March to 25 October.
    const summer = (day: string) => day >= '2026-03-29' && day < '2026-10-25';
    const at = (day: string, hour: number) => ({ instant: `${day}T0${hour - (summer(day) ? 2 : 1)}:00:00.000Z` });
    expect(occurrences(series!)).toEqual(days.map((day) => ({ start: at(day, 8), end: at(day, 10) })));
  });

  it('is none without settings, and every week with everyWeeks 1 like teaching on that day', () => {
    expect(studyOf(calendarEvents(withAbsences(input([doctor.id]))))).toEqual([]);
    const [weekly] = studyOf(calendarEvents(withAbsences(input([doctor.id], { studyTime: { ...TEACHING, everyWeeks: 1 } }))));
    const [teaching] = teachingOf(events);
    expect(weekly!.recurrence).toEqual(teaching!.recurrence);
    expect(occurrences(weekly!)).toEqual(occurrences(teaching!));
  });

  it('is in the doctor’s own calendar only', () => {
    for (const audience of ['cohort', 'site'] as const) expect(studyOf(calendarEvents(withAbsences(input([doctor.id], { audience, studyTime: STUDY }))))).toEqual([]);
  });
});

describe('BT-råd', () => {
  const councils = [
    // In the vacation, on julafton, in the absence: none of these.
    { date: '2026-06-24', start: '15:00', minutes: 90, place: 'Aulan' },
    { date: '2026-12-24', start: '15:00', minutes: 90, place: 'Aulan' },
    { date: '2026-10-14', start: '15:00', minutes: 90, place: 'Aulan' },
    // In service: surgery.
    { date: '2026-09-16', start: '15:00', minutes: 90, place: 'Aulan, Centrallasarettet Växjö' },
    // Before the first placement ends its introduction is off service too; after the BT nothing.
    { date: '2026-01-14', start: '15:00', minutes: 90, place: 'Aulan' },
    { date: '2027-02-03', start: '15:00', minutes: 90, place: 'Aulan' },
  ];

  it('is one timed event on each meeting day the doctor serves, with the place, none in the vacation, the absence or on a holiday', () => {
    const events = calendarEvents(withAbsences(input([doctor.id], { councils })));
    const meetings = events.filter((e) => e.category === 'council');
    expect(meetings).toEqual([
      {
        uid: `${doctor.id}.btrad.2026-09-16@bt-planeraren.se`,
        sequence: teachingOf(events)[0]!.sequence,
        stamp: STAMP,
        doctor: doctor.id,
        category: 'council',
        summary: 'BT: BT-råd',
        location: 'Aulan, Centrallasarettet Växjö',
        start: { instant: '2026-09-16T13:00:00.000Z' },
        end: { instant: '2026-09-16T14:30:00.000Z' },
      },
    ]);
  });

  it('is in the doctor’s own calendar only', () => {
    for (const audience of ['cohort', 'site'] as const) expect(calendarEvents(input([doctor.id], { audience, councils })).filter((e) => e.category === 'council')).toEqual([]);
  });
});

describe('planned assessments', () => {
  // Internal medicine (13 July – 14 September, nine service weeks) expects two Mini-CEX, a DOPS
  // and the summative assessment; surgery (14 September – 16 November, seven service weeks
  // besides the absence of 12–23 October) three CBD.
  const expected: Record<string, Record<string, number>> = { im: { 'samlad-bedomning': 1, dops: 1, 'mini-cex': 2 }, surg: { cbd: 3 } };
  const blocks: CalendarInput['blocks'] = problem.blocks.map((b) => (expected[b.id] ? { ...b, assessments: expected[b.id] } : b));
  const assessmentKinds = [
    { id: 'mini-cex', name_sv: 'Mini-CEX', name_en: 'Mini-CEX' },
    { id: 'dops', name_sv: 'DOPS', name_en: 'DOPS' },
  ];
  const planned = (audience: CalendarInput['audience']) =>
    calendarEvents(withAbsences(input([doctor.id], { audience, blocks, assessmentKinds })))
      .filter((e) => e.category === 'planned-assessment')
      .map((e) => [e.summary, 'date' in e.start ? e.start.date : '', 'date' in e.end ? e.end.date : '']);

  it("spread evenly over the placement's service weeks, on the Friday, named by kind and block in the doctor's calendar", () => {
    // Mini-CEX in weeks 3 and 6 (of 0–8), DOPS in week 4; CBD in weeks 1, 3 and 5 of surgery's seven.
    expect(planned('doctor')).toEqual([
      ['BT: Mini-CEX, Internmedicin', '2026-08-07', '2026-08-08'],
      ['BT: DOPS, Internmedicin', '2026-08-14', '2026-08-15'],
      ['BT: Mini-CEX, Internmedicin', '2026-08-28', '2026-08-29'],
      ['BT: cbd, Kirurgi', '2026-09-25', '2026-09-26'],
      ['BT: cbd, Kirurgi', '2026-10-09', '2026-10-10'],
      ['BT: cbd, Kirurgi', '2026-11-06', '2026-11-07'],
    ]);
  });

  it('keep the one summative assessment at the end of the placement, and have stable UIDs', () => {
    const events = calendarEvents(withAbsences(input([doctor.id], { blocks, assessmentKinds })));
    expect(events.filter((e) => e.category === 'assessment').map((e) => e.summary)).toEqual(['BT: Bedömning, Allmänmedicin', 'BT: Bedömning, Internmedicin', 'BT: Bedömning, Kirurgi', 'BT: Bedömning, Psykiatri']);
    // Two summative assessments: the one at the end, and one halfway, named as the region names it.
    const twice = input([doctor.id], { assessmentKinds: BUILT_IN_ASSESSMENT_KINDS, blocks: blocks.map((b) => (b.id === 'im' ? { ...b, assessments: { 'samlad-bedomning': 2 } } : b)) });
    const extra = calendarEvents(withAbsences(twice)).filter((e) => e.category === 'planned-assessment' && e.summary.includes('Internmedicin'));
    expect(extra.map((e) => [e.uid, e.summary, 'date' in e.start ? e.start.date : ''])).toEqual([[`p3-${doctor.id}-im.bedomning.samlad-bedomning.1-1@bt-planeraren.se`, 'BT: Samlad bedömning, Internmedicin', '2026-08-14']]);
  });

  it('say only "Bedömning" in a cohort calendar, and are not in a site calendar', () => {
    expect(planned('cohort').map(([summary]) => summary)).toEqual(Array(6).fill(`${doctor.name}: Bedömning`));
    expect(planned('site')).toEqual([]);
  });
});

describe('the handledare of a placement', () => {
  it("is named in the doctor's own placement of that block only", () => {
    const base = withAbsences(input([doctor.id]));
    const named = (audience: CalendarInput['audience']) =>
      calendarEvents({ ...base, audience, doctors: base.doctors.map((d) => ({ ...d, supervisor: 'Dr. Huvud', supervisors: { im: 'Dr. Ines Medicin' } })) });
    const placements = named('doctor').filter((e) => e.category === 'placement');
    expect(placements.find((e) => e.summary.startsWith('BT: Internmedicin'))!.description).toBe(
      'Adress: Strandvägen 8, 352 34 Växjö\nHuvudhandledare: Dr. Huvud\nHandledare: Dr. Ines Medicin\nMål: BT1, BT4, BT5, BT6, BT7, BT10, BT11, BT12, BT13, BT14, BT15, BT16, BT17, BT18',
    );
    expect(placements.filter((e) => e.description?.includes('Handledare: ')).map((e) => e.summary.slice(0, 16))).toEqual(['BT: Internmedici']);
    expect(JSON.stringify(named('cohort'))).not.toContain('Ines');
    expect(JSON.stringify(named('site'))).not.toContain('Ines');
  });
});
