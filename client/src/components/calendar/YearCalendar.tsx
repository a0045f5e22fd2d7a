// The only place that knows FullCalendar: a few months side by side (the doctor's BT, whose
// title and steps BtYear draws) and a month view with FullCalendar's own title and
// previous/next/today, in the user's language. FullCalendar's own Swedish words ("Heldag", "Idag") need its locale object: the
// code 'sv' alone leaves them English.
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import svLocale from '@fullcalendar/react/locales/sv';
import multiMonthPlugin from '@fullcalendar/react/multimonth';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import 'temporal-polyfill/global';
import { useLang } from '../../i18n/lang';

/** `btMonths`: BT_MONTHS months side by side; `dayGridMonth`: one month. */
export type CalendarView = 'btMonths' | 'dayGridMonth';

/** Months the BT view shows at once: a quarter fits side by side at 1280 px (four wrapped 3 + 1). */
export const BT_MONTHS = 3;

export interface YearEvent {
  id: string;
  title: string;
  /** 'YYYY-MM-DD' for all-day events (end exclusive). */
  start: string;
  end: string;
  /** A calendar event's category (study time, BT-råd, assessments…): its colour. Placements and absences have none. */
  category?: string;
}

/**
 * A colour per kind of meeting, each dark enough for white text (WCAG AA, ≥ 4.5:1), so study
 * time, BT-råd and assessments stand out from the placements (the default colour).
 */
export const CATEGORY_COLOURS: Record<string, string> = {
  teaching: '#5b2c6f',
  'study-time': '#1d6b4f',
  council: '#8a4500',
  kollegium: '#9c2a2a',
  assessment: '#9c2a2a',
  'planned-assessment': '#9c2a2a',
  'external-assessment': '#9c2a2a',
};

export interface YearCalendarProps {
  events: YearEvent[];
  initialDate: string;
  view?: CalendarView;
  /** The server's date: what FullCalendar marks and goes to as today (not the browser's clock). */
  today: string;
}

export function YearCalendar({ events, initialDate, view = 'btMonths', today }: YearCalendarProps) {
  const { t, lang } = useLang();
  return (
    <div className={`year-calendar year-calendar-${view}`}>
      <FullCalendar
        key={view === 'btMonths' ? `${view}-${initialDate}` : view}
        plugins={[multiMonthPlugin, dayGridPlugin, classicThemePlugin]}
        views={{ btMonths: { type: 'multiMonth', duration: { months: BT_MONTHS } } }}
        initialView={view}
        initialDate={initialDate}
        now={today}
        locale={lang === 'sv' ? svLocale : 'en'}
        firstDay={1}
        // A window of months has no toolbar of its own: FullCalendar words a toolbar's hints by the
        // view's unit and a view of several months has none. A new window is a new calendar.
        headerToolbar={view === 'btMonths' ? false : { start: 'title', end: 'today prev,next' }}
        multiMonthMaxColumns={BT_MONTHS}
        // Each month shows its own days only: the neighbours' are greyed below AA contrast.
        showNonCurrentDates={false}
        fixedWeekCount={false}
        // FullCalendar's today button reads "Idag" but is named "Denna månad": a name without its
        // visible text (WCAG 2.5.3). Ours is the app's word, in both.
        buttons={{ today: { text: t('today'), hint: t('today') } }}
        events={events.map(({ category, ...e }) => ({ ...e, allDay: true, ...(category && CATEGORY_COLOURS[category] ? { color: CATEGORY_COLOURS[category] } : {}) }))}
        // Dark enough for white text at small sizes (WCAG AA); FullCalendar's default blue is not.
        eventColor="#1f618d"
        eventContrastColor="#fff"
        height="auto"
      />
    </div>
  );
}
