// Edit a site: name, town, capacity and date-ranged capacity overrides, checked with the same
// zod schema as the server before saving; each broken field says what is wrong.
import { useState, type FormEvent } from 'react';
import { siteBodySchema, type SiteBody, type SiteResource } from '../../../shared/api/sites';
import { useLang } from '../i18n/lang';
import { useFieldErrors } from './field-errors';

export function SiteForm({ site, onSave }: { site: SiteResource; onSave: (body: SiteBody) => Promise<void> }) {
  const { t } = useLang();
  const [name, setName] = useState(site.name);
  const [town, setTown] = useState(site.town);
  const [capacity, setCapacity] = useState(String(site.capacity));
  const [overrides, setOverrides] = useState(site.overrides.map((o) => ({ from: o.from, to: o.to, capacity: String(o.capacity) })));
  const { check, error } = useFieldErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = check(siteBodySchema, {
      id: site.id,
      name,
      town,
      kinds: site.kinds,
      capacity: Number(capacity),
      overrides: overrides.map((o) => ({ from: o.from, to: o.to, capacity: Number(o.capacity) })),
      ...(site.address ? { address: site.address } : {}),
    });
    if (body) await onSave(body);
  };
  return (
    <form aria-label={`${t('site')} ${site.name}`} onSubmit={submit} className="site-form" style={{ display: 'grid', gap: '0.3rem', maxWidth: '40rem' }}>
      <div>
        <label>
          {t('name')} <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>{' '}
        {error('name')}
      </div>
      <div>
        <label>
          {t('town')} <input name="town" value={town} onChange={(e) => setTown(e.target.value)} />
        </label>{' '}
        {error('town')}
      </div>
      <div>
        <label>
          {t('capacityPerWeek')} <input name="capacity" type="number" value={capacity} onChange={(e) => setCapacity(e.target.value)} style={{ width: '5rem' }} />
        </label>{' '}
        {error('capacity')}
      </div>
      <fieldset>
        <legend>{t('overrides')}</legend>
        {overrides.map((o, i) => (
          <div key={i}>
            <label>
              {t('from')} <input type="date" value={o.from} onChange={(e) => setOverrides(overrides.map((x, j) => (j === i ? { ...x, from: e.target.value } : x)))} />
            </label>{' '}
            <label>
              {t('to')} <input type="date" value={o.to} onChange={(e) => setOverrides(overrides.map((x, j) => (j === i ? { ...x, to: e.target.value } : x)))} />
            </label>{' '}
            <label>
              {t('capacityPerWeek')}{' '}
              <input type="number" value={o.capacity} onChange={(e) => setOverrides(overrides.map((x, j) => (j === i ? { ...x, capacity: e.target.value } : x)))} style={{ width: '4rem' }} />
            </label>{' '}
            <button type="button" onClick={() => setOverrides(overrides.filter((_, j) => j !== i))}>
              {t('remove')}
            </button>{' '}
            {error(`overrides[${i}].from`)} {error(`overrides[${i}].to`)} {error(`overrides[${i}].capacity`)}
          </div>
        ))}
        <button type="button" onClick={() => setOverrides([...overrides, { from: '', to: '', capacity: capacity }])}>
          {t('addOverride')}
        </button>
      </fieldset>
      <button type="submit">{t('save')}</button>
    </form>
  );
}
