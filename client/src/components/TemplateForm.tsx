// A template, new or edited: a name, whether the coordinator counts in months or weeks, and every
// block field (TemplateBlockFields) in order. Month lengths become weeks over the employment with
// the shared largest-remainder rule, and each block shows both; checked with the server's schema
// before it is sent, each broken field named at its block. An edited template may be saved as a
// new one (a template a published cohort uses keeps its blocks).
import { useState, type FormEvent } from 'react';
import { templateBodySchema, type TemplateBody, type TemplateResource } from '../../../shared/api/templates';
import { BUILT_IN_BLOCK_KINDS, builtInBlockKind } from '../../../shared/domain/block-kinds';
import { BUILT_IN_ASSESSMENT_KINDS, type AssessmentKind } from '../../../shared/domain/readiness';
import { monthsToWeeks, weeksToMonths } from '../../../shared/domain/templates';
import type { TemplateBlock } from '../../../shared/api/templates';
import { useLang } from '../i18n/lang';
import { useFieldErrors, type FieldWording } from './field-errors';
import { kindGoals, TemplateBlockFields, type BlockRow } from './TemplateBlockFields';

type Unit = TemplateBody['unit'];

/** Lengths and offsets are numbers of months or weeks: their bounds say so. */
const WORDING: FieldWording = { 'blocks[].months': { unit: 'months' }, 'blocks[].weeks': { unit: 'weeks' }, 'blocks[].offset': { unit: 'weeks' } };

/** `kind`, or `kind-2`, `kind-3`… when another block already has that id. */
function freeId(kind: string, rows: BlockRow[]): string {
  const taken = new Set(rows.map((r) => r.id));
  let id = kind;
  for (let n = 2; taken.has(id); n++) id = `${kind}-${n}`;
  return id;
}

/** A stored block as the form's row, its length in the template's unit. */
function rowOf(block: TemplateBlock, unit: Unit, totalWeeks: number): BlockRow {
  return {
    id: block.id,
    kind: block.kind,
    category: block.category,
    name: block.name ?? '',
    length: String(unit === 'months' ? (block.months ?? weeksToMonths(block.weeks, totalWeeks, 12)) : block.weeks),
    offset: block.offset !== undefined ? String(block.offset) : '',
    at: block.at ?? '',
    windowFrom: block.window?.from ?? '',
    windowTo: block.window?.to ?? '',
    goals: block.goals ?? null,
    assessments: Object.fromEntries(Object.entries(block.assessments ?? {}).map(([kind, n]) => [kind, String(n)])),
  };
}

/** The counts typed, as the API's expected assessments: empty and 0 mean none; undefined when none. */
function expectedOf(row: BlockRow): Record<string, number | string> | undefined {
  const typed = Object.entries(row.assessments).filter(([, n]) => n.trim() !== '' && Number(n) !== 0);
  // A count that is no number goes as typed: the schema names it at its field.
  return typed.length ? Object.fromEntries(typed.map(([kind, n]) => [kind, Number.isFinite(Number(n)) ? Number(n) : n])) : undefined;
}

const sameGoals = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((g) => b.includes(g));

interface Props {
  /** The template edited; none for a new one. */
  template?: TemplateResource;
  onSave: (body: TemplateBody) => Promise<void>;
  /** Editing only: save the form as a new template instead. */
  onSaveAsNew?: (body: TemplateBody) => Promise<void>;
  /** The region's assessment kinds, offered per block; the built-in ones when not given. */
  assessmentKinds?: readonly AssessmentKind[];
}

