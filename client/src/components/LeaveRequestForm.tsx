// A doctor's leave request: the dates are checked with the same zod schema the server uses,
// and each broken field says what is wrong before anything is sent.
import { useState, type FormEvent } from 'react';
import { absenceSchema } from '../../../shared/api/doctors';
import { useLang } from '../i18n/lang';
import { useFieldErrors } from './field-errors';

export interface LeaveRequest {
  from: string;
  to: string;
  reason?: string;
}

export function LeaveRequestForm({ onSubmit }: { onSubmit: (leave: LeaveRequest) => Promise<void> | void }) {
  const { t } = useLang();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const { check, field } = useFieldErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const leave = check(absenceSchema, { from, to, ...(reason ? { reason } : {}) });
    if (leave) await onSubmit(leave);
  };
  return (
    <form aria-label={t('leaveRequest')} onSubmit={submit} style={{ display: 'grid', gap: '0.3rem', maxWidth: '30rem' }}>
      {field('from', t('from'), from, setFrom, { type: 'date' })}
      {field('to', t('to'), to, setTo, { type: 'date' })}
      <label>
        {t('reason')} <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit">{t('sendRequest')}</button>
    </form>
  );
}
