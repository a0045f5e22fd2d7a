// The region's load as a grid: one row per site, one column per ISO week (months and week
// numbers on top, this week marked), each run of equal weeks one cell with every cohort's doctors
// against the capacity. Only the rows in or near the viewport are in the page (fixed row height,
// its own scroll box), so 800 sites draw as quickly as 30. One cell is active: Tab reaches it,
// the arrow keys move it (Page Up/Down, Home/End too), and the panel below names its cohorts.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Occupancy } from '../../../../shared/api/occupancy';
import { regionOccupancy, type OccupancyView } from '../../../../shared/domain/region-occupancy';
import { addWeeks, mondayOf, weekIndex, type Week } from '../../../../shared/domain/weeks';
import { useLang } from '../../i18n/lang';
import { WeekHeader } from '../timeline/WeekHeader';
import { OccupancyDetails } from './OccupancyDetails';
import { COHORT_STYLES, OccupancyRow } from './OccupancyRow';
import { useVirtualRows } from './useVirtualRows';
import './occupancy.css';

/** Pixels; the same as --row in occupancy.css (rows are placed by index, so the height is fixed). */
export const ROW_HEIGHT = 24;
/** The two header lines (months, weeks), each a row high. */
const HEAD_HEIGHT = 2 * ROW_HEIGHT;

export interface OccupancyGridProps {
  occupancy: Occupancy;
  view: OccupancyView;
  /** 'YYYY-MM-DD': its week is marked. */
  today?: string;
  /** Opens the planning board on a cohort. */
  /** The address of a cohort's board: the details link there. */
  boardHref?: (cohort: string) => string;
}

interface Cell {
  row: number;
  /** Week offset from the first column; the active run is the one covering it. */
  column: number;
}

