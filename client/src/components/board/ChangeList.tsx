// Changes between two versions of a plan in words, one line each: doctor, block, where and when
// before → after ("—" for a placement that is new or gone). Long lists are cut and counted.
import type { PlanChange } from '../../../../shared/domain/plan-diff';
import { useLang } from '../../i18n/lang';
import type { PlanWords } from './plan-words';

export function ChangeList({ changes, words, limit }: { changes: PlanChange[]; words: PlanWords; limit?: number }) {
  const { t } = useLang();
  const shown = limit === undefined ? changes : changes.slice(0, limit);
  return (
    <ul className="changes">
      {shown.map((c) => (
        <li key={`${c.doctor}/${c.block}`} data-change={`${c.doctor}/${c.block}`}>
          <strong>{words.doctor(c.doctor)}</strong> · {words.block(c.block)}: {words.where(c.before)} → {words.where(c.after)}
        </li>
      ))}
      {shown.length < changes.length && <li>{t('andMore').replace('{n}', String(changes.length - shown.length))}</li>}
    </ul>
  );
}
