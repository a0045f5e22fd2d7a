// Publishing asks first and lists what changes for whom: each moved, added or removed placement
// by doctor name, block, site and weeks.
import { blockLabel } from '../../../../shared/domain/labels';
import type { PlanChange } from '../../../../shared/domain/plan-diff';
import { formatWeekRange } from '../../../../shared/domain/weeks';
import type { Problem } from '../../../../shared/format/problem';
import { useLang } from '../../i18n/lang';

export function PublishDialog({ changes, problem, onPublish, onCancel }: { changes: PlanChange[]; problem: Problem; onPublish: () => void; onCancel: () => void }) {
  const { t, lang } = useLang();
  const doctors = new Map(problem.doctors.map((d) => [d.id, d.name]));
  const blocks = new Map(problem.blocks.map((b) => [b.id, blockLabel(b, lang)]));
  const sites = new Map(problem.sites.map((s) => [s.id, s.name]));
  const where = (p: { site: string | null; from: string; to: string } | null | undefined) =>
    p ? `${p.site ? `${sites.get(p.site) ?? p.site}, ` : ''}${formatWeekRange(p, lang)}` : '—';
  return (
    <div role="dialog" aria-label={t('publish')} className="publish-dialog">
      <p>{changes.length === 0 ? t('publishNoChanges') : t('publishConfirm')}</p>
      <ul className="changes">
        {changes.map((c) => (
          <li key={`${c.doctor}/${c.block}`}>
            <strong>{doctors.get(c.doctor) ?? c.doctor}</strong> · {blocks.get(c.block) ?? c.block}: {where(c.before)} → {where(c.after)}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onPublish}>
        {t('publish')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
