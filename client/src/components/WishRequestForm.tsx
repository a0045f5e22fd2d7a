// A doctor's wish: a block and a site and/or a start week, checked with the server's wish schema
// (a start must be a Monday) before it is sent; the coordinator decides.
import { useState, type FormEvent } from 'react';
import type { Schedule } from '../../../shared/api/doctors';
import { blockLabel } from '../../../shared/domain/labels';
import { wishSchema, type Wish } from '../../../shared/format/problem';
import { useLang } from '../i18n/lang';
import { useFieldErrors } from './field-errors';

export function WishRequestForm({ choices, onSubmit }: { choices: Schedule['choices']; onSubmit: (wish: Wish) => Promise<void> | void }) {
  const { t, lang } = useLang();
  const [block, setBlock] = useState(choices.find((c) => c.sites.length > 0)?.block ?? choices[0]?.block ?? '');
  const [site, setSite] = useState('');
  const [from, setFrom] = useState('');
  const { check, error } = useFieldErrors();
  const sites = choices.find((c) => c.block === block)?.sites ?? [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A wish naming neither a site nor a week would wish for nothing.
    const schema = wishSchema.refine((w) => w.site !== undefined || w.from !== undefined, { error: t('wishNeedsSiteOrWeek'), path: ['site'] });
    const wish = check(schema, { block, ...(site ? { site } : {}), ...(from ? { from } : {}) });
    if (!wish) return;
    await onSubmit(wish);
    setSite('');
    setFrom('');
  };
  return (
    <form aria-label={t('wishRequest')} onSubmit={submit} className="wish-form" style={{ display: 'grid', gap: '0.3rem', maxWidth: '30rem' }}>
      <label>
        {t('block')}{' '}
        <select name="block" value={block} onChange={(e) => (setBlock(e.target.value), setSite(''))}>
          {choices.map((c) => (
            <option key={c.block} value={c.block}>
              {blockLabel({ id: c.block, kind: c.kind, ...(c.name ? { name: c.name } : {}) }, lang)}
            </option>
          ))}
        </select>
      </label>
      <div>
        <label>
          {t('site')}{' '}
          <select name="site" value={site} onChange={(e) => setSite(e.target.value)} disabled={sites.length === 0}>
            <option value="">{t('anySite')}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>{' '}
        {error('site')}
      </div>
      <div>
        <label>
          {t('startWeek')} <input name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>{' '}
        {error('from')}
      </div>
      <button type="submit">{t('sendRequest')}</button>
    </form>
  );
}
