// Create or edit a cohort: name, template, weekly teaching (or none), the BT-kollegium months,
// study time (or none) and BT-råd meetings, checked with the server's zod schema before saving;
// each broken field says what is wrong.
import { Fragment, useState, type FormEvent } from 'react';
import { cohortBodySchema, type CohortBody, type CohortResource } from '../../../shared/api/cohorts';
import type { TemplateResource } from '../../../shared/api/templates';
import { DEFAULT_TEACHING } from '../../../shared/calendar/events';
import { useLang } from '../i18n/lang';
import { councilDrafts, CouncilFields, councilsOf, studyTimeDraft, StudyTimeFields, studyTimeOf } from './CohortMeetingFields';
import { useFieldErrors } from './field-errors';

/** Monday to Friday in the user's language (5 January 2026 is a Monday). */
function weekdayNames(lang: string): string[] {
  const format = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
  return [1, 2, 3, 4, 5].map((d) => format.format(new Date(Date.UTC(2026, 0, 4 + d))));
}

/** "6, 12" → [6, 12]; empty → null (halfway). Anything else is left for the schema to name. */
function kollegiumMonths(text: string): number[] | null {
  return text.trim() === '' ? null : text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
}

export function CohortForm({ cohort, templates, onSave }: { cohort?: CohortResource; templates: TemplateResource[]; onSave: (body: CohortBody) => Promise<void> }) {
  const { t, lang } = useLang();
  const teaching = cohort?.teaching ?? DEFAULT_TEACHING;
  const [name, setName] = useState(cohort?.name ?? '');
  const [template, setTemplate] = useState(cohort?.template ?? templates[0]?.uuid ?? '');
  const [noTeaching, setNoTeaching] = useState(cohort !== undefined && cohort.teaching === null);
  const [weekday, setWeekday] = useState(String(teaching.weekday));
  const [start, setStart] = useState(teaching.start);
  const [minutes, setMinutes] = useState(String(teaching.minutes));
  const [months, setMonths] = useState(cohort?.kollegiumMonths?.join(', ') ?? '');
  const [studyTime, setStudyTime] = useState(() => studyTimeDraft(cohort?.studyTime));
  const [councils, setCouncils] = useState(() => councilDrafts(cohort?.councils));
  const { check, error, errors, field } = useFieldErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = check(cohortBodySchema, {
      name,
      template,
      teaching: noTeaching ? null : { weekday: Number(weekday), start, minutes: Number(minutes) },
      kollegiumMonths: kollegiumMonths(months),
      studyTime: studyTimeOf(studyTime),
      councils: councilsOf(councils),
    }, { 'kollegiumMonths[]': { unit: 'months' }, 'studyTime.everyWeeks': { unit: 'weeks' } });
    if (body) await onSave(body);
  };
  return (
    <form aria-label={cohort ? `${t('cohort')} ${cohort.name}` : t('newCohort')} onSubmit={submit} className="cohort-form" style={{ display: 'grid', gap: '0.3rem', maxWidth: '40rem' }}>
      {field('name', t('name'), name, setName)}
      <div>
        <label>
          {t('template')}{' '}
          <select name="template" value={template} onChange={(e) => setTemplate(e.target.value)}>
            {templates.map((tpl) => (
              <option key={tpl.uuid} value={tpl.uuid}>
                {tpl.name}
              </option>
            ))}
          </select>
        </label>{' '}
        {error('template')}
      </div>
      <fieldset>
        <legend>{t('teaching')}</legend>
        <label>
          <input type="checkbox" name="noTeaching" checked={noTeaching} onChange={(e) => setNoTeaching(e.target.checked)} /> {t('noTeaching')}
        </label>{' '}
        <label>
          {t('weekday')}{' '}
          <select name="weekday" value={weekday} disabled={noTeaching} onChange={(e) => setWeekday(e.target.value)}>
            {weekdayNames(lang).map((day, i) => (
              <option key={day} value={i + 1}>
                {day}
              </option>
            ))}
          </select>
        </label>{' '}
        {/* Text, not type=time: the schema's HH:MM message is the one the user sees. */}
        <label>
          {t('startTime')} <input name="start" value={start} disabled={noTeaching} onChange={(e) => setStart(e.target.value)} style={{ width: '4rem' }} />
        </label>{' '}
        <label>
          {t('minutes')} <input name="minutes" type="number" value={minutes} disabled={noTeaching} onChange={(e) => setMinutes(e.target.value)} style={{ width: '5rem' }} />
        </label>{' '}
        {error('teaching.weekday')} {error('teaching.start')} {error('teaching.minutes')}
      </fieldset>
      <div>
        <label>
          {t('kollegiumMonths')} <input name="kollegiumMonths" value={months} onChange={(e) => setMonths(e.target.value)} style={{ width: '8rem' }} />
        </label>{' '}
        {Object.keys(errors)
          .filter((path) => path.startsWith('kollegiumMonths'))
          .map((path) => (
            <Fragment key={path}>{error(path)} </Fragment>
          ))}
      </div>
      <StudyTimeFields value={studyTime} onChange={setStudyTime} error={error} weekdays={weekdayNames(lang)} />
      <CouncilFields value={councils} onChange={setCouncils} error={error} />
      <button type="submit">{t('save')}</button>
    </form>
  );
}
