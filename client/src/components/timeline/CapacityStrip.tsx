// Below the doctors, one row per site: doctors in service each week against capacity — green
// under, amber full, red and "!" over (text as well as colour). Runs of weeks with the same
// count and capacity are one cell: a tenth of the elements to lay out, the same information.
import { memo } from 'react';
import { capacityAt } from '../../../../shared/domain/capacity';
import { addWeeks, formatWeek } from '../../../../shared/domain/weeks';
import type { Site } from '../../../../shared/format/problem';

interface Run {
  from: number;
  span: number;
  n: number;
  capacity: number;
}

function runs(site: Site, weeks: string[], load: Map<string, number> | undefined): Run[] {
  const list: Run[] = [];
  weeks.forEach((w, i) => {
    const n = load?.get(w) ?? 0;
    const capacity = capacityAt(site, w);
    const last = list.at(-1);
    if (last && last.n === n && last.capacity === capacity) last.span++;
    else list.push({ from: i, span: 1, n, capacity });
  });
  return list;
}

function Strip({ sites, weeks, load }: { sites: Site[]; weeks: string[]; load: Map<string, Map<string, number>> }) {
  return (
    <>
      {sites
        .filter((s) => load.has(s.id))
        .map((site) => (
          <div key={site.id} className="site-row" role="group" aria-label={site.name} data-site={site.id}>
            <div className="board-name" title={site.name}>
              {site.name}
            </div>
            <div className="board-track">
              {runs(site, weeks, load.get(site.id)).map(({ from, span, n, capacity }) => {
                const state = n > capacity ? ' cell-over' : n === 0 ? ' cell-empty' : n === capacity ? ' cell-full' : '';
                const range = span === 1 ? formatWeek(weeks[from]!) : `${formatWeek(weeks[from]!)}–${formatWeek(addWeeks(weeks[from]!, span - 1))}`;
                return (
                  <div key={from} className={`cell${state}`} title={`${range}: ${n}/${capacity}`} style={{ ['--from' as string]: from, ['--span' as string]: span }}>
                    {n > capacity ? '!' : n || ''}
                  </div>
                );
              })}
            </div>
          </div>
        ))}
    </>
  );
}

export const CapacityStrip = memo(Strip);
