// A doctor's year: the published placements in a year view and a list, the BT checklist (read
// only, printable), and the calendar feed link (FeedLink: the same on every visit) and a one-off download.
import { useEffect, useState } from 'react';
import type { Schedule } from '../../../shared/api/doctors';
import { builtInBlockKind } from '../../../shared/domain/block-kinds';
import { blockLabel } from '../../../shared/domain/labels';
import type { Wish } from '../../../shared/format/problem';
import { addDays } from '../../../shared/domain/dates';
import { formatWeek } from '../../../shared/domain/weeks';
import { formatLeaveDays } from '../../../shared/domain/leave-days';
import { wishMet } from '../../../shared/domain/wishes';
import { background } from '../api/background';
import { api } from '../api/client';
import type { DoctorRequest } from '../../../shared/api/requests';
import { DoctorChecklist } from '../components/checklist/DoctorChecklist';
import { FeedLink } from '../components/FeedLink';
import { LeaveRequestForm } from '../components/LeaveRequestForm';
import { WishRequestForm } from '../components/WishRequestForm';
import { BtYear } from '../components/calendar/BtYear';
import type { YearEvent } from '../components/calendar/YearCalendar';
import { calendarDayTitle } from '../components/calendar/calendar-days';
import { YearList } from '../components/doctor/YearList';
import { useLang } from '../i18n/lang';

/** `today`: the server's date — the month the year opens on. */
export function DoctorPage({ doctorId, today }: { doctorId: string; today: string }) {
  const { t, lang } = useLang();
  const [schedule, setSchedule] = useState<Schedule>();
  const [requests, setRequests] = useState<DoctorRequest[]>([]);
  useEffect(() => {
    background(api.schedule(doctorId).then(setSchedule));
    background(api.requests(doctorId).then(setRequests));
  }, [doctorId]);
  if (!schedule) return <p>{t('loading')}</p>;
  const events: YearEvent[] = [
    ...schedule.assignments.map((a) => ({
      id: a.placement,
      title: `${builtInBlockKind(a.kind)?.name_sv ?? a.block}${a.siteName ? ` – ${a.siteName}` : ''}`,
      start: a.from,
      end: a.to,
    })),
    // The days taken, as asked for (the whole weeks they take show in the list).
    ...schedule.absences.map((a) => ({ id: `franvaro-${a.first}`, title: a.reason ?? t('absence'), start: a.first, end: addDays(a.last, 1) })),
    // Teaching, study time, BT-råd and assessments, as in the doctor's feed.
    ...(schedule.calendar ?? []).map((d) => ({ id: d.id, title: calendarDayTitle(d, t), start: d.date, end: addDays(d.date, 1), category: d.category })),
  ];
  const describeWish = (wish: Wish) => {
    const choice = schedule.choices.find((c) => c.block === wish.block);
    const block = choice ? blockLabel({ id: choice.block, kind: choice.kind, ...(choice.name ? { name: choice.name } : {}) }, lang) : wish.block;
    const site = wish.site ? (choice?.sites.find((x) => x.id === wish.site)?.name ?? wish.site) : undefined;
    return [block, site, wish.from ? formatWeek(wish.from, lang) : undefined].filter(Boolean).join(', ');
  };
  // An approved wish is only a wish the planner weighs until a published plan meets it.
  const requestStatus = (r: DoctorRequest) => {
    if (r.request.kind !== 'wish' || r.status !== 'approved') return t(r.status);
    const wish = r.request.wish;
    const placed = schedule.assignments.find((a) => a.block === wish.block);
    return placed && wishMet(wish, placed.site, placed.from) ? t('wishMetInPlan') : t('wishRegistered');
  };
  return (
    <section aria-label={t('myYear')}>
      <h2>{t('myYear')}</h2>
      {events.length === 0 ? <p>{t('noneYet')}</p> : <BtYear events={events} bt={schedule.bt} today={today} />}
      <DoctorChecklist doctor={doctorId} canRecord={false} today={today} />
      <h3>{t('myFeed')}</h3>
      <FeedLink owner="doctors" id={doctorId} label={t('myFeed')} />
      <p>
        <a href={`/api/doctors/${doctorId}/calendar.ics`}>{t('download')}</a>
      </p>
      <h3>{t('wishRequest')}</h3>
      <WishRequestForm
        choices={schedule.choices}
        onSubmit={async (wish) => {
          await api.requestWish(doctorId, wish);
          setRequests(await api.requests(doctorId));
        }}
      />
      <h3>{t('leaveRequest')}</h3>
      <LeaveRequestForm
        onSubmit={async (leave) => {
          await api.requestLeave(doctorId, leave);
          setRequests(await api.requests(doctorId));
        }}
      />
      <h3>{t('myRequests')}</h3>
      <ul className="requests">
        {requests.map((r) => (
          <li key={r.uuid} data-status={r.status}>
            {r.request.kind === 'leave' ? `${t('leave')} ${formatLeaveDays(r.request.leave, lang)}` : `${t('wish')}: ${describeWish(r.request.wish)}`}: {requestStatus(r)}
          </li>
        ))}
      </ul>
      <h3>{t('placements')}</h3>
      {schedule.supervisor && (
        <p>
          {t('supervisor')}: {schedule.supervisor}
        </p>
      )}
      <YearList schedule={schedule} />
    </section>
  );
}
