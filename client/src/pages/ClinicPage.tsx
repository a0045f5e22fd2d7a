// A clinic's view: incoming and present BT doctors of its sites, by start (protected identity
// arrives masked from the server).
import { useEffect, useState } from 'react';
import type { Incoming } from '../../../shared/api/doctors';
import type { SiteResource } from '../../../shared/api/sites';
import { blockLabel } from '../../../shared/domain/labels';
import { addWeeks, formatWeek } from '../../../shared/domain/weeks';
import { background } from '../api/background';
import { api } from '../api/client';
import { YearCalendar, type CalendarView } from '../components/calendar/YearCalendar';
import { useLang } from '../i18n/lang';

export function ClinicPage({ siteIds }: { siteIds: string[] }) {
  const { t, lang } = useLang();
  const [sites, setSites] = useState<{ site: SiteResource; incoming: Incoming[] }[]>();
  const [feeds, setFeeds] = useState<Record<string, { url: string; webcal: string }>>({});
  const [view, setView] = useState<CalendarView>('listYear');
  useEffect(() => {
    background(Promise.all(siteIds.map(async (id) => ({ site: await api.site(id), incoming: await api.incoming(id) }))).then(setSites));
  }, [siteIds]);
  if (!sites) return <p>{t('loading')}</p>;
  return (
    <section aria-label={t('incoming')}>
      {sites.map(({ site, incoming }) => (
        <div key={site.uuid}>
          <h2>
            {t('incoming')}: {site.name}
          </h2>
          <div className="table-scroll">
            <table className="incoming">
              <thead>
                <tr>
                  <th>{t('doctor')}</th>
                  <th>{t('block')}</th>
                  <th>{t('from')}</th>
                  <th>{t('to')}</th>
                </tr>
              </thead>
              <tbody>
                {incoming.map((i) => (
                  <tr key={`${i.name}-${i.from}-${i.block}`}>
                    <td>{i.name}</td>
                    <td>{kindName(i.kind, i.block, lang)}</td>
                    <td>{formatWeek(i.from, lang)}</td>
                    <td>{formatWeek(addWeeks(i.to, -1), lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {incoming.length > 0 && (
            <div className="toolbar" role="group" aria-label={t('calendar')}>
              <button type="button" aria-pressed={view === 'dayGridMonth'} onClick={() => setView('dayGridMonth')}>
                {t('monthView')}
              </button>
              <button type="button" aria-pressed={view === 'listYear'} onClick={() => setView('listYear')}>
                {t('listView')}
              </button>
            </div>
          )}
          {incoming.length > 0 && (
            <YearCalendar
              view={view}
              initialDate={incoming[0]!.from}
              events={incoming.map((i, n) => ({ id: `${n}`, title: `${i.name} – ${kindName(i.kind, i.block, lang)}`, start: i.from, end: i.to }))}
            />
          )}
          <button type="button" onClick={async () => setFeeds({ ...feeds, [site.uuid]: await api.siteFeed(site.uuid) })}>
            {t('siteFeed')}
          </button>
          {feeds[site.uuid] && (
            <p className="feed-links">
              <input readOnly aria-label={t('siteFeed')} value={feeds[site.uuid]!.url} size={60} /> <a href={feeds[site.uuid]!.webcal}>{t('subscribe')}</a>
            </p>
          )}
        </div>
      ))}
    </section>
  );
}

const kindName = (kind: string, block: string, lang: 'sv' | 'en') => blockLabel({ id: block, kind }, lang);
