// A doctor's leave request: first and last day, inclusive, any weekday. The days are checked with
// the same zod schema the server uses, each broken field says what is wrong before anything is
// sent, and the weeks that will count as absence are shown as the days are typed.
import { useState, type FormEvent } from 'react';
import { absenceBodySchema, type AbsenceBody } from '../../../shared/api/doctors';
import { useLang } from '../i18n/lang';
import { useFieldErrors } from './field-errors';
import { LeaveWeeks } from './LeaveWeeks';

export function LeaveRequestForm({ onSubmit }: { onSubmit: (leave: AbsenceBody) => Promise<void> | void }) {
  const { t } = useLang();
  const [first, setFirst] = useState('');
  const [last, setLast] = useState('');
  const [reason, setReason] = useState('');
  const { check, field } = useFieldErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const leave = check(absenceBodySchema, { first, last, ...(reason ? { reason } : {}) });
    if (leave) await onSubmit(leave);
  };
  return (
    <form aria-label={t('leaveRequest')} onSubmit={submit} style={{ display: 'grid', gap: '0.3rem', maxWidth: '30rem' }}>
      <p className="hint">{t('leaveWeekRule')}</p>
      {field('first', t('firstDay'), first, setFirst, { type: 'date' })}
      {field('last', t('lastDay'), last, setLast, { type: 'date' })}
      <LeaveWeeks first={first} last={last} />
      <label>
        {t('reason')} <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit">{t('sendRequest')}</button>
    </form>
  );
}
