// A new template: a name, whether the coordinator counts in months or weeks, and the blocks in
// order. Month lengths become weeks over the employment with the shared largest-remainder rule,
// and each block shows both; checked with the server's schema before it is sent.
import { useState, type FormEvent } from 'react';
import { templateBodySchema, type TemplateBody } from '../../../shared/api/templates';
import { BUILT_IN_BLOCK_KINDS, builtInBlockKind } from '../../../shared/domain/block-kinds';
import { monthsToWeeks, weeksToMonths } from '../../../shared/domain/templates';
import { useLang } from '../i18n/lang';
import { useFieldErrors } from './field-errors';

type Unit = TemplateBody['unit'];
interface Row {
  id: string;
  kind: string;
  name: string;
  /** In the template's unit. */
  length: string;
}

/** `kind`, or `kind-2`, `kind-3`… when another block already has that id. */
function freeId(kind: string, rows: Row[]): string {
  const taken = new Set(rows.map((r) => r.id));
  let id = kind;
  for (let n = 2; taken.has(id); n++) id = `${kind}-${n}`;
  return id;
}

export function TemplateForm({ onSave }: { onSave: (body: TemplateBody) => Promise<void> }) {
  const { t, lang } = useLang();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState<Unit>('months');
  // A 12-month employment is 52 or 53 ISO weeks depending on the start.
  const [employmentWeeks, setEmploymentWeeks] = useState('52');
  const [rows, setRows] = useState<Row[]>([]);
  const { check, error, field } = useFieldErrors();
  const kindName = (kind: string) => (lang === 'en' ? builtInBlockKind(kind)?.name_en : builtInBlockKind(kind)?.name_sv) ?? kind;

  const lengths = rows.map((r) => Number(r.length));
  const weeks = unit === 'months' ? monthsToWeeks(lengths, Number(employmentWeeks)) : lengths;
  const totalWeeks = weeks.reduce((sum, w) => sum + w, 0);

  const setRow = (i: number, change: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const setKind = (i: number, kind: string) => setRow(i, { kind, id: freeId(kind, rows.filter((_, j) => j !== i)), name: kindName(kind) });
  const addRow = () => {
    const kind = BUILT_IN_BLOCK_KINDS.find((k) => !rows.some((r) => r.kind === k.id)) ?? BUILT_IN_BLOCK_KINDS[0]!;
    setRows([...rows, { id: freeId(kind.id, rows), kind: kind.id, name: kindName(kind.id), length: unit === 'months' ? '1' : '4' }]);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setRows(next);
  };
  // Switching unit keeps each block's length, converted.
  const switchUnit = (next: Unit) => {
    if (next === unit) return;
    setRows(rows.map((r, i) => ({ ...r, length: String(next === 'weeks' ? weeks[i] : weeksToMonths(weeks[i]!, totalWeeks, 12)) })));
    if (next === 'months' && totalWeeks > 0) setEmploymentWeeks(String(totalWeeks));
    setUnit(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = check(templateBodySchema, {
      name,
      unit,
      blocks: rows.map((r, i) => ({
        id: r.id,
        kind: r.kind,
        category: builtInBlockKind(r.kind)?.category,
        ...(r.name.trim() ? { name: r.name.trim() } : {}),
        weeks: weeks[i],
        ...(unit === 'months' ? { months: lengths[i] } : {}),
      })),
    });
    if (body) await onSave(body);
  };

  return (
    <form aria-label={t('newTemplate')} onSubmit={submit} className="template-form" style={{ display: 'grid', gap: '0.3rem', maxWidth: '56rem' }}>
      {field('name', t('name'), name, setName)}
      <div>
        <label>
          {t('templateUnit')}{' '}
          <select name="unit" value={unit} onChange={(e) => switchUnit(e.target.value as Unit)}>
            <option value="months">{t('months')}</option>
            <option value="weeks">{t('weeks')}</option>
          </select>
        </label>{' '}
        {unit === 'months' && (
          <label>
            {t('employmentWeeks')} <input name="employmentWeeks" type="number" value={employmentWeeks} onChange={(e) => setEmploymentWeeks(e.target.value)} style={{ width: '4rem' }} />
          </label>
        )}
      </div>
      {rows.map((r, i) => (
        <fieldset key={i} data-block-row={r.id}>
          <legend>
            {t('block')} {i + 1}
          </legend>
          <label>
            {t('blockKind')}{' '}
            <select value={r.kind} onChange={(e) => setKind(i, e.target.value)}>
              {BUILT_IN_BLOCK_KINDS.map((k) => (
                <option key={k.id} value={k.id}>
                  {kindName(k.id)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('idCode')} <input value={r.id} onChange={(e) => setRow(i, { id: e.target.value })} style={{ width: '9rem' }} />
          </label>{' '}
          <label>
            {t('name')} <input value={r.name} onChange={(e) => setRow(i, { name: e.target.value })} />
          </label>{' '}
          <label>
            {unit === 'months' ? t('months') : t('weeks')}{' '}
            <input type="number" step={unit === 'months' ? 'any' : 1} value={r.length} onChange={(e) => setRow(i, { length: e.target.value })} style={{ width: '4rem' }} />
          </label>{' '}
          <output className="block-length">
            {unit === 'months'
              ? `= ${weeks[i]} ${t('weeks').toLowerCase()}`
              : `≈ ${totalWeeks > 0 ? weeksToMonths(weeks[i]!, totalWeeks, 12) : 0} ${t('months').toLowerCase()}`}
          </output>{' '}
          <button type="button" aria-label={t('moveUp')} disabled={i === 0} onClick={() => move(i, -1)}>
            ↑
          </button>
          <button type="button" aria-label={t('moveDown')} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>
            ↓
          </button>{' '}
          <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t('remove')}
          </button>{' '}
          {error(`blocks[${i}].id`)} {error(`blocks[${i}].name`)} {error(`blocks[${i}].months`)} {error(`blocks[${i}].weeks`)}
        </fieldset>
      ))}
      <div>
        <button type="button" onClick={addRow}>
          {t('addBlock')}
        </button>{' '}
        {error('blocks')}
      </div>
      <button type="submit">{t('save')}</button>
    </form>
  );
}
