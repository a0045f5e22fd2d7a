// Below the doctors, one row per site: this cohort's doctors in service each week plus the
// region's other cohorts against the site's capacity, "2+1/3" (this cohort + others / capacity),
// by the shared rule (siteWeek): light green with room left, amber full, red and "!" when this
// cohort's doctors do not fit in what the others leave. Every site with capacity or load is a
// row, so spare places show too. Runs of weeks with the same figures are one cell: a tenth of
// the elements to lay out, the same information; the words are in the cell's title and label.
import { memo } from 'react';
import { overCapacity, siteWeek } from '../../../../shared/domain/capacity';
import { addWeeks, formatWeekRange, type Week } from '../../../../shared/domain/weeks';
import type { Site } from '../../../../shared/format/problem';
import { useLang } from '../../i18n/lang';
import type { TextKey } from '../../i18n/texts';

interface Run {
  from: number;
  span: number;
  /** This cohort's doctors in service. */
  own: number;
  /** The region's other cohorts' doctors in service. */
  taken: number;
  capacity: number;
  left: number;
}

function runs(site: Site, weeks: Week[], load: Map<Week, number> | undefined): Run[] {
  const list: Run[] = [];
  weeks.forEach((w, i) => {
    const own = load?.get(w) ?? 0;
    const { capacity, taken, left } = siteWeek(site, w);
    const last = list.at(-1);
    if (last && last.own === own && last.taken === taken && last.capacity === capacity) last.span++;
    else list.push({ from: i, span: 1, own, taken, capacity, left });
  });
  return list;
}

/** The cell's class: what a glance should tell. */
function state({ own, taken, capacity, left }: Run): string {
  if (overCapacity(own, { capacity, taken, left })) return 'cell-over';
  // The other cohorts alone exceed it: not this cohort's rule broken, but worth seeing.
  if (own + taken > capacity) return 'cell-over-others';
  if (own + taken === 0) return capacity === 0 ? 'cell-closed' : 'cell-empty';
  return own + taken === capacity ? 'cell-full' : 'cell-spare';
}

/** "2+1/3", "2/3" without other cohorts, "!" first when over. */
function figures({ own, taken, capacity, left }: Run): string {
  const text = taken > 0 ? `${own}+${taken}/${capacity}` : `${own}/${capacity}`;
  return overCapacity(own, { capacity, taken, left }) ? `!${text}` : text;
}

/** Digits of the 11 px strip that fit in one week's column (1.6rem). */
const CHARS_PER_WEEK = 4;

interface SiteStripProps {
  site: Site;
  weeks: Week[];
  load: Map<Week, number> | undefined;
}

function SiteRow({ site, weeks, load }: SiteStripProps) {
  const { t, lang } = useLang();
  const list = runs(site, weeks, load);
  // Sites nobody can use and nobody uses in these weeks stay out.
  if (!list.some((r) => r.capacity > 0 || r.own > 0 || r.taken > 0)) return null;
  const words = (run: Run): string => {
    const range = formatWeekRange({ from: weeks[run.from]!, to: addWeeks(weeks[run.from]!, run.span) }, lang);
    const names = [...new Set((site.taken ?? []).filter((r) => r.cohort && r.from <= weeks[run.from]! && weeks[run.from]! < r.to).map((r) => r.cohort))];
    const others = run.taken > 0 ? ` + ${run.taken} ${t('otherCohorts')}${names.length ? ` (${names.join(', ')})` : ''}` : '';
    const total = run.own + run.taken;
    const verdict: TextKey = overCapacity(run.own, run) ? 'overCapacity' : total > run.capacity ? 'othersOverCapacity' : 'spare';
    const tail = verdict === 'spare' ? `${t('spare')} ${run.capacity - total}` : `${t(verdict)}${total > run.capacity ? ` (+${total - run.capacity})` : ''}`;
    return `${site.name}, ${range}: ${run.own} ${t('thisCohort')}${others}, ${t('capacityWord')} ${run.capacity}, ${tail}`;
  };
  return (
    <div className="site-row" role="group" aria-label={site.name} data-site={site.id}>
      <div className="board-name" title={site.name}>
        {site.name}
      </div>
      <div className="board-track">
        {list.map((run) => {
          const cls = state(run);
          const text = cls === 'cell-empty' || cls === 'cell-closed' ? '' : figures(run);
          // Too long for its columns: the total (or "!") is shown, the parts are in the title.
          const shown = text.length <= run.span * CHARS_PER_WEEK ? text : cls === 'cell-over' ? '!' : String(run.own + run.taken);
          return (
            // An image named by its title (no aria-label as well: half the text to set on thousands of cells).
            <div
              key={run.from}
              role="img"
              className={`cell ${cls}${run.taken > 0 ? ' cell-shared' : ''}`}
              title={words(run)}
              data-figures={text || undefined}
              style={{ ['--from' as string]: run.from, ['--span' as string]: run.span }}
            >
              {shown}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Same doctors in service every week: an edit redraws only the sites it changes. */
function sameLoad(a: Map<Week, number> | undefined, b: Map<Week, number> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [week, n] of a) if (b.get(week) !== n) return false;
  return true;
}

/** The board's weeks are consecutive: the same first week and count are the same columns (the array is new after each edit). */
const sameWeeks = (a: Week[], b: Week[]) => a === b || (a.length === b.length && a[0] === b[0]);

const SiteStrip = memo(SiteRow, (a, b) => a.site === b.site && sameWeeks(a.weeks, b.weeks) && sameLoad(a.load, b.load));

function Strip({ sites, weeks, load }: { sites: Site[]; weeks: Week[]; load: Map<string, Map<Week, number>> }) {
  return (
    <>
      {sites.map((site) => (
        <SiteStrip key={site.id} site={site} weeks={weeks} load={load.get(site.id)} />
      ))}
    </>
  );
}

export const CapacityStrip = memo(Strip);
