// calendarEvents on the Kronoberg demo plan: placements on their dates, weekly teaching at
// Stockholm local time (UTC shifts with summer time) and never on a holiday or off-service week,
// assessments and BT-kollegium, protected identity in shared calendars; and iCal bytes that do
// not depend on the server's time zone.
import { afterEach, describe, expect, it } from 'vitest';
import { calendarEvents, type CalendarInput } from '../../shared/calendar/events';
import { kronoberg2026 } from '../../shared/domain/presets';
import { PROTECTED_NAME_SV } from '../../shared/domain/labels';
import { addWeeks } from '../../shared/domain/weeks';
import { renderIcal } from '../../server/feeds/ical';

const { problem, plan } = kronoberg2026;
const STAMP = '2026-01-05T08:00:00.000Z';

function input(doctorIds: string[], overrides: Partial<CalendarInput> = {}): CalendarInput {
  const doctors = problem.doctors.filter((d) => doctorIds.includes(d.id));
  return {
    audience: 'doctor',
    settingsChangedAt: STAMP,
    teaching: { weekday: 4, start: '13:00', minutes: 240 },
    kollegiumMonths: null,
    blocks: problem.blocks,
    sites: problem.sites.map((s) => ({ id: s.id, name: s.name, ...(s.address ? { address: s.address } : {}) })),
    doctors: doctors.map((d) => ({ key: d.id, name: d.name, protectedIdentity: d.protectedIdentity, absences: d.absences })),
    placements: plan.assignments
      .filter((a) => doctorIds.includes(a.doctor))
      .map((a, i) => ({ placement: `p${i}-${a.doctor}-${a.block}`, sequence: 0, changedAt: STAMP, ...a })),
    ...overrides,
  };
}

const doctor = problem.doctors[0]!;
const own = plan.assignments.filter((a) => a.doctor === doctor.id).sort((a, b) => a.from.localeCompare(b.from));

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

  it('has teaching on Thursdays 13:00 Stockholm time: 12:00Z in winter, 11:00Z in summer, none on julafton or off service', () => {
    const teaching = events.filter((e) => e.category === 'teaching').map((e) => ('instant' in e.start ? e.start.instant : ''));
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
    const fridays = calendarEvents(input([doctor.id], { teaching: { weekday: 5, start: '13:00', minutes: 240 } }))
      .filter((e) => e.category === 'teaching')
      .map((e) => ('instant' in e.start ? e.start.instant.slice(0, 10) : ''));
    expect(fridays).toContain('2026-06-12');
    expect(fridays).not.toContain('2026-06-19');
  });

  it('has one assessment per site placement in its last week, a BT-kollegium and an external assessment', () => {
    const sitePlacements = own.filter((a) => a.site !== null);
    const assessments = events.filter((e) => e.category === 'assessment');
    expect(assessments).toHaveLength(sitePlacements.length);
    for (const [i, a] of sitePlacements.entries()) expect(assessments[i]!.end).toEqual({ date: a.to });
    expect(events.filter((e) => e.category === 'kollegium')).toHaveLength(1);
    const external = events.filter((e) => e.category === 'external-assessment');
    expect(external.map((e) => e.end)).toEqual([{ date: sitePlacements.at(-1)!.to }]);
  });

  it('keeps UIDs from the placement ids and sorts by start', () => {
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const starts = events.map((e) => ('date' in e.start ? e.start.date : e.start.instant));
    expect([...starts].sort()).toEqual(starts);
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
    expect(events.map((e) => e.start)).toEqual([{ date: addWeeks(start, 26) }, { date: addWeeks(start, 48) }]);
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
  });
});

describe('iCal bytes', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('are the same in Stockholm, UTC and Los Angeles, with all-day dates as dates', () => {
    const bytes = ['Europe/Stockholm', 'UTC', 'America/Los_Angeles'].map((tz) => {
      process.env.TZ = tz;
      return renderIcal('BT – test; a, b', calendarEvents(input([doctor.id])));
    });
    expect(bytes[1]).toBe(bytes[0]);
    expect(bytes[2]).toBe(bytes[0]);
    const intro = own.find((a) => a.block === 'intro')!;
    expect(bytes[0]).toContain(`DTSTART;VALUE=DATE:${intro.from.replaceAll('-', '')}\r\nDTEND;VALUE=DATE:${intro.to.replaceAll('-', '')}`);
    expect(bytes[0]).toContain('X-WR-CALNAME:BT – test\\; a\\, b\r\n');
    expect(bytes[0]).toContain('DTSTART:20260212T120000Z');
  });
});
