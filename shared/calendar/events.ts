// A published plan as calendar events, the one source for the client's calendars and the iCal
// feeds. Pure: ids, dates and the times of changes come in, events go out, sorted so the same
// plan always gives the same list. All-day events are dates ([start, end), end exclusive);
// teaching is timed, Stockholm local time given as UTC instants, one weekly series per doctor.
import { builtInBlockKind, type Category } from '../domain/block-kinds';
import { addDays, isoWeekday, type IsoDate } from '../domain/dates';
import type { BtGoalId } from '../domain/goals';
import { isSwedishHoliday } from '../domain/holidays';
import type { LeaveDays } from '../domain/leave-days';
import { PROTECTED_NAME_SV } from '../domain/labels';
import { goalsOf } from '../domain/regulation';
import { addWeeks, stockholmInstant, weekFromIndex, weekIndex, type WeekRange } from '../domain/weeks';
import { weeklySeries, type WeeklyRecurrence } from './recurrence';

export const UID_DOMAIN = 'bt-planeraren.se';
export const ABSENCE_TITLE = 'Frånvaro';

/** Weekly compulsory teaching: weekday 1 (Monday) … 5, local start time, length. */
export interface TeachingSettings {
  weekday: number;
  start: string;
  minutes: number;
}

export const DEFAULT_TEACHING: TeachingSettings = { weekday: 4, start: '13:00', minutes: 240 };

/** Regular study time (studietid): like teaching, but every `everyWeeks` weeks from the doctor's first week. */
export interface StudyTimeSettings extends TeachingSettings {
  everyWeeks: number;
}

/** A BT-råd meeting: a date, a local start time, a length and a place. */
export interface CouncilMeeting {
  date: IsoDate;
  start: string;
  minutes: number;
  place: string;
}

export interface CalendarDoctor {
  key: string;
  name: string;
  protectedIdentity: boolean;
  supervisor?: string;
  /** Leave as taken (days, inclusive) and the whole weeks it takes off service. */
  absences: (LeaveDays & WeekRange)[];
}

export interface CalendarPlacement {
  placement: string;
  sequence: number;
  /** When this placement last changed (ISO instant): the events' DTSTAMP and LAST-MODIFIED. */
  changedAt: string;
  doctor: string;
  block: string;
  site: string | null;
  from: IsoDate;
  to: IsoDate;
}

export interface CalendarInput {
  audience: 'doctor' | 'site' | 'cohort';
  /** When the cohort's calendar settings last changed: the stamp of teaching and absences. */
  settingsChangedAt: string;
  teaching: TeachingSettings | null;
  /** BT-kollegium this many months after each doctor's start; null: halfway through the service weeks. */
  kollegiumMonths: number[] | null;
  blocks: { id: string; kind: string; category: Category; name?: string; goals?: BtGoalId[] }[];
  sites: { id: string; name: string; address?: string }[];
  doctors: CalendarDoctor[];
  placements: CalendarPlacement[];
}

export type EventCategory = 'placement' | 'vacation' | 'cohort' | 'absence' | 'teaching' | 'kollegium' | 'assessment' | 'external-assessment';

export interface CalendarEvent {
  uid: string;
  sequence: number;
  stamp: string;
  category: EventCategory;
  summary: string;
  description?: string;
  location?: string;
  /** All day: dates, end exclusive. Timed: UTC instants. */
  start: { date: IsoDate } | { instant: string };
  end: { date: IsoDate } | { instant: string };
  /** A timed event repeated weekly (teaching): see `occurrences` in ./recurrence. */
  recurrence?: WeeklyRecurrence;
  doctor: string;
}

// Assessments and BT-kollegium are a meeting on one day, not a week blocked in the calendar: the
// last working day of their week, when the week's work is done (Friday, earlier when a holiday).
function lastWorkingDay(week: IsoDate): IsoDate {
  for (let day = addDays(week, 4); day > week; day = addDays(day, -1)) if (!isSwedishHoliday(day)) return day;
  return week;
}

// A series has no version of its own (it follows all of the doctor's placements and the cohort's
// settings): its SEQUENCE is its stamp in seconds since 2020, so it grows with every change.
const SEQUENCE_EPOCH = Date.parse('2020-01-01T00:00:00Z');

