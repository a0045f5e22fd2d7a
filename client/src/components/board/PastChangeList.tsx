// What a draft changes in weeks that have already been served, compared with the published plan
// (shared/domain/past-record.ts): such a plan cannot be published. Named by doctor and block.
import type { PastChange } from '../../../../shared/domain/past-record';
import { formatWeekRange } from '../../../../shared/domain/weeks';
import { useLang } from '../../i18n/lang';
import type { PlanWords } from './plan-words';

export function PastChangeList({ changes, words }: { changes: PastChange[]; words: PlanWords }) {
  const { t, lang } = useLang();
  if (changes.length === 0) return null;
  return (
    <section className="past-changes" aria-label={t('pastChangesTitle')}>
      <p>
        <strong>{t('pastChangesTitle')}</strong> {t('pastChangesHint')}
      </p>
      <ul>
        {changes.map((c, i) => (
          <li key={i} data-past-change={`${c.doctor}/${c.block}`}>
            <strong>{words.doctor(c.doctor)}</strong> · {words.block(c.block)}, {formatWeekRange(c, lang)}: {lang === 'sv' ? c.message_sv : c.message_en}
          </li>
        ))}
      </ul>
    </section>
  );
}
