// The doctor's year as a list in date order: placements, vacation, cohort weeks and absences,
// each with its weeks and its days (the last day inclusive), then when the BT ends and by how
// much absence has extended it.
import type { Schedule } from '../../../../shared/api/doctors';
import { builtInBlockKind } from '../../../../shared/domain/block-kinds';
import { lastDayOf } from '../../../../shared/domain/bt-span';
import { formatDateRange } from '../../../../shared/domain/dates';
import { blockLabel } from '../../../../shared/domain/labels';
import { formatWeekRange } from '../../../../shared/domain/weeks';
import { useLang } from '../../i18n/lang';

export function YearList({ schedule }: { schedule: Pick<Schedule, 'assignments' | 'absences' | 'bt'> }) {
  const { t, lang } = useLang();
  type Entry = { key: string; weeks: { from: string; to: string }; days: { from: string; to: string } } & ({ assignment: Schedule['assignments'][number] } | { reason: string | undefined });
  const entries: Entry[] = [
    ...schedule.assignments.map((a) => ({ key: a.placement, weeks: a, days: { from: a.from, to: lastDayOf(a) }, assignment: a })),
    ...schedule.absences.map((a) => ({ key: `absence-${a.from}`, weeks: a, days: { from: a.first, to: a.last }, reason: a.reason })),
  ];
  // By first day; a placement before an absence that starts the same day (the absence cuts into it).
  entries.sort((x, y) => x.days.from.localeCompare(y.days.from) || Number('reason' in x) - Number('reason' in y));
  const bt = schedule.bt;
  return (
    <>
      <ul className="placement-list">
        {entries.map((e) => {
          const when = `${formatWeekRange(e.weeks, lang)} (${formatDateRange(e.days, lang)})`;
          if ('reason' in e) {
            return (
              <li key={e.key} className="absence-entry">
                {when}: {t('absence')}
                {e.reason && e.reason !== t('absence') ? ` (${e.reason})` : ''}
              </li>
            );
          }
          const a = e.assignment;
          const goals = builtInBlockKind(a.kind)?.goals ?? [];
          return (
            <li key={e.key}>
              {when}: {blockLabel({ id: a.block, kind: a.kind }, lang)}
              {a.siteName ? ` – ${a.siteName}` : ''}
              {a.address ? ` (${a.address})` : ''}
              {goals.length ? <span className="goals"> · {t('goals')}: {goals.join(', ')}</span> : null}
            </li>
          );
        })}
      </ul>
      {bt && (
        <p className="bt-end">
          {t('btEnds').replace('{date}', lastDayOf({ to: bt.end }))}
          {bt.extendedWeeks > 0 ? ` · ${bt.extendedWeeks === 1 ? t('btExtendedOne') : t('btExtendedMany').replace('{n}', String(bt.extendedWeeks))}` : ''}
        </p>
      )}
    </>
  );
}
