// The region's audit log, newest first: who changed what and when, and for plans what changed in
// words — a plan edit's placements (doctor, block, weeks before → after), a publication's version
// and number of changes.
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { AuditEntry } from '../../../shared/api/regions';
import { planChangeSchema } from '../../../shared/domain/plan-diff';
import { background } from '../api/background';
import { api } from '../api/client';
import { useLang } from '../i18n/lang';
import { actorLabel } from './actor';
import { ChangeList } from './board/ChangeList';
import type { PlanWords } from './board/plan-words';

/** Plan changes listed per entry; the rest are counted. */
const LISTED_CHANGES = 5;

const planAfterSchema = z.object({ changes: z.array(planChangeSchema) });
const versionSchema = z.object({ number: z.number(), changes: z.number().optional() });

export function AuditLog({ region, words }: { region: string; words: PlanWords }) {
  const { t } = useLang();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  useEffect(() => {
    background(api.audit(region).then(setEntries));
  }, [region]);
  const what = (e: AuditEntry) => {
    if (e.entity !== 'plan') return null;
    const edit = planAfterSchema.safeParse(e.after);
    if (edit.success) return edit.data.changes.length === 0 ? t('auditNoChange') : <ChangeList changes={edit.data.changes} words={words} limit={LISTED_CHANGES} />;
    const version = versionSchema.safeParse(e.after ?? e.before);
    if (!version.success) return null;
    const { number, changes } = version.data;
    if (e.action === 'publish') {
      const count = changes ?? 0;
      return t('auditPublished').replace('{n}', String(number)).replace('{changes}', t(count === 1 ? 'changedPlacementOne' : 'changedPlacementMany').replace('{n}', String(count)));
    }
    if (e.action === 'delete') return t('auditDiscarded').replace('{n}', String(number));
    if (e.action === 'archive') return t('auditArchived').replace('{n}', String(number));
    return t('auditCreated').replace('{n}', String(number));
  };
  return (
    <div className="table-scroll">
      <table className="audit" aria-label={t('auditLog')}>
        <thead>
          <tr>
            <th>{t('auditWhen')}</th>
            <th>{t('auditWho')}</th>
            <th>{t('auditWhat')}</th>
            <th>{t('auditChange')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.slice(0, 50).map((e, i) => (
            <tr key={i} data-action={`${e.entity}/${e.action}`}>
              <td>{new Date(e.at).toLocaleString('sv-SE')}</td>
              <td>{actorLabel(e.actor)}</td>
              <td>
                {e.action} {e.entity}
              </td>
              <td>{what(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
