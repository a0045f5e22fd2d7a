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
  const { check, error, errors } = useFieldErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const leave = check(absenceSchema, { from, to, ...(reason ? { reason } : {}) });
    if (leave) await onSubmit(leave);
  };
  const field = (name: 'from' | 'to', label: string, value: string, set: (v: string) => void) => (
    <div>
      <label>
        {label} <input name={name} type="date" value={value} onChange={(e) => set(e.target.value)} aria-invalid={errors[name] ? true : undefined} aria-describedby={`${name}-error`} />
      </label>{' '}
      {error(name)}
    </div>
  );
  return (
    <form aria-label={t('leaveRequest')} onSubmit={submit} style={{ display: 'grid', gap: '0.3rem', maxWidth: '30rem' }}>
      {field('from', t('from'), from, setFrom)}
      {field('to', t('to'), to, setTo)}
      <label>
        {t('reason')} <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit">{t('sendRequest')}</button>
    </form>
  );
}
