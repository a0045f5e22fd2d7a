// Moving a placement without a mouse: choose the doctor and the block (a click on a bar does the
// same), how many weeks later, and optionally another site of the block's kind.
import { useState } from 'react';
import { blockLabel } from '../../../../shared/domain/labels';
import { formatWeek } from '../../../../shared/domain/weeks';
import type { Assignment } from '../../../../shared/format/plan';
import type { Problem } from '../../../../shared/format/problem';
import { useLang } from '../../i18n/lang';

export interface MoveFormProps {
  problem: Problem;
  assignments: Assignment[];
  /** "doctor/block" of the chosen placement, or ''. */
  selected: string;
  onSelect: (key: string) => void;
  onMove: (shift: number, site: string | undefined) => void;
  onUndo?: () => void;
  onTogglePin: () => void;
}

export function MoveForm({ problem, assignments, selected, onSelect, onMove, onUndo, onTogglePin }: MoveFormProps) {
  const { t, lang } = useLang();
  const [shift, setShift] = useState(0);
  const [site, setSite] = useState('');
  const [doctorId, blockId] = selected ? (selected.split('/') as [string, string]) : ['', ''];
  const doctor = problem.doctors.find((d) => d.id === doctorId);
  const block = problem.blocks.find((b) => b.id === blockId);
  const placements = assignments.filter((a) => a.doctor === doctorId);
  const pinned = doctor?.pins.some((p) => p.block === blockId) ?? false;
  return (
    <form
      aria-label={t('movePlacement')}
      className="move-form"
      onSubmit={(e) => {
        e.preventDefault();
        onMove(shift, site || undefined);
      }}
    >
      <h3>{t('movePlacement')}</h3>
      <label>
        {t('doctor')}{' '}
        <select name="doctor" value={doctorId} onChange={(e) => onSelect(e.target.value ? `${e.target.value}/${assignments.find((a) => a.doctor === e.target.value)?.block ?? ''}` : '')}>
          <option value="" />
          {problem.doctors.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('placement')}{' '}
        <select name="block" value={blockId} onChange={(e) => onSelect(`${doctorId}/${e.target.value}`)} disabled={!doctor}>
          {placements.map((a) => {
            const b = problem.blocks.find((x) => x.id === a.block);
            return (
              <option key={a.block} value={a.block}>
                {b ? blockLabel(b, lang) : a.block} · {formatWeek(a.from, lang)}
              </option>
            );
          })}
        </select>
      </label>{' '}
      <label>
        {t('weeksLater')} <input name="shift" type="number" value={shift} onChange={(e) => setShift(Number(e.target.value))} style={{ width: '4rem' }} />
      </label>{' '}
      <label>
        {t('site')}{' '}
        <select name="site" value={site} onChange={(e) => setSite(e.target.value)}>
          <option value="">{t('sameSite')}</option>
          {problem.sites
            .filter((s) => block !== undefined && s.kinds.includes(block.kind))
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
      </label>{' '}
      <button type="submit" disabled={!selected}>
        {t('move')}
      </button>{' '}
      <button type="button" onClick={onUndo} disabled={!onUndo}>
        {t('undo')}
      </button>{' '}
      <button type="button" onClick={onTogglePin} disabled={!selected}>
        {pinned ? t('unpin') : t('pin')}
      </button>
    </form>
  );
}
