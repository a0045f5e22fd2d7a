// A clinic's view: incoming and present BT doctors of its sites, by start (protected identity
// arrives masked from the server).
import { useEffect, useState } from 'react';
import type { Incoming } from '../../../shared/api/doctors';
import type { SiteResource } from '../../../shared/api/sites';
import { formatWeek } from '../../../shared/domain/weeks';
import { background } from '../api/background';
import { api } from '../api/client';
import { YearCalendar } from '../components/calendar/YearCalendar';
import { useLang } from '../i18n/lang';

export function ClinicPage({ siteIds }: { siteIds: string[] }) {
  const { t } = useLang();
  const [sites, setSites] = useState<{ site: SiteResource; incoming: Incoming[] }[]>();
  const [feeds, setFeeds] = useState<Record<string, { url: string; webcal: string }>>({});
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
                  <td>{i.block}</td>
                  <td>{formatWeek(i.from)}</td>
                  <td>{formatWeek(i.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {incoming.length > 0 && (
            <YearCalendar
              view="listYear"
              initialDate={incoming[0]!.from}
              events={incoming.map((i, n) => ({ id: `${n}`, title: `${i.name} – ${i.block}`, start: i.from, end: i.to }))}
            />
          )}
          <button type="button" onClick={async () => setFeeds({ ...feeds, [site.uuid]: await api.siteFeed(site.uuid) })}>
            {t('siteFeed')}
          </button>
          {feeds[site.uuid] && (
            <p>
              <input readOnly aria-label={t('siteFeed')} value={feeds[site.uuid]!.url} size={60} /> <a href={feeds[site.uuid]!.webcal}>{t('subscribe')}</a>
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
