// A draft against the published plan at a glance: how many placements change for how many
// doctors, from which week a replan changed things, and whose BT now ends in another week.
import type { ChangeSummary as Summary } from '../../../../shared/domain/replanning';
import { addWeeks, formatWeek } from '../../../../shared/domain/weeks';
import { useLang } from '../../i18n/lang';
import type { PlanWords } from './plan-words';

export function ChangeSummary({ summary, replannedFrom, words }: { summary: Summary; replannedFrom?: string; words: PlanWords }) {
  const { t, lang } = useLang();
  const lastWeek = (to: string) => formatWeek(addWeeks(to, -1), lang);
  const counts =
    summary.placements === 0
      ? t('noChangesSincePublished')
      : t('changesSincePublished')
          .replace('{placements}', t(summary.placements === 1 ? 'placementOne' : 'placementMany').replace('{n}', String(summary.placements)))
          .replace('{doctors}', String(summary.doctors));
  return (
    <section className="change-summary" aria-label={t('changeSummary')}>
      <p>
        {replannedFrom && <>{t('replannedFrom').replace('{week}', formatWeek(replannedFrom, lang))} </>}
        <span className="change-counts">{counts}</span>
      </p>
      {summary.endsMoved.length > 0 && (
        <ul className="ends-moved">
          {summary.endsMoved.map((e) => (
            <li key={e.doctor} data-doctor-end={e.doctor}>
              <strong>{words.doctor(e.doctor)}</strong>: {t(e.after > e.before ? 'btEndsLater' : 'btEndsEarlier')} {lastWeek(e.before)} → {lastWeek(e.after)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
