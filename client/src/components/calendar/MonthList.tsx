// The doctor's year on a phone: one section per month of the BT with what runs in it, today's
// month first; the months before it folded away under "Tidigare månader".
import { addMonths } from '../../../../shared/domain/bt-span';
import { addDays, formatDateRange } from '../../../../shared/domain/dates';
import { Disclosure } from '../Disclosure';
import { useLang } from '../../i18n/lang';
import type { YearEvent } from './YearCalendar';

/** "december 2026" (English "December 2026"). */
export function monthName(month: string, lang: 'sv' | 'en'): string {
  const format = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(`${month}-01T00:00:00Z`));
}

/** `months`: 'YYYY-MM' in order; `current`: the month shown first. */
export function MonthList({ events, months, current }: { events: YearEvent[]; months: string[]; current: string }) {
  const { t } = useLang();
  const at = Math.max(0, months.indexOf(current));
  const earlier = months.slice(0, at);
  return (
    <div className="month-list">
      {earlier.length > 0 && (
        <Disclosure summary={t('earlierMonths').replace('{n}', String(earlier.length))}>
          {() => earlier.map((m) => <Month key={m} month={m} events={events} />)}
        </Disclosure>
      )}
      {months.slice(at).map((m) => (
        <Month key={m} month={m} events={events} current={m === current} />
      ))}
    </div>
  );
}

function Month({ month, events, current = false }: { month: string; events: YearEvent[]; current?: boolean }) {
  const { t, lang } = useLang();
  const [first, next] = [`${month}-01`, `${addMonths(month, 1)}-01`];
  const shown = events.filter((e) => e.start < next && e.end > first).sort((a, b) => a.start.localeCompare(b.start));
  const id = `month-${month}`;
  return (
    <section className="month" aria-labelledby={id} data-month={month} {...(current ? { 'aria-current': 'date' as const } : {})}>
      <h4 id={id}>{monthName(month, lang)}</h4>
      {shown.length === 0 ? (
        <p>{t('nothingThisMonth')}</p>
      ) : (
        <ul>
          {shown.map((e) => (
            <li key={e.id}>
              <strong>{e.title}</strong>: <span className="month-dates">{formatDateRange({ from: e.start, to: addDays(e.end, -1) }, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
