// The coordinator's board: one row per doctor and one column per ISO week (months and week
// numbers on top, today marked), each placement a bar coloured and patterned by category with
// the site or block name on it, a legend, then the capacity strip. Bars can be dragged (move,
// or resize at the right edge) or moved with Alt+arrows. Our own grid: FullCalendar's timeline
// is not free.
import { useDeferredValue, useMemo, useRef } from 'react';
import { CATEGORIES } from '../../../../shared/domain/block-kinds';
import { addDays } from '../../../../shared/domain/dates';
import { siteLoad } from '../../../../shared/domain/load';
import { addWeeks, formatWeek, mondayOf, weekIndex } from '../../../../shared/domain/weeks';
import type { Assignment } from '../../../../shared/format/plan';
import type { Problem } from '../../../../shared/format/problem';
import { useLang } from '../../i18n/lang';
import { CapacityStrip } from './CapacityStrip';
import { DoctorRow } from './DoctorRow';
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
  const { t, lang } = useLang();
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
  const months = useMemo(() => monthSpans(layout?.weeks ?? [], lang), [layout, lang]);
  if (!layout) return <p>—</p>;
  const todayColumn = today ? weekIndex(mondayOf(today)) - layout.first : -1;
  const shown = todayColumn >= 0 && todayColumn < layout.weeks.length;

  return (
    <div className="board" role="region" aria-label={t('planGrid')} style={{ ['--weeks' as string]: layout.weeks.length }}>
      <div className="board-inner">
        <div className="board-head">
          <div className="board-name" />
          <div className="board-track">
            {months.map((m) => (
              <span key={m.from} className="board-month" style={{ left: `calc(${m.from} * var(--week))`, width: `calc(${m.span} * var(--week))` }}>
                {m.name}
              </span>
            ))}
          </div>
        </div>
        <div className="board-head">
          <div className="board-name">{t('week')}</div>
          <div className="board-track">
            {layout.weeks.map((w, i) => (
              <span key={w} title={formatWeek(w, lang)} className={i === todayColumn ? 'board-week week-today' : 'board-week'} style={{ left: `calc(${i} * var(--week))`, width: 'var(--week)' }}>
                {formatWeek(w).split(' ')[1]}
              </span>
            ))}
          </div>
        </div>
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
      <div className="board-inner">
        <CapacityStrip sites={problem.sites} weeks={layout.weeks} load={load} />
      </div>
    </div>
  );
}

/** Runs of weeks by the month of their Thursday (the ISO rule for which month a week is in). */
function monthSpans(weeks: string[], lang: string): { from: number; span: number; name: string }[] {
  const format = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const spans: { from: number; span: number; name: string; key: string }[] = [];
  weeks.forEach((w, i) => {
    const month = addDays(w, 3).slice(0, 7);
    const last = spans.at(-1);
    if (last && last.key === month) last.span++;
    else spans.push({ from: i, span: 1, key: month, name: format.format(new Date(`${month}-01T00:00:00Z`)) });
  });
  return spans;
}
