// The coordinator's board: one row per doctor and one column per ISO week (months and week
// numbers on top, today marked), each placement a bar coloured and patterned by category with
// the site or block name on it, a legend, then the capacity strip. Bars can be dragged (move,
// or resize at the right edge) or moved with Alt+arrows. Our own grid: FullCalendar's timeline
// is not free.
import { useDeferredValue, useMemo, useRef } from 'react';
import { CATEGORIES } from '../../../../shared/domain/block-kinds';
import { siteLoad } from '../../../../shared/domain/load';
import { addWeeks, mondayOf, weekIndex } from '../../../../shared/domain/weeks';
import type { Assignment } from '../../../../shared/format/plan';
import type { Problem } from '../../../../shared/format/problem';
import { useLang } from '../../i18n/lang';
import { CapacityStrip } from './CapacityStrip';
import { DoctorRow } from './DoctorRow';
import { WeekHeader } from './WeekHeader';
import './board.css';

export interface BoardProps {
  problem: Problem;
  assignments: Assignment[];
  /** Keys "doctor/block" of placements with a broken rule (solid outline). */
  highlighted?: Set<string>;
  /** Keys "doctor/block" of placements that differ from the published plan (dashed outline). */
  changed?: Set<string>;
  /** 'YYYY-MM-DD': its week is marked. */
  today?: string;
  onSelect?: (assignment: Assignment) => void;
  /** Given: bars can be dragged and resized; called once per drop. */
  onChange?: (assignment: Assignment, next: { from: string; to: string }) => void;
}

const NONE: string[] = [];
const NO_PLACEMENTS: Assignment[] = [];

/** Block ids per doctor from "doctor/block" keys. */
function byDoctor(keys: Set<string> | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const key of keys ?? []) {
    const [doctor, block] = key.split('/') as [string, string];
    map.set(doctor, [...(map.get(doctor) ?? []), block]);
  }
  return map;
}

export function Board({ problem, assignments, highlighted, changed, today, onSelect, onChange }: BoardProps) {
  const { t } = useLang();
  // Latest callbacks behind stable functions, so memoised rows need not redraw when they change.
  const callbacks = useRef({ onSelect, onChange });
  callbacks.current = { onSelect, onChange };
  const stable = useMemo(
    () => ({
      select: (a: Assignment) => callbacks.current.onSelect?.(a),
      change: (a: Assignment, next: { from: string; to: string }) => callbacks.current.onChange?.(a, next),
    }),
    [],
  );
  const blocks = useMemo(() => new Map(problem.blocks.map((b) => [b.id, b])), [problem]);
  const siteNames = useMemo(() => new Map(problem.sites.map((s) => [s.id, s.name])), [problem]);
  const layout = useMemo(() => {
    if (assignments.length === 0) return undefined;
    let first = assignments[0]!.from;
    let last = assignments[0]!.to;
    const rows = new Map<string, Assignment[]>();
    for (const a of assignments) {
      if (a.from < first) first = a.from;
      if (a.to > last) last = a.to;
      rows.set(a.doctor, [...(rows.get(a.doctor) ?? []), a]);
    }
    const weeks: string[] = [];
    for (let w = first; w < last; w = addWeeks(w, 1)) weeks.push(w);
    return { first: weekIndex(first), weeks, rows };
  }, [assignments]);
  // The strip follows a moment after the bars (all sites × weeks): a drop draws the bar first.
  const counted = useDeferredValue(assignments);
  const load = useMemo(() => siteLoad(counted, new Map(problem.doctors.map((d) => [d.id, d.absences]))), [counted, problem]);
  const broken = useMemo(() => byDoctor(highlighted), [highlighted]);
  const differs = useMemo(() => byDoctor(changed), [changed]);
  if (!layout) return <p>—</p>;
  const todayColumn = today ? weekIndex(mondayOf(today)) - layout.first : -1;
  const shown = todayColumn >= 0 && todayColumn < layout.weeks.length;

  return (
    <div className="board" role="region" aria-label={t('planGrid')} style={{ ['--weeks' as string]: layout.weeks.length }}>
      <div className="board-inner">
        <WeekHeader weeks={layout.weeks} todayColumn={todayColumn} />
        {shown && <div className="board-today" title={t('today')} style={{ left: `calc(${todayColumn} * var(--week))` }} />}
        {problem.doctors.map((doctor) => (
          <DoctorRow
            key={doctor.id}
            doctor={doctor}
            placements={layout.rows.get(doctor.id) ?? NO_PLACEMENTS}
            first={layout.first}
            blocks={blocks}
            siteNames={siteNames}
            highlighted={broken.get(doctor.id) ?? NONE}
            changed={differs.get(doctor.id) ?? NONE}
            editable={onChange !== undefined}
            onSelect={stable.select}
            onChange={stable.change}
          />
        ))}
      </div>
      <ul className="board-legend" aria-label={t('legend')}>
        {CATEGORIES.map((c) => (
          <li key={c}>
            <span className={`bar bar-${c}`} aria-hidden="true" /> {t(`category-${c}`)}
          </li>
        ))}
        <li>
          <span className="bar bar-absence" aria-hidden="true" /> {t('absence')}
        </li>
        <li>🔒 {t('pinned')}</li>
      </ul>
      <h3>{t('capacity')}</h3>
      <ul className="board-legend strip-legend" aria-label={t('stripLegend')}>
        <li>{t('stripFigures')}</li>
        <li>
          <span className="strip-swatch swatch-spare" aria-hidden="true" /> {t('spare')}
        </li>
        <li>
          <span className="strip-swatch swatch-full" aria-hidden="true" /> {t('full')}
        </li>
        <li>
          <span className="strip-swatch swatch-over" aria-hidden="true">!</span> {t('overCapacity')}
        </li>
        <li>
          <span className="strip-swatch swatch-spare swatch-shared" aria-hidden="true" /> {t('otherCohortsBand')}
        </li>
      </ul>
      <div className="board-inner">
        <CapacityStrip sites={problem.sites} weeks={layout.weeks} load={load} />
      </div>
    </div>
  );
}
