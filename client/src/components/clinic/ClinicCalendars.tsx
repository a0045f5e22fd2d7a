// A site's incoming doctors on a calendar: the week timeline (one row per doctor) or the month
// view (one bar per placement), both opening at the server's today.
import { useState } from 'react';
import type { Incoming } from '../../../../shared/api/doctors';
import { blockLabel } from '../../../../shared/domain/labels';
import { useLang } from '../../i18n/lang';
import { YearCalendar } from '../calendar/YearCalendar';
import { ClinicTimeline } from './ClinicTimeline';

export function ClinicCalendars({ incoming, today, siteName }: { incoming: Incoming[]; today: string; siteName: string }) {
  const { t, lang } = useLang();
  const [view, setView] = useState<'timeline' | 'month'>('timeline');
  if (incoming.length === 0) return null;
  return (
    <>
      <div className="toolbar" role="group" aria-label={t('calendar')}>
        <button type="button" aria-pressed={view === 'timeline'} onClick={() => setView('timeline')}>
          {t('timelineView')}
        </button>
        <button type="button" aria-pressed={view === 'month'} onClick={() => setView('month')}>
          {t('monthView')}
        </button>
      </div>
      {view === 'timeline' ? (
        <ClinicTimeline incoming={incoming} today={today} siteName={siteName} />
      ) : (
        <YearCalendar
          view="dayGridMonth"
          initialDate={today}
          today={today}
          events={incoming.map((i, n) => ({ id: `${n}`, title: `${i.name} – ${blockLabel({ id: i.block, kind: i.kind }, lang)}`, start: i.from, end: i.to }))}
        />
      )}
    </>
  );
}
