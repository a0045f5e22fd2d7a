// The coordinator's board: one row per doctor and one column per ISO week, each placement a bar
// (colour and a pattern by category, the site or block name on it), then one row per site with
// weekly load against capacity (red and marked "!" when over). Our own grid: FullCalendar's
// timeline is not free.
import type { Category } from '../../../../shared/domain/block-kinds';
import { capacityAt } from '../../../../shared/domain/capacity';
import { siteLoad } from '../../../../shared/domain/load';
import { addWeeks, formatWeek, weekIndex } from '../../../../shared/domain/weeks';
import type { Assignment } from '../../../../shared/format/plan';
import type { Problem } from '../../../../shared/format/problem';
import { useLang } from '../../i18n/lang';

export interface BoardProps {
  problem: Problem;
  assignments: Assignment[];
  /** Keys "doctor/block" of placements with a broken rule (solid outline). */
  highlighted?: Set<string>;
  /** Keys "doctor/block" of placements that differ from the published plan (dashed outline). */
  changed?: Set<string>;
  onSelect?: (assignment: Assignment) => void;
}

const COLORS: Record<Category, string> = {
  acute: '#c0392b',
  'primary-care': '#2e86c1',
  psychiatry: '#8e44ad',
  other: '#7f8c8d',
  cohort: '#16a085',
  vacation: '#d4ac0d',
};

export function Board({ problem, assignments, highlighted, changed, onSelect }: BoardProps) {
  const { t } = useLang();
  if (assignments.length === 0) return <p>—</p>;
  const first = assignments.reduce((m, a) => (a.from < m ? a.from : m), assignments[0]!.from);
  const last = assignments.reduce((m, a) => (a.to > m ? a.to : m), assignments[0]!.to);
  const weeks: string[] = [];
  for (let w = first; w < last; w = addWeeks(w, 1)) weeks.push(w);
  const column = (week: string) => weekIndex(week) - weekIndex(first) + 2;
  const blocks = new Map(problem.blocks.map((b) => [b.id, b]));
  const siteNames = new Map(problem.sites.map((s) => [s.id, s.name]));
  const load = siteLoad(assignments, new Map(problem.doctors.map((d) => [d.id, d.absences])));
  const grid = { display: 'grid', gridTemplateColumns: `14rem repeat(${weeks.length}, 1.6rem)`, gap: '1px', fontSize: '11px' } as const;

  return (
    <div className="board" role="region" aria-label={t('planGrid')} style={{ overflowX: 'auto' }}>
      <div style={grid} role="row">
        <div />
        {weeks.map((w) => (
          <div key={w} title={formatWeek(w)} style={{ textAlign: 'center' }}>
            {formatWeek(w).split(' ')[1]}
          </div>
        ))}
      </div>
      {problem.doctors.map((doctor) => (
        <div key={doctor.id} style={grid} role="row" data-doctor={doctor.id}>
          <div style={{ gridColumn: 1 }}>{doctor.name}</div>
          {assignments
            .filter((a) => a.doctor === doctor.id)
            .map((a) => {
              const block = blocks.get(a.block);
              const category = block?.category ?? 'other';
              const key = `${a.doctor}/${a.block}`;
              const pinned = doctor.pins.some((p) => p.block === a.block);
              const name = a.site ? (siteNames.get(a.site) ?? a.site) : (block?.name ?? a.block);
              // A lock as text as well as a sign: colour is never the only signal.
              const label = pinned ? `🔒 ${name}` : name;
              return (
                <button
                  type="button"
                  key={key}
                  className={`bar bar-${category}${highlighted?.has(key) ? ' bar-highlighted' : ''}${changed?.has(key) ? ' bar-changed' : ''}${pinned ? ' bar-pinned' : ''}`}
                  aria-label={pinned ? `${name} (${t('pinned')})` : undefined}
                  data-placement={key}
                  title={`${label}: ${formatWeek(a.from)} – ${formatWeek(addWeeks(a.to, -1))}`}
                  onClick={() => onSelect?.(a)}
                  style={{
                    gridColumn: `${column(a.from)} / ${column(a.to)}`,
                    gridRow: 1,
                    background: category === 'vacation' ? `repeating-linear-gradient(45deg, ${COLORS[category]}, ${COLORS[category]} 4px, #fff 4px, #fff 8px)` : COLORS[category],
                    color: category === 'vacation' ? '#000' : '#fff',
                    border: highlighted?.has(key) ? '2px solid #000' : changed?.has(key) ? '2px dashed #000' : '0',
                    overflow: 'hidden',
                    whiteSpace: 'nowrap',
                    fontSize: '10px',
                  }}
                >
                  {label}
                </button>
              );
            })}
          {doctor.absences.map((absence) => (
            <div
              key={`absence-${absence.from}`}
              className="bar bar-absence"
              title={`${t('absence')}: ${formatWeek(absence.from)} – ${formatWeek(addWeeks(absence.to, -1))}`}
              style={{
                gridColumn: `${Math.max(2, column(absence.from))} / ${Math.max(2, Math.min(column(absence.to), weeks.length + 2))}`,
                gridRow: 1,
                background: 'repeating-linear-gradient(-45deg, #555, #555 3px, #ccc 3px, #ccc 6px)',
                color: '#fff',
                fontSize: '10px',
                overflow: 'hidden',
              }}
            >
              {t('absence')}
            </div>
          ))}
        </div>
      ))}
      <h3>{t('capacity')}</h3>
      {problem.sites
        .filter((s) => load.has(s.id))
        .map((site) => (
          <div key={site.id} style={grid} role="row" data-site={site.id}>
            <div>{site.name}</div>
            {weeks.map((w) => {
              const n = load.get(site.id)?.get(w) ?? 0;
              const capacity = capacityAt(site, w);
              const over = n > capacity;
              return (
                <div key={w} className={over ? 'cell cell-over' : 'cell'} title={`${formatWeek(w)}: ${n}/${capacity}`} style={{ background: over ? '#e74c3c' : n === 0 ? '#eee' : n === capacity ? '#f5b041' : '#abebc6', textAlign: 'center' }}>
                  {over ? '!' : n || ''}
                </div>
              );
            })}
          </div>
        ))}
    </div>
  );
}
