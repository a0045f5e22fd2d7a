// A region's sites: created, deleted, and their capacity and date-ranged overrides edited with
// optimistic locking (a change someone else saved first is reported, and the site reloaded).
import { useEffect, useState } from 'react';
import type { SiteResource } from '../../../shared/api/sites';
import type { TemplateResource } from '../../../shared/api/templates';
import { needsSite } from '../../../shared/domain/block-kinds';
import { background } from '../api/background';
import { api } from '../api/client';
import { useChanges } from '../components/change-status';
import { SITE_KINDS, SiteForm } from '../components/SiteForm';
import { RegionSelect, useRegionChoice } from '../components/RegionSelect';
import { useLang } from '../i18n/lang';

export function SitesPage() {
  const { t } = useLang();
  const { regions, region, setRegion } = useRegionChoice();
  const [sites, setSites] = useState<SiteResource[]>([]);
  const [templates, setTemplates] = useState<TemplateResource[]>([]);
  /** The site whose form is open, or 'new'. */
  const [open, setOpen] = useState<string>();
  const load = (id: string) => background(Promise.all([api.sites(id).then(setSites), api.templates(id).then(setTemplates)]));
  const { change, status } = useChanges(() => region && load(region));
  useEffect(() => (region ? load(region) : undefined), [region]);
  const remove = async (site: SiteResource) => {
    if (!window.confirm(t('deleteConfirm').replace('{name}', site.name))) return;
    await change(() => api.deleteSite(site.uuid, site.version), t('deleted'));
  };
  return (
    <section aria-label={t('sites')}>
      <h2>{t('sites')}</h2>
      <RegionSelect regions={regions} region={region} onChange={setRegion} />{' '}
      <button type="button" aria-pressed={open === 'new'} onClick={() => setOpen(open === 'new' ? undefined : 'new')}>
        {t('newSite')}
      </button>
      {status}
      {open === 'new' && region && (
        <SiteForm
          kinds={siteKinds(templates)}
          onSave={async (body) => {
            if (await change(() => api.createSite(region, body), t('saved'))) setOpen(undefined);
          }}
        />
      )}
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
                </button>{' '}
                <button type="button" onClick={() => background(remove(s))}>
                  {t('remove')}
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
            kinds={siteKinds(templates)}
            onSave={async (body) => {
              if (await change(() => api.updateSite(s.uuid, { ...body, version: s.version }), t('saved'))) setOpen(undefined);
            }}
          />
        ))}
    </section>
  );
}

/** Kinds a new site can offer: those of the region's site blocks, or every built-in site kind. */
function siteKinds(templates: TemplateResource[]): string[] {
  const used = templates.flatMap((tpl) => tpl.blocks.filter((b) => needsSite(b.category)).map((b) => b.kind));
  return used.length ? [...new Set(used)] : [...SITE_KINDS];
}
