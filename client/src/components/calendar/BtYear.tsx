// The doctor's BT as a calendar: from the start to the end of the last placement (not the
// calendar year), titled "BT feb 2026 – feb 2027". On a desktop a few months at a time with
// previous/next, opening on today's month (the server's today); on a phone a list by month.
import { useState } from 'react';
import type { Schedule } from '../../../../shared/api/doctors';
import { lastDayOf, monthsBetween, openingMonth, windowStart } from '../../../../shared/domain/bt-span';
import { formatMonth } from '../../../../shared/domain/dates';
import { useLang } from '../../i18n/lang';
import { MonthList } from './MonthList';
import { useNarrow } from './useNarrow';
import { BT_MONTHS, YearCalendar, type YearEvent } from './YearCalendar';

export interface BtYearProps {
  events: YearEvent[];
  /** The published BT's span; without one, the span of the events. */
  bt: Pick<NonNullable<Schedule['bt']>, 'start' | 'end'> | null;
  /** The server's date. */
  today: string;
}

export function BtYear({ events, bt, today }: BtYearProps) {
  const { t, lang } = useLang();
  const narrow = useNarrow();
  const first = bt?.start ?? events.reduce((a, e) => (e.start < a ? e.start : a), events[0]!.start);
  const last = bt ? lastDayOf({ to: bt.end }) : lastDayOf({ to: events.reduce((a, e) => (e.end > a ? e.end : a), events[0]!.end) });
  const months = monthsBetween(first, last);
  const opening = openingMonth(today, first, last);
  const home = windowStart(months, opening, BT_MONTHS);
  const [start, setStart] = useState(home);
  const shown = months.slice(start, start + BT_MONTHS);
  const title = t('btTitle').replace('{from}', formatMonth(first, lang)).replace('{to}', formatMonth(last, lang));
  const step = (by: number) => setStart(Math.max(0, Math.min(start + by, months.length - BT_MONTHS)));
  return (
    <div className="bt-year">
      <h3>{title}</h3>
      {narrow ? (
        <MonthList events={events} months={months} current={opening} />
      ) : (
        <>
          <div className="toolbar bt-year-toolbar" role="group" aria-label={title}>
            <button type="button" onClick={() => step(-BT_MONTHS)} disabled={start === 0}>
              <span aria-hidden="true">‹</span> {t('previousMonths')}
            </button>
            <button type="button" onClick={() => setStart(home)} disabled={start === home}>
              {t('today')}
            </button>
            <button type="button" onClick={() => step(BT_MONTHS)} disabled={start + BT_MONTHS >= months.length}>
              {t('nextMonths')} <span aria-hidden="true">›</span>
            </button>
            <span className="bt-year-range" aria-live="polite">
              {formatMonth(shown[0]!, lang)} – {formatMonth(shown.at(-1)!, lang)}
            </span>
          </div>
          <YearCalendar events={events} initialDate={`${shown[0]}-01`} today={today} />
        </>
      )}
    </div>
  );
}
