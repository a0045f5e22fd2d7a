// The cohort's study time (on or off, weekday, start, length, every N weeks) and its BT-råd
// meetings (rows of date, start, length, place) as the form edits them: text as typed, turned into
// the API's shape by `studyTimeOf` and `councilsOf` for the schema to check.
import type { ReactNode } from 'react';
import type { CohortBody } from '../../../shared/api/cohorts';
import type { CouncilMeeting, StudyTimeSettings } from '../../../shared/calendar/events';
import { useLang } from '../i18n/lang';

export interface StudyTimeDraft {
  on: boolean;
  weekday: string;
  start: string;
  minutes: string;
  everyWeeks: string;
}

export type CouncilDraft = Record<keyof CouncilMeeting, string>;

/** What a cohort without study time starts from when it is switched on: every other Tuesday morning. */
const SUGGESTED_STUDY_TIME: StudyTimeSettings = { weekday: 2, start: '08:00', minutes: 240, everyWeeks: 2 };

export function studyTimeDraft(studyTime: StudyTimeSettings | null | undefined): StudyTimeDraft {
  const { weekday, start, minutes, everyWeeks } = studyTime ?? SUGGESTED_STUDY_TIME;
  return { on: Boolean(studyTime), weekday: String(weekday), start, minutes: String(minutes), everyWeeks: String(everyWeeks) };
}

export const councilDrafts = (councils: CouncilMeeting[] | undefined): CouncilDraft[] => (councils ?? []).map((c) => ({ ...c, minutes: String(c.minutes) }));

// Numbers as typed: an empty or wrong field reaches the schema as a number it names.
export const studyTimeOf = (d: StudyTimeDraft): CohortBody['studyTime'] =>
  d.on ? { weekday: Number(d.weekday), start: d.start, minutes: Number(d.minutes), everyWeeks: Number(d.everyWeeks) } : null;

export const councilsOf = (drafts: CouncilDraft[]): CohortBody['councils'] => drafts.map((d) => ({ date: d.date, start: d.start, minutes: Number(d.minutes), place: d.place }));

interface FieldsProps<T> {
  value: T;
  onChange: (value: T) => void;
  /** The message of the field at this path, if any (useFieldErrors). */
  error: (path: string) => ReactNode;
}

export function StudyTimeFields({ value, onChange, error, weekdays }: FieldsProps<StudyTimeDraft> & { weekdays: string[] }) {
  const { t } = useLang();
  const set = (changes: Partial<StudyTimeDraft>) => onChange({ ...value, ...changes });
  const off = !value.on;
  return (
    <fieldset>
      <legend>{t('studyTime')}</legend>
      <label>
        <input type="checkbox" name="noStudyTime" checked={off} onChange={(e) => set({ on: !e.target.checked })} /> {t('noStudyTime')}
      </label>{' '}
      <label>
        {t('studyWeekday')}{' '}
        <select name="studyTime.weekday" value={value.weekday} disabled={off} onChange={(e) => set({ weekday: e.target.value })}>
          {weekdays.map((day, i) => (
            <option key={day} value={i + 1}>
              {day}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('studyStart')} <input name="studyTime.start" value={value.start} disabled={off} onChange={(e) => set({ start: e.target.value })} style={{ width: '4rem' }} />
      </label>{' '}
      <label>
        {t('studyMinutes')} <input name="studyTime.minutes" type="number" value={value.minutes} disabled={off} onChange={(e) => set({ minutes: e.target.value })} style={{ width: '5rem' }} />
      </label>{' '}
      {/* No min/max: the browser's own check would stop the form before the schema's words are shown. */}
      <label>
        {t('studyEveryWeeks')} <input name="studyTime.everyWeeks" type="number" value={value.everyWeeks} disabled={off} onChange={(e) => set({ everyWeeks: e.target.value })} style={{ width: '4rem' }} />
      </label>{' '}
      {error('studyTime.start')} {error('studyTime.minutes')} {error('studyTime.everyWeeks')}
    </fieldset>
  );
}

const EMPTY_COUNCIL: CouncilDraft = { date: '', start: '13:00', minutes: '120', place: '' };
/** At most this many meetings (the schema's limit). */
export const MAX_COUNCILS = 24;

export function CouncilFields({ value, onChange, error }: FieldsProps<CouncilDraft[]>) {
  const { t } = useLang();
  const set = (index: number, changes: Partial<CouncilDraft>) => onChange(value.map((c, i) => (i === index ? { ...c, ...changes } : c)));
  const numbered = (key: 'councilDate' | 'councilStart' | 'councilMinutes' | 'councilPlace' | 'removeCouncil', i: number) => t(key).replace('{n}', String(i + 1));
  return (
    <fieldset>
      <legend>{t('councils')}</legend>
      {value.map((council, i) => (
        // Rows have no id of their own: a removed row's successors move up and are renumbered with it.
        <div key={i} className="council-row">
          <label>
            {numbered('councilDate', i)} <input name={`councils[${i}].date`} type="date" value={council.date} onChange={(e) => set(i, { date: e.target.value })} />
          </label>{' '}
          <label>
            {numbered('councilStart', i)} <input name={`councils[${i}].start`} value={council.start} onChange={(e) => set(i, { start: e.target.value })} style={{ width: '4rem' }} />
          </label>{' '}
          <label>
            {numbered('councilMinutes', i)} <input name={`councils[${i}].minutes`} type="number" value={council.minutes} onChange={(e) => set(i, { minutes: e.target.value })} style={{ width: '5rem' }} />
          </label>{' '}
          <label>
            {numbered('councilPlace', i)} <input name={`councils[${i}].place`} value={council.place} onChange={(e) => set(i, { place: e.target.value })} />
          </label>{' '}
          <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {numbered('removeCouncil', i)}
          </button>{' '}
          {error(`councils[${i}].date`)} {error(`councils[${i}].start`)} {error(`councils[${i}].minutes`)} {error(`councils[${i}].place`)}
        </div>
      ))}
      {value.length < MAX_COUNCILS && (
        <button type="button" onClick={() => onChange([...value, EMPTY_COUNCIL])}>
          {t('addCouncil')}
        </button>
      )}
    </fieldset>
  );
}
