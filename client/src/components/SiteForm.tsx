// Create or edit a site: code (only when new), name, town, address, the kinds it offers, capacity
// and date-ranged capacity overrides, checked with the server's zod schema before saving; each
// broken field says what is wrong. Capacities take any number (step "any"): the schema, not the
// browser, says that 1.5 is no whole number, in the UI's words.
import { useState, type FormEvent } from 'react';
import { siteBodySchema, type SiteBody, type SiteResource } from '../../../shared/api/sites';
import { BUILT_IN_BLOCK_KINDS, builtInBlockKind, needsSite } from '../../../shared/domain/block-kinds';
import { useLang } from '../i18n/lang';
import { useFieldErrors } from './field-errors';

/** The built-in kinds served at a site. */
export const SITE_KINDS = BUILT_IN_BLOCK_KINDS.filter((k) => needsSite(k.category)).map((k) => k.id);

export function SiteForm({ site, kinds = SITE_KINDS, onSave }: { site?: SiteResource; kinds?: readonly string[]; onSave: (body: SiteBody) => Promise<void> }) {
  const { t, lang } = useLang();
  const [code, setCode] = useState(site?.id ?? '');
  const [name, setName] = useState(site?.name ?? '');
  const [town, setTown] = useState(site?.town ?? '');
  const [address, setAddress] = useState(site?.address ?? '');
  const [chosen, setChosen] = useState<string[]>(site?.kinds ?? []);
  const [capacity, setCapacity] = useState(String(site?.capacity ?? 1));
  const [overrides, setOverrides] = useState((site?.overrides ?? []).map((o) => ({ from: o.from, to: o.to, capacity: String(o.capacity) })));
  const { check, error, field } = useFieldErrors();
  // A site's own kinds stay offered even when no template uses them any more.
  const offered = [...new Set([...kinds, ...chosen])];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = check(siteBodySchema, {
      id: code,
      name,
      town,
      kinds: offered.filter((k) => chosen.includes(k)),
      capacity: Number(capacity),
      overrides: overrides.map((o) => ({ from: o.from, to: o.to, capacity: Number(o.capacity) })),
      ...(address.trim() ? { address: address.trim() } : {}),
    });
    if (body) await onSave(body);
  };
  return (
    <form aria-label={site ? `${t('site')} ${site.name}` : t('newSite')} onSubmit={submit} className="site-form" style={{ display: 'grid', gap: '0.3rem', maxWidth: '40rem' }}>
      {!site && field('id', t('idCode'), code, setCode)}
      {field('name', t('name'), name, setName)}
      {field('town', t('town'), town, setTown)}
      {field('address', t('address'), address, setAddress)}
      <fieldset>
        <legend>{t('siteKinds')}</legend>
        {offered.map((k) => (
          <label key={k} style={{ marginRight: '0.8rem' }}>
            <input
              type="checkbox"
              name="kinds"
              value={k}
              checked={chosen.includes(k)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, k] : chosen.filter((x) => x !== k))}
            />{' '}
            {(lang === 'en' ? builtInBlockKind(k)?.name_en : builtInBlockKind(k)?.name_sv) ?? k}
          </label>
        ))}{' '}
        {error('kinds')}
      </fieldset>
      {field('capacity', t('capacityCount'), capacity, setCapacity, { type: 'number', step: 'any', style: { width: '5rem' } })}
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
              {t('capacityCount')}{' '}
              <input type="number" step="any" value={o.capacity} onChange={(e) => setOverrides(overrides.map((x, j) => (j === i ? { ...x, capacity: e.target.value } : x)))} style={{ width: '4rem' }} />
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
