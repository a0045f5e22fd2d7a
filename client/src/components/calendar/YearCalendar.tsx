// The only place that knows FullCalendar: a year view (multi-month) and a list of the same events.
import FullCalendar from '@fullcalendar/react';
import listPlugin from '@fullcalendar/react/list';
import multiMonthPlugin from '@fullcalendar/react/multimonth';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import 'temporal-polyfill/global';

export interface YearEvent {
  id: string;
  title: string;
  /** 'YYYY-MM-DD' for all-day events (end exclusive). */
  start: string;
  end: string;
}

export function YearCalendar({ events, initialDate, view = 'multiMonthYear' }: { events: YearEvent[]; initialDate: string; view?: 'multiMonthYear' | 'listYear' }) {
  return (
    <div className={`year-calendar year-calendar-${view}`}>
      <FullCalendar
        plugins={[multiMonthPlugin, listPlugin, classicThemePlugin]}
        initialView={view}
        initialDate={initialDate}
        locale="sv"
        firstDay={1}
        events={events.map((e) => ({ ...e, allDay: true }))}
        height="auto"
      />
    </div>
  );
}
