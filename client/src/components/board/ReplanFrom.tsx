// The week a replan starts from: Mondays only, from the coming one (this week has begun) to the
// plan's last week. Everything before it stays as published.
import { formatWeek } from '../../../../shared/domain/weeks';
import { useLang } from '../../i18n/lang';

export function ReplanFrom({ weeks, value, onChange }: { weeks: string[]; value: string; onChange: (week: string) => void }) {
  const { t, lang } = useLang();
  return (
    <label className="replan-from">
      {t('replanFrom')}{' '}
      <select name="frozenBefore" value={value} onChange={(e) => onChange(e.target.value)}>
        {weeks.map((w) => (
          <option key={w} value={w}>
            {formatWeek(w, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}
