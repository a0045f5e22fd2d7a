// What the week rule makes of the leave being typed, live: "v. 51 2026 räknas som frånvaro", or
// that no week counts. Nothing until both days are dates in order.
import { isIsoDate } from '../../../shared/domain/dates';
import { absenceWeeks, formatAbsenceWeeks } from '../../../shared/domain/leave-days';
import { useLang } from '../i18n/lang';

export function LeaveWeeks({ first, last }: { first: string; last: string }) {
  const { t, lang } = useLang();
  if (!isIsoDate(first) || !isIsoDate(last) || first > last) return null;
  const weeks = absenceWeeks({ first, last });
  return (
    <span className="leave-weeks" role="status">
      {weeks ? t('countsAsAbsence').replace('{weeks}', formatAbsenceWeeks(weeks, lang)) : t('noWorkingDay')}
    </span>
  );
}
