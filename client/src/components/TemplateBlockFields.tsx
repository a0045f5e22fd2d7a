// One block of the template form: kind and category, code and name, length (in the template's
// unit, shown in the other too), order, where it lies in the year — a fixed start after the BT
// start (offset), the cohort's common week (at) or a date window — and its BT goals (the kind's
// own unless changed), and the assessments each of its placements expects, per kind of the
// region. Each field's error from the shared schema is shown beside it.
import { useState } from 'react';
import { BUILT_IN_BLOCK_KINDS, builtInBlockKind, CATEGORIES, type Category } from '../../../shared/domain/block-kinds';
import { BT_GOAL_IDS, goalTitle, type BtGoalId } from '../../../shared/domain/goals';
import type { AssessmentKind } from '../../../shared/domain/readiness';
import { useLang } from '../i18n/lang';

export interface BlockRow {
  id: string;
  kind: string;
  category: Category;
  name: string;
  /** In the template's unit. */
  length: string;
  /** Weeks after the BT start, or '' for none. */
  offset: string;
  /** A Monday, or ''. */
  at: string;
  windowFrom: string;
  windowTo: string;
  /** null: the kind's own goals. */
  goals: BtGoalId[] | null;
  /** Assessment kind id → the count typed ('' or absent: none expected). */
  assessments: Record<string, string>;
}

export const kindGoals = (kind: string): readonly BtGoalId[] => builtInBlockKind(kind)?.goals ?? [];

