// A doctor's leave request: the dates are checked with the same zod schema the server uses,
// and each broken field says what is wrong before anything is sent.
import { useState, type FormEvent } from 'react';
import { absenceSchema } from '../../../shared/api/doctors';
import { formatPath } from '../../../shared/format/issues';
import { useLang } from '../i18n/lang';

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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = absenceSchema.safeParse({ from, to, ...(reason ? { reason } : {}) });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [formatPath(i.path), i.message])));
      return;
    }
    setErrors({});
    await onSubmit(parsed.data);
  };
  const field = (name: 'from' | 'to', label: string, value: string, set: (v: string) => void) => (
    <div>
      <label>
        {label} <input name={name} type="date" value={value} onChange={(e) => set(e.target.value)} aria-invalid={errors[name] ? true : undefined} aria-describedby={`${name}-error`} />
      </label>{' '}
      {errors[name] && (
        <span id={`${name}-error`} role="alert" className="field-error">
          {errors[name]}
        </span>
      )}
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
