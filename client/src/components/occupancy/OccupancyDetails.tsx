// The chosen site-weeks of the region's load: each cohort's doctors there, from which plan, and a
// link per cohort to the planning board on that cohort (where an overload is mended).
import type { Occupancy } from '../../../../shared/api/occupancy';
import type { OccupancyRun, OccupancyView } from '../../../../shared/domain/region-occupancy';
import { formatWeekRange } from '../../../../shared/domain/weeks';
import { useLang } from '../../i18n/lang';
import { Link } from '../../router/Link';
import { COHORT_STYLES } from './OccupancyRow';

export interface OccupancyDetailsProps {
  site: Occupancy['sites'][number];
  run: OccupancyRun;
  cohorts: Occupancy['cohorts'];
  view: OccupancyView;
  boardHref?: (cohort: string) => string;
}

export function OccupancyDetails({ site, run, cohorts, view, boardHref }: OccupancyDetailsProps) {
  const { t, lang } = useLang();
  const plan = (c: Occupancy['cohorts'][number]) =>
    view === 'drafts' && c.draft !== null
      ? t('planDraft').replace('{n}', String(c.draft))
      : c.published !== null
        ? t('planPublished').replace('{n}', String(c.published))
        : t('noPlan');
  const present = cohorts.flatMap((c, i) => (run.byCohort[i]! > 0 ? [{ cohort: c, style: i % COHORT_STYLES, doctors: run.byCohort[i]! }] : []));
  const verdict = run.over ? t('overBy').replace('{n}', String(run.total - run.capacity)) : `${t('spare')} ${run.capacity - run.total}`;
  return (
    <section className={`occ-details${run.over ? ' occ-details-over' : ''}`} aria-label={t('details')} aria-live="polite">
      <h3>
        {site.name} · {formatWeekRange(run, lang)}
      </h3>
      <p>
        {run.over && (
          <>
            <strong className="occ-over-mark">!</strong>{' '}
          </>
        )}
        {run.total} {t('doctorsInService')}, {t('capacityWord')} {run.capacity}: {verdict}
      </p>
      {present.length === 0 ? (
        <p>{t('nobodyThere')}</p>
      ) : (
        <ul className="occ-cohorts">
          {present.map(({ cohort, style, doctors }) => (
            <li key={cohort.uuid} data-cohort={cohort.uuid}>
              <span className={`occ-swatch cohort-${style}`} aria-hidden="true" />
              <span>
                <strong>{cohort.name}</strong>: <span className="occ-cohort-figures">{`${doctors} ${t('doctorsInService')} · ${plan(cohort)}`}</span>
              </span>
              {boardHref && (
                <Link to={boardHref(cohort.uuid)} aria-label={`${t('openBoard')}: ${cohort.name}`}>
                  {t('openBoard')}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
