// The week grid's head, shared by the planning board and the region's load view: months on one
// line, ISO week numbers on the next, this week marked. Columns are --week wide (board.css).
import { memo } from 'react';
import { addDays } from '../../../../shared/domain/dates';
import { formatWeek, type Week } from '../../../../shared/domain/weeks';
import { useLang } from '../../i18n/lang';
import './board.css';

/** Runs of weeks by the month of their Thursday (the ISO rule for which month a week is in). */
export function monthSpans(weeks: Week[], lang: string): { from: number; span: number; name: string }[] {
  const format = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const spans: { from: number; span: number; name: string; key: string }[] = [];
  weeks.forEach((w, i) => {
    const month = addDays(w, 3).slice(0, 7);
    const last = spans.at(-1);
    if (last && last.key === month) last.span++;
    else spans.push({ from: i, span: 1, key: month, name: format.format(new Date(`${month}-01T00:00:00Z`)) });
  });
  return spans;
}

function Header({ weeks, todayColumn }: { weeks: Week[]; /** Index of this week's column, -1 when not shown. */ todayColumn: number }) {
  const { t, lang } = useLang();
  const months = monthSpans(weeks, lang);
  return (
    <>
      <div className="board-head">
        <div className="board-name" />
        <div className="board-track">
          {months.map((m) => (
            <span key={m.from} className="board-month" style={{ left: `calc(${m.from} * var(--week))`, width: `calc(${m.span} * var(--week))` }}>
              {m.name}
            </span>
          ))}
        </div>
      </div>
      <div className="board-head">
        <div className="board-name">{t('week')}</div>
        <div className="board-track">
          {weeks.map((w, i) => (
            <span key={w} title={formatWeek(w, lang)} className={i === todayColumn ? 'board-week week-today' : 'board-week'} style={{ left: `calc(${i} * var(--week))`, width: 'var(--week)' }}>
              {formatWeek(w).split(' ')[1]}
            </span>
          ))}
        </div>
      </div>
    </>
  );
}

export const WeekHeader = memo(Header);
