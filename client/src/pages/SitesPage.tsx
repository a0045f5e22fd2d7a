// A region's sites: capacity and date-ranged overrides, edited with optimistic locking (a
// change someone else saved first is reported, and the site reloaded).
import { useEffect, useState } from 'react';
import type { SiteResource } from '../../../shared/api/sites';
import { background } from '../api/background';
import { api, saveFailure } from '../api/client';
import { SiteForm } from '../components/SiteForm';
import { RegionSelect, useRegionChoice } from '../components/RegionSelect';
import { useLang } from '../i18n/lang';

export function SitesPage() {
  const { t } = useLang();
  const { regions, region, setRegion } = useRegionChoice();
  const [sites, setSites] = useState<SiteResource[]>([]);
  const [open, setOpen] = useState<string>();
  const [message, setMessage] = useState<string>();
  const load = (id: string) => background(api.sites(id).then(setSites));
  useEffect(() => (region ? load(region) : undefined), [region]);
  return (
    <section aria-label={t('sites')}>
      <h2>{t('sites')}</h2>
      <RegionSelect regions={regions} region={region} onChange={setRegion} />
      {message && <p role="status">{message}</p>}
      <table className="sites">
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('town')}</th>
            <th>{t('capacityPerWeek')}</th>
            <th>{t('overrides')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sites.map((s) => (
            <tr key={s.uuid} data-site-row={s.id}>
              <td>{s.name}</td>
              <td>{s.town}</td>
              <td>{s.capacity}</td>
              <td>{s.overrides.map((o) => `${o.from}–${o.to}: ${o.capacity}`).join(', ')}</td>
              <td>
                <button type="button" onClick={() => setOpen(open === s.uuid ? undefined : s.uuid)}>
                  {t('edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sites
        .filter((s) => s.uuid === open)
        .map((s) => (
          <SiteForm
            key={`${s.uuid}-${s.version}`}
            site={s}
            onSave={async (body) => {
              try {
                await api.updateSite(s.uuid, { ...body, version: s.version });
                setMessage(t('saved'));
                setOpen(undefined);
              } catch (err) {
                setMessage(saveFailure(err, t('changedElsewhere')));
              }
              if (region) load(region);
            }}
          />
        ))}
    </section>
  );
}
