// Where a doctor may and wants to serve: allowed sites per block (none ticked: any site of the
// kind), pins (block, optional site and first week) and wishes (the same with a weight).
import type { ReactNode } from 'react';
import { builtInBlockKind, needsSite } from '../../../shared/domain/block-kinds';
import type { Block, Site } from '../../../shared/format/problem';
import type { Lang } from '../i18n/texts';
import { useLang } from '../i18n/lang';

/** A pin or wish as typed: empty strings for what is not given. */
export interface PlacementRow {
  block: string;
  site: string;
  from: string;
  weight: string;
}

type FieldError = (path: string) => ReactNode;

/** A block's own name, else its built-in kind's, else its id. */
export const blockLabel = (b: Block, lang: Lang) => b.name ?? (lang === 'en' ? builtInBlockKind(b.kind)?.name_en : builtInBlockKind(b.kind)?.name_sv) ?? b.id;

const offering = (sites: Site[], block: Block | undefined) => (block && needsSite(block.category) ? sites.filter((s) => s.kinds.includes(block.kind)) : []);

export function AllowedSitesFields({ blocks, sites, value, onChange }: { blocks: Block[]; sites: Site[]; value: Record<string, string[]>; onChange: (next: Record<string, string[]>) => void }) {
  const { t, lang } = useLang();
  const toggle = (block: string, site: string, on: boolean) => {
    const chosen = value[block] ?? [];
    onChange({ ...value, [block]: on ? [...chosen, site] : chosen.filter((s) => s !== site) });
  };
  return (
    <fieldset>
      <legend>{t('allowedSites')}</legend>
      {blocks.map((b) => {
        const chosen = value[b.id] ?? [];
        // Sites already allowed stay visible even if they no longer offer the kind.
        const choices = [...offering(sites, b), ...sites.filter((s) => chosen.includes(s.id) && !s.kinds.includes(b.kind))];
        if (choices.length === 0) return null;
        return (
          <fieldset key={b.id} data-allowed-block={b.id}>
            <legend>{blockLabel(b, lang)}</legend>
            {choices.map((s) => (
              <label key={s.id} style={{ marginRight: '0.8rem' }}>
                <input type="checkbox" value={s.id} checked={chosen.includes(s.id)} onChange={(e) => toggle(b.id, s.id, e.target.checked)} /> {s.name}
              </label>
            ))}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

/** Pins, or with `weighted` wishes: one row each, added and removed. */
export function PlacementRowsFields({ field, weighted, blocks, sites, rows, onChange, error }: {
  field: 'pins' | 'wishes';
  weighted: boolean;
  blocks: Block[];
  sites: Site[];
  rows: PlacementRow[];
  onChange: (next: PlacementRow[]) => void;
  error: FieldError;
}) {
  const { t, lang } = useLang();
  const prefix = field === 'pins' ? t('pinNo') : t('wish');
  const set = (i: number, change: Partial<PlacementRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <fieldset data-field={field}>
      <legend>{field === 'pins' ? t('pins') : t('wishes')}</legend>
      {rows.map((r, i) => {
        // Each control is named with its row ("Låsning 1: Block"); the visible word is only a hint.
        const label = (what: string) => `${prefix} ${i + 1}: ${what}`;
        const hint = (what: string) => <span aria-hidden="true">{what} </span>;
        const choices = offering(sites, blocks.find((b) => b.id === r.block));
        return (
          <div key={i} data-row={i}>
            {hint(t('block'))}
            <select aria-label={label(t('block'))} value={r.block} onChange={(e) => set(i, { block: e.target.value, site: '' })}>
              {blocks.map((b) => (
                <option key={b.id} value={b.id}>
                  {blockLabel(b, lang)}
                </option>
              ))}
            </select>{' '}
            {hint(t('site'))}
            <select aria-label={label(t('site'))} value={r.site} disabled={choices.length === 0 && !r.site} onChange={(e) => set(i, { site: e.target.value })}>
              <option value="">{t('anySite')}</option>
              {choices.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
              {r.site && !choices.some((s) => s.id === r.site) && <option value={r.site}>{r.site}</option>}
            </select>{' '}
            {hint(t('from'))}
            <input type="date" aria-label={label(t('from'))} value={r.from} onChange={(e) => set(i, { from: e.target.value })} />{' '}
            {weighted && (
              <>
                {hint(t('weight'))}
                <input type="number" step="any" aria-label={label(t('weight'))} value={r.weight} onChange={(e) => set(i, { weight: e.target.value })} style={{ width: '4rem' }} />
              </>
            )}{' '}
            <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('remove')}
            </button>{' '}
            {error(`${field}[${i}].block`)} {error(`${field}[${i}].site`)} {error(`${field}[${i}].from`)} {error(`${field}[${i}].weight`)}
          </div>
        );
      })}
      <button type="button" disabled={blocks.length === 0} onClick={() => onChange([...rows, { block: blocks[0]?.id ?? '', site: '', from: '', weight: '1' }])}>
        {field === 'pins' ? t('addPin') : t('addWish')}
      </button>
    </fieldset>
  );
}

export const placementRow = (p: { block: string; site?: string; from?: string; weight?: number }): PlacementRow => ({
  block: p.block,
  site: p.site ?? '',
  from: p.from ?? '',
  weight: String(p.weight ?? 1),
});

/** A typed row as the schema reads it: what is empty is left out. */
export const placementOf = (r: PlacementRow, weighted: boolean) => ({
  block: r.block,
  ...(r.site ? { site: r.site } : {}),
  ...(r.from ? { from: r.from } : {}),
  ...(weighted ? { weight: r.weight.trim() === '' ? Number.NaN : Number(r.weight) } : {}),
});
