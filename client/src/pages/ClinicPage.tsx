// A clinic's view: incoming and present BT doctors of its sites, by start (protected identity
// arrives masked from the server).
import { useEffect, useState } from 'react';
import type { Incoming } from '../../../shared/api/doctors';
import type { SiteResource } from '../../../shared/api/sites';
import { formatWeek } from '../../../shared/domain/weeks';
import { api } from '../api/client';
import { useLang } from '../i18n/lang';

export function ClinicPage({ siteIds }: { siteIds: string[] }) {
  const { t } = useLang();
  const [sites, setSites] = useState<{ site: SiteResource; incoming: Incoming[] }[]>();
  useEffect(() => {
    void Promise.all(siteIds.map(async (id) => ({ site: await api.site(id), incoming: await api.incoming(id) }))).then(setSites);
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
        </div>
      ))}
    </section>
  );
}