export function TemplateForm({ template, onSave, onSaveAsNew, assessmentKinds = BUILT_IN_ASSESSMENT_KINDS }: Props) {
  const { t, lang } = useLang();
  const storedWeeks = template?.blocks.reduce((sum, b) => sum + b.weeks, 0) ?? 0;
  const [name, setName] = useState(template?.name ?? '');
  const [unit, setUnit] = useState<Unit>(template?.unit ?? 'months');
  // A 12-month employment is 52 or 53 ISO weeks depending on the start.
  const [employmentWeeks, setEmploymentWeeks] = useState(String(storedWeeks || 52));
  const [rows, setRows] = useState<BlockRow[]>(() => template?.blocks.map((b) => rowOf(b, template.unit, storedWeeks)) ?? []);
  const { check, error, errors, field } = useFieldErrors();
  const kindName = (kind: string) => (lang === 'en' ? builtInBlockKind(kind)?.name_en : builtInBlockKind(kind)?.name_sv) ?? kind;

  const lengths = rows.map((r) => Number(r.length));
  const weeks = unit === 'months' ? monthsToWeeks(lengths, Number(employmentWeeks)) : lengths;
  const totalWeeks = weeks.reduce((sum, w) => sum + w, 0);

  const setRow = (i: number, change: Partial<BlockRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  // A new kind brings its category, its name and its own goals.
  const setKind = (i: number, kind: string) =>
    setRow(i, { kind, id: freeId(kind, rows.filter((_, j) => j !== i)), name: kindName(kind), category: builtInBlockKind(kind)?.category ?? rows[i]!.category, goals: null });
  const addRow = () => {
    const kind = BUILT_IN_BLOCK_KINDS.find((k) => !rows.some((r) => r.kind === k.id)) ?? BUILT_IN_BLOCK_KINDS[0]!;
    const empty = { offset: '', at: '', windowFrom: '', windowTo: '', goals: null, assessments: {} };
    setRows([...rows, { id: freeId(kind.id, rows), kind: kind.id, category: kind.category, name: kindName(kind.id), length: unit === 'months' ? '1' : '4', ...empty }]);
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

  /** The form as the API's body, or undefined after naming what is wrong. */
  const body = () =>
    check(templateBodySchema, {
      name,
      unit,
      blocks: rows.map((r, i) => ({
        id: r.id,
        kind: r.kind,
        category: r.category,
        ...(r.name.trim() ? { name: r.name.trim() } : {}),
        weeks: weeks[i],
        ...(unit === 'months' ? { months: lengths[i] } : {}),
        ...(r.offset.trim() !== '' ? { offset: Number(r.offset) } : {}),
        ...(r.at ? { at: r.at } : {}),
        ...(r.windowFrom || r.windowTo ? { window: { from: r.windowFrom, to: r.windowTo } } : {}),
        // Goals are sent only when they differ from the kind's own.
        ...(r.goals && !sameGoals(r.goals, kindGoals(r.kind)) ? { goals: r.goals } : {}),
        ...(expectedOf(r) ? { assessments: expectedOf(r) } : {}),
      })),
    }, WORDING);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = body();
    if (checked) await onSave(checked);
  };
  const saveAsNew = async () => {
    const checked = body();
    if (checked && onSaveAsNew) await onSaveAsNew(checked);
  };

  return (
    <form aria-label={template ? `${t('editTemplate')}: ${template.name}` : t('newTemplate')} onSubmit={submit} className="template-form" style={{ display: 'grid', gap: '0.3rem', maxWidth: '64rem' }}>
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
        <TemplateBlockFields
          key={i}
          index={i}
          count={rows.length}
          row={r}
          unit={unit}
          assessmentKinds={assessmentKinds}
          converted={unit === 'months' ? `= ${weeks[i]} ${t('weeks').toLowerCase()}` : `≈ ${totalWeeks > 0 ? weeksToMonths(weeks[i]!, totalWeeks, 12) : 0} ${t('months').toLowerCase()}`}
          errors={errors}
          onChange={(change) => setRow(i, change)}
          onKind={(kind) => setKind(i, kind)}
          onMove={(by) => move(i, by)}
          onRemove={() => setRows(rows.filter((_, j) => j !== i))}
        />
      ))}
      <div>
        <button type="button" onClick={addRow}>
          {t('addBlock')}
        </button>{' '}
        {error('blocks')}
      </div>
      <div>
        <button type="submit">{t('save')}</button>{' '}
        {template && onSaveAsNew && (
          <button type="button" onClick={() => void saveAsNew()}>
            {t('saveAsNewTemplate')}
          </button>
        )}
      </div>
    </form>
  );
}
