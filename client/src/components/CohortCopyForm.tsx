// Next year's intake from a cohort: a new name and how many weeks every date moves, checked with
// the server's schema before it is sent.
import { useState, type FormEvent } from 'react';
import { cohortCopySchema, type CohortCopy, type CohortResource } from '../../../shared/api/cohorts';
import { useLang } from '../i18n/lang';
import { useFieldErrors } from './field-errors';

/** "Kronoberg BT 2026" → "Kronoberg BT 2027"; a name without a year gets " (2)" so it does not clash. */
export function nextIntakeName(name: string): string {
  const bumped = name.replace(/\b(19|20)\d{2}\b/g, (year) => String(Number(year) + 1));
  return bumped === name ? `${name} (2)` : bumped;
}

export function CohortCopyForm({ cohort, onCopy }: { cohort: CohortResource; onCopy: (body: CohortCopy) => Promise<void> }) {
  const { t } = useLang();
  const [name, setName] = useState(nextIntakeName(cohort.name));
  const [weeks, setWeeks] = useState('52');
  const { check, error } = useFieldErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = check(cohortCopySchema, { name, weeks: Number(weeks) });
    if (body) await onCopy(body);
  };
  return (
    <form aria-label={`${t('copyToNextYear')}: ${cohort.name}`} onSubmit={submit} className="cohort-copy-form">
      <label>
        {t('name')} <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>{' '}
      {error('name')}{' '}
      <label>
        {t('shiftWeeks')} <input name="weeks" type="number" value={weeks} onChange={(e) => setWeeks(e.target.value)} style={{ width: '5rem' }} />
      </label>{' '}
      {error('weeks')} <button type="submit">{t('copy')}</button>
    </form>
  );
}
