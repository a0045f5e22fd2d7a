// What a draft changes in weeks that have already been served, compared with the published plan
// (shared/domain/past-record.ts), named by doctor and block with what the draft has instead: such
// a plan cannot be published.
import type { PastChange } from '../../../../shared/domain/past-record';
import { formatWeekRange } from '../../../../shared/domain/weeks';
import type { Assignment } from '../../../../shared/format/plan';
import { useLang } from '../../i18n/lang';
import type { PlanWords } from './plan-words';

export function PastChangeList({ changes, draft, words }: { changes: PastChange[]; draft: Assignment[]; words: PlanWords }) {
  const { t, lang } = useLang();
  if (changes.length === 0) return null;
  const instead = (c: PastChange) => {
    const now = draft.find((a) => a.doctor === c.doctor && a.block === c.block);
    return now ? t('pastChangeDraftHas').replace('{where}', words.where(now)) : t('pastChangeDraftLacks');
  };
  return (
    <section className="past-changes" aria-label={t('pastChangesTitle')}>
      <p>
        <strong>{t('pastChangesTitle')}</strong> {t('pastChangesHint')}
      </p>
      <ul>
        {changes.map((c, i) => (
          <li key={i} data-past-change={`${c.doctor}/${c.block}`}>
            <strong>{words.doctor(c.doctor)}</strong> · {words.block(c.block)}, {formatWeekRange(c, lang)}: {instead(c)}
          </li>
        ))}
      </ul>
    </section>
  );
}
