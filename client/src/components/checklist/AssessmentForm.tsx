// Recording an assessment as done: its kind (the region's), the date, the assessor, the placement
// it belongs to (none for BT-kollegium and the external assessment) and a short note. Checked with
// the server's schema before it is sent; the server's refusal (a date after today…) is shown by the caller.
import { useState, type FormEvent } from 'react';
import { assessmentBodySchema, type AssessmentBody, type Checklist } from '../../../../shared/api/assessments';
import { useLang } from '../../i18n/lang';
import { useFieldErrors } from '../field-errors';

interface Props {
  kinds: Checklist['kinds'];
  /** The placements an assessment may belong to. */
  placements: Pick<Checklist['placements'][number], 'block' | 'blockName'>[];
  /** The date offered first: today. */
  today: string;
  onSubmit: (body: AssessmentBody) => Promise<boolean>;
}

export function AssessmentForm({ kinds, placements, today, onSubmit }: Props) {
  const { t, lang } = useLang();
  const [kind, setKind] = useState(kinds[0]?.id ?? '');
  const [date, setDate] = useState(today);
  const [assessor, setAssessor] = useState('');
  const [block, setBlock] = useState(placements[0]?.block ?? '');
  const [note, setNote] = useState('');
  const { check, error, errors, field } = useFieldErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = check(assessmentBodySchema, { kind, date, assessor, ...(block ? { block } : {}), ...(note.trim() ? { note } : {}) });
    if (body && (await onSubmit(body))) {
      setAssessor('');
      setNote('');
    }
  };
  return (
    <form aria-label={t('assessmentRecord')} onSubmit={submit} className="assessment-form no-print" style={{ display: 'grid', gap: '0.3rem', maxWidth: '36rem' }}>
      <div>
        <label>
          {t('assessmentKind')}{' '}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)} aria-invalid={errors.kind ? true : undefined}>
            {kinds.map((k) => (
              <option key={k.id} value={k.id}>
                {lang === 'sv' ? k.name_sv : k.name_en}
              </option>
            ))}
          </select>
        </label>{' '}
        {error('kind')}
      </div>
      {field('date', t('assessmentDate'), date, setDate, { type: 'date', max: today })}
      {field('assessor', t('assessmentAssessor'), assessor, setAssessor)}
      <div>
        <label>
          {t('assessmentBlock')}{' '}
          <select name="block" value={block} onChange={(e) => setBlock(e.target.value)}>
            {placements.map((p) => (
              <option key={p.block} value={p.block}>
                {p.blockName}
              </option>
            ))}
            <option value="">{t('assessmentNoBlock')}</option>
          </select>
        </label>{' '}
        {error('block')}
      </div>
      {field('note', t('assessmentNote'), note, setNote, { maxLength: 500 })}
      <div>
        <button type="submit">{t('assessmentRecord')}</button>
      </div>
    </form>
  );
}