interface Props {
  index: number;
  count: number;
  row: BlockRow;
  unit: 'months' | 'weeks';
  /** The region's assessment kinds. */
  assessmentKinds: readonly AssessmentKind[];
  /** "= 9 veckor" or "≈ 2 månader": the length in the other unit. */
  converted: string;
  /** Path → message from the schema check. */
  errors: Record<string, string>;
  onChange: (change: Partial<BlockRow>) => void;
  onKind: (kind: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

export function TemplateBlockFields({ index: i, count, row: r, unit, assessmentKinds, converted, errors, onChange, onKind, onMove, onRemove }: Props) {
  const { t, lang } = useLang();
  const [goalsOpen, setGoalsOpen] = useState(false);
  const [assessmentsOpen, setAssessmentsOpen] = useState(false);
  const assessmentName = (k: AssessmentKind) => (lang === 'en' ? k.name_en : k.name_sv);
  // Kinds the block expects that the region no longer has still show, so they can be cleared.
  const shownKinds = [...assessmentKinds, ...Object.keys(r.assessments).filter((id) => !assessmentKinds.some((k) => k.id === id)).map((id) => ({ id, name_sv: id, name_en: id }))];
  const expected = shownKinds.filter((k) => Object.hasOwn(r.assessments, k.id) && r.assessments[k.id]!.trim() !== '');
  const kindName = (kind: string) => (lang === 'en' ? builtInBlockKind(kind)?.name_en : builtInBlockKind(kind)?.name_sv) ?? kind;
  const path = (field: string) => `blocks[${i}].${field}`;
  const error = (field: string) =>
    errors[path(field)] && (
      <span id={`${path(field)}-error`} role="alert" className="field-error">
        {errors[path(field)]}
      </span>
    );
  /** aria attributes of an input whose field may have an error. */
  const invalid = (...fields: string[]) => {
    const broken = fields.find((f) => errors[path(f)]);
    return broken ? { 'aria-invalid': true, 'aria-describedby': `${path(broken)}-error` } : {};
  };
  const assessmentErrors = Object.keys(errors).filter((p) => p.startsWith(path('assessments')));
  const goals = r.goals ?? kindGoals(r.kind);
  const toggleGoal = (goal: BtGoalId) => onChange({ goals: BT_GOAL_IDS.filter((g) => (g === goal ? !goals.includes(g) : goals.includes(g))) });
  const kinds = BUILT_IN_BLOCK_KINDS.some((k) => k.id === r.kind) ? BUILT_IN_BLOCK_KINDS.map((k) => k.id) : [...BUILT_IN_BLOCK_KINDS.map((k) => k.id), r.kind];

  return (
    <fieldset data-block-row={r.id}>
      <legend>
        {t('block')} {i + 1}
      </legend>
      <div>
        <label>
          {t('blockKind')}{' '}
          <select value={r.kind} onChange={(e) => onKind(e.target.value)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindName(k)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('blockCategory')}{' '}
          <select value={r.category} onChange={(e) => onChange({ category: e.target.value as Category })} {...invalid('category')}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category-${c}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('idCode')} <input value={r.id} onChange={(e) => onChange({ id: e.target.value })} style={{ width: '9rem' }} {...invalid('id')} />
        </label>{' '}
        <label>
          {t('name')} <input value={r.name} onChange={(e) => onChange({ name: e.target.value })} {...invalid('name')} />
        </label>{' '}
        <label>
          {unit === 'months' ? t('months') : t('weeks')}{' '}
          <input type="number" step={unit === 'months' ? 'any' : 1} value={r.length} onChange={(e) => onChange({ length: e.target.value })} style={{ width: '4rem' }} {...invalid('months', 'weeks')} />
        </label>{' '}
        <output className="block-length">{converted}</output>{' '}
        <button type="button" aria-label={t('moveUp')} disabled={i === 0} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" aria-label={t('moveDown')} disabled={i === count - 1} onClick={() => onMove(1)}>
          ↓
        </button>{' '}
        <button type="button" onClick={onRemove}>
          {t('remove')}
        </button>{' '}
        {error('id')} {error('category')} {error('name')} {error('months')} {error('weeks')}
      </div>
      <div className="block-place">
        <label>
          {t('blockOffset')}{' '}
          <input name="offset" type="number" min={0} value={r.offset} onChange={(e) => onChange({ offset: e.target.value })} style={{ width: '4rem' }} {...invalid('offset')} />
        </label>{' '}
        <label>
          {t('blockAt')} <input name="at" type="date" value={r.at} onChange={(e) => onChange({ at: e.target.value })} {...invalid('at')} />
        </label>{' '}
        <label>
          {t('blockWindowFrom')} <input name="windowFrom" type="date" value={r.windowFrom} onChange={(e) => onChange({ windowFrom: e.target.value })} {...invalid('window.from')} />
        </label>{' '}
        <label>
          {t('blockWindowTo')} <input name="windowTo" type="date" value={r.windowTo} onChange={(e) => onChange({ windowTo: e.target.value })} {...invalid('window.to')} />
        </label>{' '}
        {error('offset')} {error('at')} {error('window.from')} {error('window.to')}
      </div>
      <div className="block-goals">
        <button type="button" aria-expanded={goalsOpen} onClick={() => setGoalsOpen(!goalsOpen)}>
          {t('blockGoals')}: {r.goals === null ? `${t('goalsOfKind')} ` : ''}
          {goals.length ? goals.join(', ') : '–'}
        </button>{' '}
        {error('goals')}
        {goalsOpen && (
          <div className="goal-choices">
            {BT_GOAL_IDS.map((goal) => (
              <label key={goal} title={goalTitle(goal, lang)} style={{ marginRight: '0.4rem' }}>
                <input type="checkbox" checked={goals.includes(goal)} onChange={() => toggleGoal(goal)} /> {goal}
              </label>
            ))}
          </div>
        )}
      </div>
      <div className="block-assessments">
        <button type="button" aria-expanded={assessmentsOpen} onClick={() => setAssessmentsOpen(!assessmentsOpen)}>
          {t('expectedAssessments')}: {expected.length ? expected.map((k) => `${assessmentName(k)} ${r.assessments[k.id]}`).join(', ') : '–'}
        </button>{' '}
        {assessmentErrors.map((p) => (
          <span key={p} role="alert" className="field-error">
            {errors[p]}
          </span>
        ))}
        {assessmentsOpen && (
          <div className="assessment-counts">
            {shownKinds.map((k) => (
              <label key={k.id} style={{ marginRight: '0.6rem' }}>
                {assessmentName(k)}{' '}
                <input
                  type="number"
                  min={0}
                  name={`assessments.${k.id}`}
                  value={Object.hasOwn(r.assessments, k.id) ? r.assessments[k.id] : ''}
                  onChange={(e) => onChange({ assessments: { ...r.assessments, [k.id]: e.target.value } })}
                  style={{ width: '3.5rem' }}
                  {...invalid(`assessments.${k.id}`)}
                />
              </label>
            ))}
          </div>
        )}
      </div>
    </fieldset>
  );
}
