// The only place that knows FullCalendar: a year view (multi-month), a month view and a list of
// the same events.
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import listPlugin from '@fullcalendar/react/list';
import multiMonthPlugin from '@fullcalendar/react/multimonth';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import 'temporal-polyfill/global';

export type CalendarView = 'multiMonthYear' | 'dayGridMonth' | 'listYear';

export interface YearEvent {
  id: string;
  title: string;
  /** 'YYYY-MM-DD' for all-day events (end exclusive). */
  start: string;
  end: string;
}

export function YearCalendar({ events, initialDate, view = 'multiMonthYear' }: { events: YearEvent[]; initialDate: string; view?: CalendarView }) {
  return (
    <div className={`year-calendar year-calendar-${view}`}>
      <FullCalendar
        key={view}
        plugins={[multiMonthPlugin, dayGridPlugin, listPlugin, classicThemePlugin]}
        initialView={view}
        initialDate={initialDate}
        locale="sv"
        firstDay={1}
        events={events.map((e) => ({ ...e, allDay: true }))}
        // Dark enough for white text at small sizes (WCAG AA); FullCalendar's default blue is not.
        eventColor="#1f618d"
        eventContrastColor="#fff"
        height="auto"
      />
    </div>
  );
}
