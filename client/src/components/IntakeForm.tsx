// A new intake (nytt intag) from a cohort: a name, the start Monday and whether the doctors come
// along, checked with the server's schema before it is sent. The server moves the template's
// windows to the new year and refuses, in words, a year that cannot be laid out.
import { useState, type FormEvent } from 'react';
import { cohortIntakeSchema, type CohortIntake, type CohortResource } from '../../../shared/api/cohorts';
import { useLang } from '../i18n/lang';
import { useFieldErrors } from './field-errors';

/** "Kronoberg BT 2026" → "Kronoberg BT 2027"; a name without a year gets " (2)" so it does not clash. */
export function nextIntakeName(name: string): string {
  const bumped = name.replace(/\b(19|20)\d{2}\b/g, (year) => String(Number(year) + 1));
  return bumped === name ? `${name} (2)` : bumped;
}

export function IntakeForm({ cohort, suggestedStart, onSubmit }: { cohort: CohortResource; suggestedStart?: string; onSubmit: (body: CohortIntake) => Promise<void> }) {
  const { t } = useLang();
  const [name, setName] = useState(nextIntakeName(cohort.name));
  const [start, setStart] = useState(suggestedStart ?? '');
  const [copyDoctors, setCopyDoctors] = useState(true);
  const { check, error, field } = useFieldErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = check(cohortIntakeSchema, { name, start, copyDoctors });
    if (body) await onSubmit(body);
  };
  return (
    <form aria-label={`${t('newIntake')}: ${cohort.name}`} onSubmit={submit} className="intake-form" style={{ display: 'grid', gap: '0.3rem', maxWidth: '40rem' }}>
      {field('name', t('name'), name, setName)}
      {field('start', t('intakeStart'), start, setStart, { type: 'date' })}
      <div>
        <label>
          <input type="checkbox" name="copyDoctors" checked={copyDoctors} onChange={(e) => setCopyDoctors(e.target.checked)} /> {t('intakeCopyDoctors')}
        </label>{' '}
        {error('copyDoctors')}
      </div>
      <div>
        <button type="submit">{t('intakeCreate')}</button>
      </div>
    </form>
  );
}
