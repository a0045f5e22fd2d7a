// One site's row of the region's load: a cell per run of equal weeks, filled from the bottom by
// each cohort's doctors in its colour and pattern against the capacity, "2+1/3" on it (cohorts in
// legend order / capacity), red with "!" when over; the words in its title and accessible name.
import { memo } from 'react';
import type { OccupancyRun, SiteOccupancy } from '../../../../shared/domain/region-occupancy';
import { formatWeekRange, weekIndex } from '../../../../shared/domain/weeks';
import { useLang } from '../../i18n/lang';

export interface OccupancyRowProps {
  index: number;
  site: { id: string; name: string; town: string };
  load: SiteOccupancy;
  /** Week index of the first column. */
  first: number;
  cohortNames: string[];
  /** Column (week offset) of the active cell when it is in this row, else -1. */
  activeColumn: number;
  /** Called with the row and the run's first column when a cell is clicked or focused. */
  onActivate: (row: number, column: number) => void;
}

/** Digits that fit in one week's column (1.6rem at 11 px). */
const CHARS_PER_WEEK = 4;

/** "2+1/3": each cohort with anyone there, in legend order, then the capacity; "!" first when over. */
export function runFigures(run: OccupancyRun): string {
  if (run.total === 0) return '';
  const text = `${run.byCohort.filter((n) => n > 0).join('+')}/${run.capacity}`;
  return run.over ? `!${text}` : text;
}

/** The cell's words: site, weeks, doctors in service per cohort, capacity, what is free or over. */
export function useRunWords() {
  const { t, lang } = useLang();
  return (siteName: string, run: OccupancyRun, cohortNames: string[]): string => {
    const parts = run.byCohort.flatMap((n, c) => (n > 0 ? [`${n} ${cohortNames[c]}`] : []));
    const tail = run.over ? t('overBy').replace('{n}', String(run.total - run.capacity)) : run.capacity === 0 && run.total === 0 ? t('closed') : `${t('spare')} ${run.capacity - run.total}`;
    return `${siteName}, ${formatWeekRange(run, lang)}: ${run.total} ${t('doctorsInService')}${parts.length ? ` (${parts.join(', ')})` : ''}, ${t('capacityWord')} ${run.capacity}, ${tail}`;
  };
}

function Row({ index, site, load, first, cohortNames, activeColumn, onActivate }: OccupancyRowProps) {
  const words = useRunWords();
  return (
    <div className="occ-row" role="group" aria-label={site.name} data-site={site.id} data-row={index} style={{ top: `calc(${index} * var(--row))` }}>
      <div className="board-name" title={`${site.name} (${site.town})`}>
        {site.name}
      </div>
      <div className="board-track">
        {load.runs.map((run) => {
          const from = weekIndex(run.from) - first;
          const span = weekIndex(run.to) - weekIndex(run.from);
          const active = activeColumn >= from && activeColumn < from + span;
          const text = runFigures(run);
          const shown = text.length <= span * CHARS_PER_WEEK ? text : run.over ? '!' : String(run.total);
          const label = words(site.name, run, cohortNames);
          const scale = Math.max(run.capacity, run.total);
          const classes = ['occ-cell'];
          if (run.over) classes.push('occ-over');
          else if (run.total === 0) classes.push(run.capacity === 0 ? 'occ-closed' : 'occ-empty');
          else if (run.total === run.capacity) classes.push('occ-full');
          if (active) classes.push('occ-active');
          return (
            <button
              key={run.from}
              type="button"
              className={classes.join(' ')}
              tabIndex={active ? 0 : -1}
              // The name starts with the figures shown (WCAG "label in name"): what is seen is what is said.
              aria-label={shown ? `${shown} – ${label}` : label}
              title={label}
              data-cell={`${index}:${from}`}
              data-figures={text || undefined}
              onClick={() => onActivate(index, from)}
              onFocus={() => onActivate(index, from)}
              style={{ ['--from' as string]: from, ['--span' as string]: span }}
            >
              {run.total > 0 && (
                <span className="occ-fill" aria-hidden="true">
                  {run.byCohort.map((n, c) =>
                    n > 0 ? <span key={c} className={`occ-part cohort-${c % COHORT_STYLES}`} style={{ height: `${(100 * n) / scale}%` }} /> : null,
                  )}
                </span>
              )}
              {shown && (
                <span className="occ-figures" aria-hidden="true">
                  {shown}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** Distinct colour-and-pattern styles for cohorts (occupancy.css); more cohorts reuse them in turn. */
export const COHORT_STYLES = 8;

/** A row redraws when its load, its active cell or the names change; the callback is stable. */
export const OccupancyRow = memo(Row);
