// Below the doctors, one row per site: doctors in service each week against capacity — green
// under, amber full, red and "!" over (text as well as colour).
import { memo } from 'react';
import { capacityAt } from '../../../../shared/domain/capacity';
import { formatWeek } from '../../../../shared/domain/weeks';
import type { Site } from '../../../../shared/format/problem';

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
              {weeks.map((w) => {
                const n = load.get(site.id)?.get(w) ?? 0;
                const capacity = capacityAt(site, w);
                const state = n > capacity ? ' cell-over' : n === 0 ? ' cell-empty' : n === capacity ? ' cell-full' : '';
                return (
                  <div key={w} className={`cell${state}`} title={`${formatWeek(w)}: ${n}/${capacity}`}>
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