export function calendarEvents(input: CalendarInput): CalendarEvent[] {
  const blocks = new Map(input.blocks.map((b) => [b.id, b]));
  const sites = new Map(input.sites.map((s) => [s.id, s]));
  const events: CalendarEvent[] = [];
  for (const doctor of input.doctors) {
    const own = input.placements.filter((p) => p.doctor === doctor.key).sort((a, b) => a.from.localeCompare(b.from));
    const who = doctor.protectedIdentity ? PROTECTED_NAME_SV : doctor.name;
    const prefix = input.audience === 'doctor' ? 'BT' : who;
    const blockName = (id: string) => {
      const block = blocks.get(id);
      return block?.name ?? builtInBlockKind(block?.kind ?? '')?.name_sv ?? id;
    };
    const offService = new Set<number>();
    for (const a of doctor.absences) for (let w = weekIndex(a.from); w < weekIndex(a.to); w++) offService.add(w);
    for (const p of own) {
      if (p.site === null) for (let w = weekIndex(p.from); w < weekIndex(p.to); w++) offService.add(w);
    }
    const serviceWeeks = (p: CalendarPlacement) => {
      const weeks: number[] = [];
      for (let w = weekIndex(p.from); w < weekIndex(p.to); w++) if (!offService.has(w)) weeks.push(w);
      return weeks;
    };
    const allDay = (from: IsoDate, to: IsoDate) => ({ start: { date: from }, end: { date: to } });
    const meetingIn = (week: IsoDate) => allDay(lastWorkingDay(week), addDays(lastWorkingDay(week), 1));

    for (const p of own) {
      const block = blocks.get(p.block);
      const category = block?.category ?? 'other';
      const site = p.site === null ? undefined : sites.get(p.site);
      const uid = `${p.placement}@${UID_DOMAIN}`;
      const base = { sequence: p.sequence, stamp: p.changedAt, doctor: doctor.key };
      if (category === 'vacation' || category === 'cohort') {
        events.push({ ...base, uid, category: category === 'vacation' ? 'vacation' : 'cohort', summary: `${prefix}: ${blockName(p.block)}`, ...allDay(p.from, p.to) });
        continue;
      }
      // The template's goals for the block, else its kind's.
      const goals = block ? goalsOf(block) : [];
      const supervisor = input.audience === 'doctor' && doctor.supervisor ? `Huvudhandledare: ${doctor.supervisor}` : undefined;
      const description = [site?.address ? `Adress: ${site.address}` : undefined, supervisor, goals.length ? `Mål: ${goals.join(', ')}` : undefined].filter(Boolean).join('\n');
      events.push({
        ...base,
        uid,
        category: 'placement',
        summary: `${prefix}: ${blockName(p.block)}${site ? ` – ${site.name}` : ''}`,
        ...(description ? { description } : {}),
        // Name and address: what a map or a colleague needs to find the place.
        ...(site ? { location: site.address ? `${site.name}, ${site.address}` : site.name } : {}),
        ...allDay(p.from, p.to),
      });
      // Summative assessment in the last service week of the placement.
      const weeks = serviceWeeks(p);
      const last = weeks.at(-1);
      if (last !== undefined && input.audience !== 'site') {
        events.push({ ...base, uid: `${p.placement}.bedomning@${UID_DOMAIN}`, category: 'assessment', summary: `${prefix}: Bedömning, ${blockName(p.block)}`, ...meetingIn(weekFromIndex(last)) });
      }
    }
    if (input.audience === 'site') continue;

    // The days the doctor is away, as they asked for them; the weeks only shape the planning grid.
    // Absences carry no change time: other days make another event (UID) rather than a stale one.
    for (const a of doctor.absences) {
      events.push({ uid: `${doctor.key}.franvaro.${a.first}.${a.last}@${UID_DOMAIN}`, sequence: 0, stamp: input.settingsChangedAt, doctor: doctor.key, category: 'absence', summary: input.audience === 'doctor' ? ABSENCE_TITLE : `${who}: ${ABSENCE_TITLE}`, ...allDay(a.first, addDays(a.last, 1)) });
    }

    // BT-kollegium halfway through the service weeks; the external assessment in the last one.
    const service = own.filter((p) => p.site !== null).flatMap((p) => serviceWeeks(p).map((w) => ({ w, p })));
    const middle = service[Math.floor((service.length - 1) / 2)];
    const final = service.at(-1);
    if (input.kollegiumMonths && own.length) {
      for (const months of input.kollegiumMonths) {
        const week = addWeeks(own[0]!.from, Math.round((months * 52) / 12));
        events.push({ uid: `${doctor.key}.kollegium.${months}@${UID_DOMAIN}`, sequence: 0, stamp: input.settingsChangedAt, doctor: doctor.key, category: 'kollegium', summary: `${prefix}: BT-kollegium`, ...meetingIn(week) });
      }
    } else if (middle) {
      events.push({ uid: `${middle.p.placement}.kollegium@${UID_DOMAIN}`, sequence: middle.p.sequence, stamp: middle.p.changedAt, doctor: doctor.key, category: 'kollegium', summary: `${prefix}: BT-kollegium`, ...meetingIn(weekFromIndex(middle.w)) });
    }
    if (final) {
      events.push({ uid: `${final.p.placement}.extern@${UID_DOMAIN}`, sequence: final.p.sequence, stamp: final.p.changedAt, doctor: doctor.key, category: 'external-assessment', summary: `${prefix}: Extern bedömning av BT`, ...meetingIn(weekFromIndex(final.w)) });
    }

    // Weekly teaching in every week of the year that is not vacation, cohort weeks or absence, as
    // one weekly series: calendar apps keep one event per doctor instead of some fifty.
    if (input.teaching && input.audience === 'doctor' && own.length) {
      const { weekday, start, minutes } = input.teaching;
      const first = own[0]!.from;
      const end = own.reduce((max, p) => (p.to > max ? p.to : max), first);
      const days: IsoDate[] = [];
      for (let week = first; week < end; week = addWeeks(week, 1)) {
        if (offService.has(weekIndex(week))) continue;
        const day = addDays(week, weekday - 1);
        if (isoWeekday(day) !== weekday || isSwedishHoliday(day)) continue;
        days.push(day);
      }
      const series = weeklySeries(days);
      if (series) {
        const from = stockholmInstant(series.first, start);
        const stamp = [input.settingsChangedAt, ...own.map((p) => p.changedAt)].reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
        events.push({
          // One per doctor: a doctor (a uuid on the server) belongs to one cohort.
          uid: `${doctor.key}.undervisning@${UID_DOMAIN}`,
          sequence: Math.floor((Date.parse(stamp) - SEQUENCE_EPOCH) / 1000),
          stamp,
          doctor: doctor.key,
          category: 'teaching',
          summary: 'BT: Obligatorisk undervisning',
          start: { instant: from },
          end: { instant: new Date(Date.parse(from) + minutes * 60_000).toISOString() },
          recurrence: series.recurrence,
        });
      }
    }
  }
  const startOf = (e: CalendarEvent) => ('date' in e.start ? e.start.date : e.start.instant);
  return events.sort((a, b) => startOf(a).localeCompare(startOf(b)) || a.uid.localeCompare(b.uid));
}
