// A published plan as calendar events, the one source for the client's calendars and the iCal
// feeds. Pure: ids, dates and the times of changes come in, events go out, sorted so the same
// plan always gives the same list. All-day events are dates ([start, end), end exclusive);
// teaching and study time are timed, Stockholm local time given as UTC instants, one weekly
// series per doctor; BT-råd meetings are timed single events.
import { builtInBlockKind, type Category } from '../domain/block-kinds';
import { addDays, isoWeekday, type IsoDate } from '../domain/dates';
import type { BtGoalId } from '../domain/goals';
import { isSwedishHoliday } from '../domain/holidays';
import type { LeaveDays } from '../domain/leave-days';
import { PROTECTED_NAME_SV } from '../domain/labels';
import { ownValue } from '../domain/own';
import type { AssessmentKind } from '../domain/readiness';
import { milestonesOf } from '../domain/milestones';
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
  /** The handledare of the doctor's placement in a block: block id → name. */
  supervisors?: Record<string, string>;
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
  /** Regular study time; null or absent: none. */
  studyTime?: StudyTimeSettings | null;
  /** BT-råd meetings of the cohort. */
  councils?: CouncilMeeting[];
  /** The region's assessment kinds, for their names (an unknown kind is shown by its id). */
  assessmentKinds?: readonly AssessmentKind[];
  /** BT-kollegium this many months after each doctor's start; null: halfway through the service weeks. */
  kollegiumMonths: number[] | null;
  /** `assessments`: kind id → how many each placement of the block expects. */
  blocks: { id: string; kind: string; category: Category; name?: string; goals?: BtGoalId[]; assessments?: Record<string, number> }[];
  sites: { id: string; name: string; address?: string }[];
  doctors: CalendarDoctor[];
  placements: CalendarPlacement[];
}

export type EventCategory =
  | 'placement'
  | 'vacation'
  | 'cohort'
  | 'absence'
  | 'teaching'
  | 'study-time'
  | 'council'
  | 'kollegium'
  | 'assessment'
  | 'planned-assessment'
  | 'external-assessment';

/** The kind whose one expected assessment is the `assessment` event at the end of each placement. */
export const SUMMATIVE_ASSESSMENT_KIND = 'samlad-bedomning';

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
  /** A timed event repeated weekly or every few weeks (teaching, study time): see `occurrences` in ./recurrence. */
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
const sequenceOf = (stamp: string) => Math.floor((Date.parse(stamp) - SEQUENCE_EPOCH) / 1000);

/**
 * Where a placement's expected assessments of one kind fall: `count` of its service weeks, spread
 * evenly — the i-th of N at position floor(i·len/(N+1)) — so that with weeks to spare none is
 * in the last week, which the summative assessment holds.
 */
export function plannedWeeks<T>(weeks: readonly T[], count: number): T[] {
  const planned: T[] = [];
  for (let i = 1; i <= count && weeks.length; i++) planned.push(weeks[Math.floor((i * weeks.length) / (count + 1))]!);
  return planned;
}