export function OccupancyGrid({ occupancy, view, today, boardHref }: OccupancyGridProps) {
  const { t } = useLang();
  const result = useMemo(() => regionOccupancy(occupancy, view), [occupancy, view]);
  const range = result.range;
  const first = range ? weekIndex(range.from) : 0;
  const weeks = useMemo(() => {
    const list: Week[] = [];
    if (range) for (let w = range.from; w < range.to; w = addWeeks(w, 1)) list.push(w);
    return list;
  }, [range?.from, range?.to]);
  const cohortNames = useMemo(() => occupancy.cohorts.map((c) => c.name), [occupancy]);
  const box = useRef<HTMLDivElement>(null);
  const { start, end, reveal } = useVirtualRows(box, occupancy.sites.length, ROW_HEIGHT, HEAD_HEIGHT);
  const [active, setActive] = useState<Cell>({ row: 0, column: 0 });
  const [chosen, setChosen] = useState(false);
  const focusNext = useRef(false);

  const runIndex = (cell: Cell) => result.sites[cell.row]?.runs.findIndex((r) => weekIndex(r.from) - first <= cell.column && cell.column < weekIndex(r.to) - first) ?? -1;
  const activeRun = result.sites[active.row]?.runs[runIndex(active)];
  const startOf = (row: number, run: number) => weekIndex(result.sites[row]!.runs[run]!.from) - first;

  /** Clicked or focused: the cell's run becomes active (keeping the column when it lies inside the run). */
  const onCellActivate = useCallback(
    (row: number, column: number) => {
      const run = result.sites[row]?.runs.find((r) => weekIndex(r.from) - first === column);
      setActive((prev) => (prev.row === row && run && prev.column >= column && prev.column < weekIndex(run.to) - first ? prev : { row, column }));
      setChosen(true);
    },
    [result, first],
  );
  /** By keyboard: the row is scrolled into view and drawn, then its cell takes the focus. */
  const moveTo = (cell: Cell) => {
    focusNext.current = true;
    reveal(cell.row);
    setActive(cell);
    setChosen(true);
  };
  // A cell reached by keyboard gets the focus once its row is drawn.
  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    const i = runIndex(active);
    if (i < 0) return;
    box.current?.querySelector<HTMLElement>(`[data-cell="${active.row}:${startOf(active.row, i)}"]`)?.focus();
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.target as HTMLElement).dataset.cell || !range) return;
    const rows = result.sites.length;
    const runs = result.sites[active.row]!.runs;
    const i = runIndex(active);
    const page = Math.max(1, end - start - 2);
    const keys: Record<string, () => Cell | undefined> = {
      ArrowRight: () => (i + 1 < runs.length ? { row: active.row, column: startOf(active.row, i + 1) } : undefined),
      ArrowLeft: () => (i > 0 ? { row: active.row, column: startOf(active.row, i - 1) } : undefined),
      ArrowDown: () => (active.row + 1 < rows ? { row: active.row + 1, column: active.column } : undefined),
      ArrowUp: () => (active.row > 0 ? { row: active.row - 1, column: active.column } : undefined),
      PageDown: () => ({ row: Math.min(rows - 1, active.row + page), column: active.column }),
      PageUp: () => ({ row: Math.max(0, active.row - page), column: active.column }),
      Home: () => (event.ctrlKey ? { row: 0, column: active.column } : { row: active.row, column: 0 }),
      End: () => (event.ctrlKey ? { row: rows - 1, column: active.column } : { row: active.row, column: startOf(active.row, runs.length - 1) }),
    };
    const go = keys[event.key];
    if (!go) return;
    event.preventDefault();
    const next = go();
    if (next) moveTo(next);
  };

  /** The next run over capacity after the active cell, row by row, from the top again at the end. */
  const nextOver = () => {
    const rows = result.sites.length;
    const from = runIndex(active);
    for (let k = 0; k <= rows; k++) {
      const row = (active.row + k) % rows;
      const runs = result.sites[row]!.runs;
      const i = runs.findIndex((r, j) => r.over && (k > 0 || j > from));
      if (i >= 0) return moveTo({ row, column: startOf(row, i) });
    }
  };

  if (!range) return <p>{t('noLoad')}</p>;
  const todayColumn = today ? weekIndex(mondayOf(today)) - first : -1;
  const rowsShown = [];
  for (let row = start; row < end; row++) {
    rowsShown.push(
      <OccupancyRow
        key={occupancy.sites[row]!.uuid}
        index={row}
        site={occupancy.sites[row]!}
        load={result.sites[row]!}
        first={first}
        cohortNames={cohortNames}
        activeColumn={row === active.row ? active.column : -1}
        onActivate={onCellActivate}
      />,
    );
  }

  return (
    <div className="occ" style={{ ['--weeks' as string]: weeks.length }}>
      <p className={result.overWeeks > 0 ? 'occ-summary occ-summary-over' : 'occ-summary'} role="status">
        {result.overWeeks > 0 ? (
          <>
            <strong className="occ-over-mark">!</strong>{' '}
            {t('overCount')
              .replace('{weeks}', result.overWeeks === 1 ? t('siteWeekOne') : t('siteWeekMany').replace('{n}', String(result.overWeeks)))
              .replace('{sites}', result.overSites === 1 ? t('siteOne') : t('siteMany').replace('{n}', String(result.overSites)))}{' '}
            <button type="button" onClick={nextOver}>
              {t('nextOver')}
            </button>
          </>
        ) : (
          t('noneOver')
        )}
      </p>
      <ul className="occ-legend" aria-label={t('cohortsLegend')}>
        {occupancy.cohorts.map((c, i) => (
          <li key={c.uuid}>
            <span className={`occ-swatch cohort-${i % COHORT_STYLES}`} aria-hidden="true" /> {c.name}
          </li>
        ))}
        <li>
          <span className="occ-swatch occ-empty" aria-hidden="true" /> {t('spare')}
        </li>
        <li>
          <span className="occ-swatch occ-over" aria-hidden="true" /> ! {t('overCapacity')}
        </li>
      </ul>
      <p className="hint">{t('occupancyHint')}</p>
      <div ref={box} className="occ-scroll" role="region" aria-label={t('occupancyGrid')} tabIndex={0} onKeyDown={onKeyDown}>
        <div className="occ-inner">
          <div className="occ-head">
            <WeekHeader weeks={weeks} todayColumn={todayColumn} />
          </div>
          <div className="occ-rows" style={{ height: occupancy.sites.length * ROW_HEIGHT }}>
            {todayColumn >= 0 && todayColumn < weeks.length && <div className="occ-today" title={t('today')} style={{ ['--today' as string]: todayColumn }} />}
            {rowsShown}
          </div>
        </div>
      </div>
      {chosen && activeRun && (
        <OccupancyDetails site={occupancy.sites[active.row]!} run={activeRun} cohorts={occupancy.cohorts} view={view} boardHref={boardHref} />
      )}
    </div>
  );
}
