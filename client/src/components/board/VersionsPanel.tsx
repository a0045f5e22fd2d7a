// The cohort's plan versions: drafts, the published one and archived ones, with who made each,
// when, and its objective. Any one opens on the board (read-only unless a draft), becomes a new
// draft, or — a draft — is thrown away; two ticked ones are compared change by change.
import { useEffect, useState } from 'react';
import type { PlanSummary } from '../../../../shared/api/plans';
import type { PlanChange } from '../../../../shared/domain/plan-diff';
import { useLang } from '../../i18n/lang';
import { Link } from '../../router/Link';
import { actorLabel } from '../actor';
import { ChangeList } from './ChangeList';
import type { PlanWords } from './plan-words';

export interface VersionsPanelProps {
  versions: PlanSummary[];
  /** The version on the board. */
  shown?: string;
  words: PlanWords;
  href: (plan: string) => string;
  onRestore: (plan: PlanSummary) => void;
  onDiscard: (plan: PlanSummary) => void;
  /** The changes from version `against` to version `plan`. */
  diff: (plan: string, against: string) => Promise<PlanChange[]>;
  onFailure: (err: unknown) => void;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' }) : '–');

export function VersionsPanel({ versions, shown, words, href, onRestore, onDiscard, diff, onFailure }: VersionsPanelProps) {
  const { t } = useLang();
  /** Up to two versions ticked for comparison, in the order ticked. */
  const [ticked, setTicked] = useState<string[]>([]);
  const [compared, setCompared] = useState<{ from: PlanSummary; to: PlanSummary; changes: PlanChange[] }>();
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  const chosen = sorted.filter((v) => ticked.includes(v.uuid));
  useEffect(() => {
    setCompared(undefined);
    if (chosen.length !== 2) return;
    // Older → newer reads as what happened.
    const [to, from] = chosen as [PlanSummary, PlanSummary];
    let live = true;
    diff(to.uuid, from.uuid).then((changes) => live && setCompared({ from, to, changes }), (err: unknown) => live && onFailure(err));
    return () => void (live = false);
  }, [ticked.join()]);
  const tick = (id: string, on: boolean) => setTicked((list) => (on ? [...list.filter((x) => x !== id), id].slice(-2) : list.filter((x) => x !== id)));
  return (
    <div className="versions">
      <div className="table-scroll">
        <table aria-label={t('versions')}>
          <thead>
            <tr>
              <th>{t('version')}</th>
              <th>{t('status')}</th>
              <th>{t('createdBy')}</th>
              <th>{t('createdAt')}</th>
              <th>{t('publishedAt')}</th>
              <th>{t('objective')}</th>
              <th>{t('compare')}</th>
              <th>
                <span className="visually-hidden">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((v) => (
              <tr key={v.uuid} data-version={v.number} data-status={v.status} aria-current={v.uuid === shown ? 'true' : undefined}>
                <td>{v.number}</td>
                <td>{t(`status-${v.status}`)}</td>
                <td>{actorLabel(v.createdBy)}</td>
                <td>{when(v.createdAt)}</td>
                <td>{when(v.publishedAt)}</td>
                <td>{v.objective ?? '–'}</td>
                <td>
                  <input
                    type="checkbox"
                    checked={ticked.includes(v.uuid)}
                    onChange={(e) => tick(v.uuid, e.target.checked)}
                    aria-label={t('compareVersion').replace('{n}', String(v.number))}
                  />
                </td>
                <td className="version-actions">
                  {v.uuid === shown ? (
                    <span>{t('onBoard')}</span>
                  ) : (
                    <Link to={href(v.uuid)} aria-label={t('openVersion').replace('{n}', String(v.number))}>
                      {t('open')}
                    </Link>
                  )}{' '}
                  <button type="button" onClick={() => onRestore(v)} aria-label={t('draftFromVersion').replace('{n}', String(v.number))}>
                    {t('newDraftHere')}
                  </button>
                  {v.status === 'draft' && (
                    <>
                      {' '}
                      <button type="button" onClick={() => onDiscard(v)} aria-label={t('discardVersion').replace('{n}', String(v.number))}>
                        {t('discard')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen.length < 2 ? (
        <p className="hint">{t('compareHint')}</p>
      ) : (
        compared && (
          <section className="version-diff" aria-label={t('versionDiff')} aria-live="polite">
            <h4>
              {t('versionDiffTitle')
                .replace('{from}', String(compared.from.number))
                .replace('{to}', String(compared.to.number))
                .replace('{n}', t(compared.changes.length === 1 ? 'changedPlacementOne' : 'changedPlacementMany').replace('{n}', String(compared.changes.length)))}
            </h4>
            {compared.changes.length > 0 && <ChangeList changes={compared.changes} words={words} />}
          </section>
        )
      )}
    </div>
  );
}
