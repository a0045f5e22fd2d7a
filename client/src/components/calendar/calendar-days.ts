// The words of a day from the doctor's calendar (shared/calendar/days.ts) in the year view: a
// meeting of a fixed kind in the user's language, an assessment as the feed names it (the region's
// kinds have Swedish names), a timed one with its start.
import type { CalendarDay } from '../../../../shared/calendar/days';
import type { TextKey } from '../../i18n/texts';

const CATEGORY_TEXT: Partial<Record<string, TextKey>> = {
  teaching: 'event-teaching',
  'study-time': 'event-study-time',
  council: 'event-council',
  kollegium: 'event-kollegium',
};

export function calendarDayTitle(day: Pick<CalendarDay, 'title' | 'time'> & { category: string }, t: (key: TextKey) => string): string {
  const key = CATEGORY_TEXT[day.category];
  const title = key ? t(key) : day.title;
  return day.time ? `${title} ${day.time}` : title;
}
