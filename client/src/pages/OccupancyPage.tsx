// Beläggning: the chosen region's every site and week with all its cohorts' BT doctors against
// the capacity they share — the published plans, or with each cohort's newest draft in their
// place — over-capacity site-weeks counted and marked, and from a cell a link to the cohort's board.
import { useEffect, useState } from 'react';
import type { Occupancy } from '../../../shared/api/occupancy';
import type { OccupancyView } from '../../../shared/domain/region-occupancy';
import { background } from '../api/background';
import { api, failureMessage } from '../api/client';
import { OccupancyGrid } from '../components/occupancy/OccupancyGrid';
import { RegionSelect, useRegionChoice } from '../components/RegionSelect';
import { useLang } from '../i18n/lang';
import { usePlace } from '../router/PlaceContext';

/** `today`: the server's date, marked on the grid. */
export function OccupancyPage({ today }: { today: string }) {
  const { t, lang } = useLang();
  const { regions, region, setRegion } = useRegionChoice();
  const { href } = usePlace();
  const [occupancy, setOccupancy] = useState<{ region: string; data: Occupancy }>();
  const [failure, setFailure] = useState<string>();
  const [view, setView] = useState<OccupancyView>('published');
  useEffect(() => {
    if (!region) return;
    let current = true;
    setFailure(undefined);
    background(
      api.occupancy(region).then(
        (data) => current && setOccupancy({ region, data }),
        (err: unknown) => current && setFailure(failureMessage(err, t, {}, lang)),
      ),
    );
    return () => void (current = false);
  }, [region]);
  const shown = occupancy && occupancy.region === region ? occupancy : undefined;

  return (
    <section aria-label={t('occupancy')}>
      <h2>{t('occupancy')}</h2>
      <div className="toolbar">
        <RegionSelect regions={regions} region={region} onChange={setRegion} />
        <fieldset className="occ-view">
          <legend>{t('occupancyView')}</legend>
          {(['published', 'drafts'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="occupancy-view" value={v} checked={view === v} onChange={() => setView(v)} /> {t(v === 'published' ? 'viewPublished' : 'viewDrafts')}
            </label>
          ))}
        </fieldset>
      </div>
      {view === 'drafts' && <p className="hint">{t('viewDraftsHint')}</p>}
      {failure && <p role="alert">{failure}</p>}
      {shown ? (
        <OccupancyGrid
          key={shown.region}
          occupancy={shown.data}
          view={view}
          today={today}
          boardHref={(cohort) => href({ page: 'board', region: shown.region, cohort })}
        />
      ) : (
        !failure && <p>{t('loading')}</p>
      )}
    </section>
  );
}
