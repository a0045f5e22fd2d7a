// A clinic's view: incoming and present BT doctors of its sites, by start (protected identity
// arrives masked from the server) with each placement's handledare, and each site's calendar link (FeedLink).
import { useEffect, useState } from 'react';
import type { Incoming } from '../../../shared/api/doctors';
import type { SiteResource } from '../../../shared/api/sites';
import { blockLabel } from '../../../shared/domain/labels';
import { addWeeks, formatWeek } from '../../../shared/domain/weeks';
import { background } from '../api/background';
import { api } from '../api/client';
import { ClinicCalendars } from '../components/clinic/ClinicCalendars';
import { FeedLink } from '../components/FeedLink';
import { useLang } from '../i18n/lang';

/** `today`: the server's date — the calendars open on it and mark it. */
export function ClinicPage({ siteIds, today }: { siteIds: string[]; today: string }) {
  const { t, lang } = useLang();
  const [sites, setSites] = useState<{ site: SiteResource; incoming: Incoming[] }[]>();
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
                  <th>{t('placementSupervisor')}</th>
                </tr>
              </thead>
              <tbody>
                {incoming.map((i) => (
                  <tr key={`${i.name}-${i.from}-${i.block}`}>
                    <td>{i.name}</td>
                    <td>{kindName(i.kind, i.block, lang)}</td>
                    <td>{formatWeek(i.from, lang)}</td>
                    <td>{formatWeek(addWeeks(i.to, -1), lang)}</td>
                    <td>{i.supervisor ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ClinicCalendars incoming={incoming} today={today} siteName={site.name} />
          <h3>{t('siteFeed')}</h3>
          <FeedLink owner="sites" id={site.uuid} label={`${t('siteFeed')}: ${site.name}`} />
        </div>
      ))}
    </section>
  );
}

const kindName = (kind: string, block: string, lang: 'sv' | 'en') => blockLabel({ id: block, kind }, lang);