export function calendarEvents(input: CalendarInput): CalendarEvent[] {
  const blocks = new Map(input.blocks.map((b) => [b.id, b]));
  const sites = new Map(input.sites.map((s) => [s.id, s]));
  const kinds = input.assessmentKinds ?? [];
  // The region's order of kinds, then unknown ones by id: the same plan gives the same list.
  const kindOrder = (id: string) => {
    const at = kinds.findIndex((k) => k.id === id);
    return at < 0 ? kinds.length : at;
  };
  const kindName = (id: string) => kinds.find((k) => k.id === id)?.name_sv ?? id;
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
      // Supervisors are named in the doctor's own calendar only.
      const supervisor = input.audience === 'doctor' && doctor.supervisor ? `Huvudhandledare: ${doctor.supervisor}` : undefined;
      const handledareName = input.audience === 'doctor' ? ownValue(doctor.supervisors, p.block) : undefined;
      const handledare = handledareName ? `Handledare: ${handledareName}` : undefined;
      const description = [site?.address ? `Adress: ${site.address}` : undefined, supervisor, handledare, goals.length ? `Mål: ${goals.join(', ')}` : undefined].filter(Boolean).join('\n');
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
      // The assessments the block expects, spread over its service weeks. The kind is the doctor's
      // own business (assessments are personal data): a cohort's calendar says only "Bedömning".
      const expectations = input.audience === 'site' ? [] : Object.entries(block?.assessments ?? {});
      for (const [kind, expected] of expectations.sort(([a], [b]) => kindOrder(a) - kindOrder(b) || a.localeCompare(b))) {
        // One summative assessment is the event above; only more of them are planned here.
        const count = kind === SUMMATIVE_ASSESSMENT_KIND ? expected - 1 : expected;
        for (const [i, week] of plannedWeeks(weeks, count).entries()) {
          events.push({
            ...base,
            // The count in the UID: another count moves every date, so the events are new ones.
            uid: `${p.placement}.bedomning.${kind}.${i + 1}-${count}@${UID_DOMAIN}`,
            category: 'planned-assessment',
            summary: input.audience === 'doctor' ? `BT: ${kindName(kind)}, ${blockName(p.block)}` : `${who}: Bedömning`,
            ...meetingIn(weekFromIndex(week)),
          });
        }
      }
    }
    if (input.audience === 'site') continue;

    // The days the doctor is away, as they asked for them; the weeks only shape the planning grid.
    // Absences carry no change time: other days make another event (UID) rather than a stale one.
    for (const a of doctor.absences) {
      events.push({ uid: `${doctor.key}.franvaro.${a.first}.${a.last}@${UID_DOMAIN}`, sequence: 0, stamp: input.settingsChangedAt, doctor: doctor.key, category: 'absence', summary: input.audience === 'doctor' ? ABSENCE_TITLE : `${who}: ${ABSENCE_TITLE}`, ...allDay(a.first, addDays(a.last, 1)) });
    }

    // BT-kollegium halfway through the service weeks (or as the cohort sets it); the external
    // assessment in the last one: the checklist's due weeks come from the same rule.
    const milestones = milestonesOf(own, doctor.absences, input.kollegiumMonths);
    for (const { week, months, placement } of milestones.kollegium) {
      const meeting = { doctor: doctor.key, category: 'kollegium' as const, summary: `${prefix}: BT-kollegium`, ...meetingIn(week) };
      if (placement) events.push({ ...meeting, uid: `${placement.placement}.kollegium@${UID_DOMAIN}`, sequence: placement.sequence, stamp: placement.changedAt });
      else events.push({ ...meeting, uid: `${doctor.key}.kollegium.${months}@${UID_DOMAIN}`, sequence: 0, stamp: input.settingsChangedAt });
    }
    const external = milestones.external;
    if (external) {
      events.push({ uid: `${external.placement.placement}.extern@${UID_DOMAIN}`, sequence: external.placement.sequence, stamp: external.placement.changedAt, doctor: doctor.key, category: 'external-assessment', summary: `${prefix}: Extern bedömning av BT`, ...meetingIn(external.week) });
    }

    // Teaching, study time and BT-råd are the doctor's own: a shared calendar has no use for them.
    if (input.audience !== 'doctor' || !own.length) continue;
    const first = own[0]!.from;
    const end = own.reduce((max, p) => (p.to > max ? p.to : max), first);
    // Their times follow the cohort's settings and where the doctor's service weeks are.
    const stamp = [input.settingsChangedAt, ...own.map((p) => p.changedAt)].reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
    const held = (day: IsoDate) => day >= first && day < end && !offService.has(weekIndex(day)) && !isSwedishHoliday(day);
    const timed = (day: IsoDate, start: string, minutes: number) => {
      const from = stockholmInstant(day, start);
      return { start: { instant: from }, end: { instant: new Date(Date.parse(from) + minutes * 60_000).toISOString() } };
    };
    // One series per doctor rather than an event per week: calendar apps keep one event instead of
    // some fifty. Every `everyWeeks` weeks from the doctor's first week, not in weeks off service
    // (vacation, cohort weeks, absence) nor on holidays.
    const series = (settings: StudyTimeSettings, name: string, category: EventCategory, summary: string) => {
      const days: IsoDate[] = [];
      for (let week = first; week < end; week = addWeeks(week, settings.everyWeeks)) {
        const day = addDays(week, settings.weekday - 1);
        if (isoWeekday(day) === settings.weekday && held(day)) days.push(day);
      }
      const made = weeklySeries(days, settings.everyWeeks);
      if (!made) return;
      // One per doctor: a doctor (a uuid on the server) belongs to one cohort.
      events.push({ uid: `${doctor.key}.${name}@${UID_DOMAIN}`, sequence: sequenceOf(stamp), stamp, doctor: doctor.key, category, summary, ...timed(made.first, settings.start, settings.minutes), recurrence: made.recurrence });
    };
    if (input.teaching) series({ ...input.teaching, everyWeeks: 1 }, 'undervisning', 'teaching', 'BT: Obligatorisk undervisning');
    if (input.studyTime) series(input.studyTime, 'studietid', 'study-time', 'BT: Studietid');
    // BT-råd on its dates, when the doctor is in service that week.
    for (const council of input.councils ?? []) {
      if (!held(council.date)) continue;
      events.push({ uid: `${doctor.key}.btrad.${council.date}@${UID_DOMAIN}`, sequence: sequenceOf(stamp), stamp, doctor: doctor.key, category: 'council', summary: 'BT: BT-råd', location: council.place, ...timed(council.date, council.start, council.minutes) });
    }
  }
  const startOf = (e: CalendarEvent) => ('date' in e.start ? e.start.date : e.start.instant);
  return events.sort((a, b) => startOf(a).localeCompare(startOf(b)) || a.uid.localeCompare(b.uid));
}
