// One doctor's track on the board: a bar per placement (site or block name on it, a lock when
// pinned) and the absences. Memoised on what it shows, so an edit redraws only the rows it touches.
import { memo, type KeyboardEvent } from 'react';
import type { Block, Doctor } from '../../../../shared/format/problem';
import { blockLabel } from '../../../../shared/domain/labels';
import { addWeeks, formatWeek, weekIndex, weeksBetween } from '../../../../shared/domain/weeks';
import type { Assignment } from '../../../../shared/format/plan';
import { useLang } from '../../i18n/lang';
import { useBarDrag, type DragResult } from './useBarDrag';

export interface RowProps {
  doctor: Doctor;
  placements: Assignment[];
  /** Week index of the board's first column. */
  first: number;
  blocks: Map<string, Block>;
  siteNames: Map<string, string>;
  /** Blocks of this doctor with a broken rule, and those that differ from the published plan. */
  highlighted: string[];
  changed: string[];
  editable: boolean;
  onSelect: (assignment: Assignment) => void;
  onChange: (assignment: Assignment, next: { from: string; to: string }) => void;
}

function Row(props: RowProps) {
  const { doctor, placements, first } = props;
  const { t } = useLang();
  return (
    <div className="board-row" role="group" aria-label={doctor.name} data-doctor={doctor.id}>
      <div className="board-name" title={doctor.name}>
        {doctor.name}
      </div>
      <div className="board-track">
        {placements.map((a) => (
          <Bar key={a.block} {...props} assignment={a} />
        ))}
        {doctor.absences.map((absence) => (
          <div
            key={`absence-${absence.from}`}
            className="bar bar-absence"
            title={`${t('absence')}: ${formatWeek(absence.from)} – ${formatWeek(addWeeks(absence.to, -1))}`}
            style={{ ['--from' as string]: Math.max(0, weekIndex(absence.from) - first), ['--span' as string]: weeksBetween(absence.from, absence.to) }}
          >
            {t('absence')}
          </div>
        ))}
      </div>
    </div>
  );
}

function Bar({ assignment: a, doctor, first, blocks, siteNames, highlighted, changed, editable, onSelect, onChange }: RowProps & { assignment: Assignment }) {
  const { t, lang } = useLang();
  const span = weeksBetween(a.from, a.to);
  const apply = ({ shift, stretch }: DragResult) => onChange(a, { from: addWeeks(a.from, shift), to: addWeeks(a.to, stretch) });
  const { handlers, dragged } = useBarDrag(span, apply);
  const block = blocks.get(a.block);
  const category = block?.category ?? 'other';
  const pinned = doctor.pins.some((p) => p.block === a.block);
  // A site-less block by its name, else its kind's ("Semester"), never its code.
  const name = a.site ? (siteNames.get(a.site) ?? a.site) : block ? blockLabel(block, lang) : a.block;
  // A lock as text as well as a sign: colour is never the only signal.
  const label = pinned ? `🔒 ${name}` : name;
  // Alt+arrows move a focused bar a week, Alt+Shift+arrows change its length: dragging by keyboard.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!editable || !event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    const step = event.key === 'ArrowLeft' ? -1 : 1;
    if (event.shiftKey) {
      if (span + step >= 1) apply({ shift: 0, stretch: step });
    } else apply({ shift: step, stretch: step });
  };
  const classes = ['bar', `bar-${category}`];
  if (highlighted.includes(a.block)) classes.push('bar-highlighted');
  if (changed.includes(a.block)) classes.push('bar-changed');
  if (pinned) classes.push('bar-pinned');
  return (
    <button
      type="button"
      className={classes.join(' ')}
      aria-label={pinned ? `${name} (${t('pinned')})` : undefined}
      data-placement={`${a.doctor}/${a.block}`}
      title={`${label}: ${formatWeek(a.from)} – ${formatWeek(addWeeks(a.to, -1))}`}
      onClick={() => (dragged.current ? (dragged.current = false) : onSelect(a))}
      onKeyDown={onKeyDown}
      {...(editable ? handlers : {})}
      style={{ ['--from' as string]: weekIndex(a.from) - first, ['--span' as string]: span }}
    >
      {label}
      {editable && <span className="bar-resize" aria-hidden="true" />}
    </button>
  );
}

/** Rows redraw only when what they show changed; callbacks are stable refs from the board. */
export const DoctorRow = memo(Row, (a, b) => {
  return (
    a.doctor === b.doctor &&
    a.first === b.first &&
    a.editable === b.editable &&
    a.blocks === b.blocks &&
    a.siteNames === b.siteNames &&
    a.highlighted.join() === b.highlighted.join() &&
    a.changed.join() === b.changed.join() &&
    a.placements.length === b.placements.length &&
    a.placements.every((p, i) => {
      const q = b.placements[i]!;
      return p.block === q.block && p.site === q.site && p.from === q.from && p.to === q.to;
    })
  );
});
