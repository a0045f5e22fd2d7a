// Edit a doctor's year: part-time rate, protected identity, absences (they extend the BT) and a
// credited block with the studierektor's decision — checked with the server's schema first.
import { useState, type FormEvent } from 'react';
import { doctorBodySchema, type DoctorBody, type DoctorResource } from '../../../shared/api/doctors';
import type { Block } from '../../../shared/format/problem';
import { useLang } from '../i18n/lang';
import { useFieldErrors } from './field-errors';

interface Range {
  from: string;
  to: string;
  reason: string;
}

export function DoctorForm({ doctor, blocks, onSave }: { doctor: DoctorResource; blocks: Block[]; onSave: (body: DoctorBody) => Promise<void> }) {
  const { t } = useLang();
  const [partTime, setPartTime] = useState(String(doctor.partTime));
  const [protectedIdentity, setProtected] = useState(doctor.protectedIdentity);
  const [absences, setAbsences] = useState<Range[]>(doctor.absences.map((a) => ({ from: a.from, to: a.to, reason: a.reason ?? '' })));
  const [credit, setCredit] = useState(doctor.credits[0] ?? null);
  const { check, error } = useFieldErrors();
  const creditable = blocks.filter((b) => ['acute', 'primary-care', 'psychiatry'].includes(b.category));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { uuid: _uuid, version: _version, ...rest } = doctor;
    const body = check(doctorBodySchema, {
      ...rest,
      partTime: Number(partTime),
      protectedIdentity,
      absences: absences.map((a) => ({ from: a.from, to: a.to, ...(a.reason ? { reason: a.reason } : {}) })),
      credits: credit ? [credit] : [],
    });
    if (body) await onSave(body);
  };
  const setAbsence = (i: number, change: Partial<Range>) => setAbsences(absences.map((a, j) => (j === i ? { ...a, ...change } : a)));
  return (
    <form aria-label={`${t('doctor')} ${doctor.name}`} onSubmit={submit} className="doctor-form" style={{ display: 'grid', gap: '0.3rem', maxWidth: '44rem' }}>
      <div>
        <label>
          {t('partTime')} <input name="partTime" type="number" step="any" value={partTime} onChange={(e) => setPartTime(e.target.value)} style={{ width: '5rem' }} />
        </label>{' '}
        {error('partTime')}
      </div>
      <label>
        <input type="checkbox" checked={protectedIdentity} onChange={(e) => setProtected(e.target.checked)} /> {t('protectedIdentity')}
      </label>
      <fieldset>
        <legend>{t('absences')}</legend>
        {absences.map((a, i) => (
          <div key={i}>
            <label>
              {t('from')} <input type="date" value={a.from} onChange={(e) => setAbsence(i, { from: e.target.value })} />
            </label>{' '}
            <label>
              {t('to')} <input type="date" value={a.to} onChange={(e) => setAbsence(i, { to: e.target.value })} />
            </label>{' '}
            <label>
              {t('reason')} <input value={a.reason} onChange={(e) => setAbsence(i, { reason: e.target.value })} />
            </label>{' '}
            <button type="button" onClick={() => setAbsences(absences.filter((_, j) => j !== i))}>
              {t('remove')}
            </button>{' '}
            {error(`absences[${i}].from`)} {error(`absences[${i}].to`)}
          </div>
        ))}
        <button type="button" onClick={() => setAbsences([...absences, { from: '', to: '', reason: '' }])}>
          {t('addAbsence')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('credit')}</legend>
        <label>
          {t('block')}{' '}
          <select value={credit?.block ?? ''} onChange={(e) => setCredit(e.target.value ? { block: e.target.value, weeks: credit?.weeks ?? 13, decidedBy: credit?.decidedBy ?? '', decidedOn: credit?.decidedOn ?? '' } : null)}>
            <option value="">—</option>
            {creditable.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name ?? b.id}
              </option>
            ))}
          </select>
        </label>
        {credit && (
          <>
            {' '}
            <label>
              {t('weeks')} <input type="number" value={credit.weeks} onChange={(e) => setCredit({ ...credit, weeks: Number(e.target.value) })} style={{ width: '4rem' }} />
            </label>{' '}
            <label>
              {t('decidedBy')} <input value={credit.decidedBy} onChange={(e) => setCredit({ ...credit, decidedBy: e.target.value })} />
            </label>{' '}
            <label>
              {t('decidedOn')} <input type="date" value={credit.decidedOn} onChange={(e) => setCredit({ ...credit, decidedOn: e.target.value })} />
            </label>{' '}
            {error('credits[0].weeks')} {error('credits[0].decidedBy')} {error('credits[0].decidedOn')}
          </>
        )}
      </fieldset>
      <button type="submit">{t('save')}</button>
    </form>
  );
}
