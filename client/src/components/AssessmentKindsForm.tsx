// A region's assessment kinds (bedömningstyper) on the templates page: each kind's code and its
// Swedish and English names. A new kind's code follows its Swedish name as a slug until typed;
// names change in place, a kind is removed, and the list is saved whole (PATCH of the region).
// Checked with the server's schema first, each broken field named in its row; a refusal (a kind a
// template block still expects, someone else's change) is said in the status line. Read-only (a
// coordinator limited to towns: the region's PATCH answers 403), the kinds are a plain table.
import { useEffect, useState, type FormEvent } from 'react';
import { regionUpdateSchema, type Region } from '../../../shared/api/regions';
import type { AssessmentKind } from '../../../shared/domain/readiness';
import { api } from '../api/client';
import { useLang } from '../i18n/lang';
import { useChanges } from './change-status';
import { useFieldErrors } from './field-errors';

export type AssessmentKindsCalls = Pick<typeof api, 'updateRegion'>;

interface KindRow extends AssessmentKind {
  /** React's key: a new row's code changes as it is typed. */
  key: number;
  /** Stored kinds keep their code: recorded assessments and template blocks refer to it. */
  stored: boolean;
  /** The code was typed: it no longer follows the Swedish name. */
  codeTyped: boolean;
}

/** A code of the shared id rule from a name: "Samlad bedömning" → "samlad-bedomning" (å, ä, ö lose their marks). */
export function kindIdOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 64).replace(/-+$/, '');
}

/** `id`, or `id-2`, `id-3`… when another kind already has it. */
function freeKindId(id: string, taken: readonly string[]): string {
  if (!id) return id;
  let free = id;
  for (let n = 2; taken.includes(free); n++) free = `${id}-${n}`;
  return free;
}

let nextKey = 0;
const rowsOf = (kinds: readonly AssessmentKind[]): KindRow[] => kinds.map((k) => ({ ...k, key: nextKey++, stored: true, codeTyped: true }));

interface Props {
  region: Region;
  /** Reads the region again, whatever happened: its kinds and version as stored now. */
  reload: () => void;
  calls?: AssessmentKindsCalls;
  /** The kinds shown, not changed: no inputs, no add, remove or save. */
  readOnly?: boolean;
}

export function AssessmentKindsForm({ region, reload, calls = api, readOnly = false }: Props) {
  const { t } = useLang();
  const [rows, setRows] = useState<KindRow[]>(() => rowsOf(region.assessmentKinds));
  // A new version (saved here, or by someone else: 409) shows the kinds as stored.
  useEffect(() => setRows(rowsOf(region.assessmentKinds)), [region.uuid, region.version]);
  const { check, error, errors } = useFieldErrors();
  const { change, status } = useChanges(reload);

  const setRow = (i: number, change: Partial<KindRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const others = (i: number) => rows.filter((_, j) => j !== i).map((r) => r.id);
  const setNameSv = (i: number, name_sv: string) => {
    const row = rows[i]!;
    setRow(i, row.codeTyped ? { name_sv } : { name_sv, id: freeKindId(kindIdOf(name_sv), others(i)) });
  };
  const add = () => setRows([...rows, { id: '', name_sv: '', name_en: '', key: nextKey++, stored: false, codeTyped: false }]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = check(regionUpdateSchema, { name: region.name, version: region.version, assessmentKinds: rows.map(({ id, name_sv, name_en }) => ({ id, name_sv, name_en })) });
    if (body) await change(() => calls.updateRegion(region.uuid, body), t('saved'));
  };

  const path = (i: number, field: keyof AssessmentKind) => `assessmentKinds[${i}].${field}`;
  const input = (i: number, field: keyof AssessmentKind, label: string, onChange: (value: string) => void) => (
    <>
      <input
        aria-label={t('assessmentKindField').replace('{field}', label).replace('{n}', String(i + 1))}
        value={rows[i]![field]}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors[path(i, field)] ? true : undefined}
        aria-describedby={errors[path(i, field)] ? `${path(i, field)}-error` : undefined}
      />{' '}
      {error(path(i, field))}
    </>
  );

  if (readOnly)
    return (
      <section aria-label={t('regionAssessmentKinds')} className="assessment-kinds">
        <h3>{t('regionAssessmentKinds')}</h3>
        <table>
          <thead>
            <tr>
              <th>{t('idCode')}</th>
              <th>{t('assessmentKindNameSv')}</th>
              <th>{t('assessmentKindNameEn')}</th>
            </tr>
          </thead>
          <tbody>
            {region.assessmentKinds.map((k) => (
              <tr key={k.id} data-kind={k.id}>
                <td>
                  <code>{k.id}</code>
                </td>
                <td>{k.name_sv}</td>
                <td>{k.name_en}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  return (
    <section aria-label={t('regionAssessmentKinds')} className="assessment-kinds">
      <h3>{t('regionAssessmentKinds')}</h3>
      <p className="hint">{t('regionAssessmentKindsHint')}</p>
      <form onSubmit={submit}>
        <table>
          <thead>
            <tr>
              <th>{t('idCode')}</th>
              <th>{t('assessmentKindNameSv')}</th>
              <th>{t('assessmentKindNameEn')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key} data-kind={r.id}>
                <td>{r.stored ? <code>{r.id}</code> : input(i, 'id', t('idCode'), (id) => setRow(i, { id, codeTyped: true }))}</td>
                <td>{input(i, 'name_sv', t('assessmentKindNameSv'), (name) => setNameSv(i, name))}</td>
                <td>{input(i, 'name_en', t('assessmentKindNameEn'), (name_en) => setRow(i, { name_en }))}</td>
                <td>
                  <button type="button" aria-label={`${t('remove')} ${r.name_sv || r.id || i + 1}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {error('assessmentKinds')}
        <div>
          <button type="button" onClick={add}>
            {t('addAssessmentKind')}
          </button>{' '}
          <button type="submit">{t('saveAssessmentKinds')}</button>
        </div>
      </form>
      {status}
    </section>
  );
}
