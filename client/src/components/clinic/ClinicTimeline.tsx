// A clinic's site on the week grid: one row per incoming or present BT doctor, their placement
// there a bar; months and ISO weeks on top, this week marked "I dag". A real table (row and
// column headers name every bar) in a box that scrolls sideways and takes the keyboard focus.
// Names arrive from the server as the clinic may see them: a protected identity masked.
import type { Incoming } from '../../../../shared/api/doctors';
import { builtInBlockKind } from '../../../../shared/domain/block-kinds';
import { PROTECTED_NAME_SV } from '../../../../shared/domain/labels';
import { blockLabel } from '../../../../shared/domain/labels';
import { formatWeek, formatWeekRange, mondayOf, weeksBetween, weeksOf, type Week } from '../../../../shared/domain/weeks';
import { useLang } from '../../i18n/lang';
import { monthSpans } from '../timeline/WeekHeader';
import '../timeline/board.css';
import './clinic-timeline.css';

export interface TimelineRow {
  key: string;
  name: string;
  cohort: string;
  placements: Incoming[];
}

/**
 * One row per doctor, by their first week. The list has no doctor ids: a doctor is their shown
 * name in their cohort, except a masked one — two protected doctors must not share a row.
 */
export function timelineRows(incoming: readonly Incoming[]): TimelineRow[] {
  const rows = new Map<string, TimelineRow>();
  incoming.forEach((i, n) => {
    const key = i.name === PROTECTED_NAME_SV ? `protected-${n}` : `${i.cohort}\u0000${i.name}`;
    const row = rows.get(key) ?? { key, name: i.name, cohort: i.cohort, placements: [] };
    row.placements.push(i);
    rows.set(key, row);
  });
  for (const row of rows.values()) row.placements.sort((a, b) => a.from.localeCompare(b.from));
  return [...rows.values()].sort((a, b) => a.placements[0]!.from.localeCompare(b.placements[0]!.from) || a.name.localeCompare(b.name));
}

/** The weeks shown: this week (when earlier) or the first placement's, to the last placement's end. */
export function timelineWeeks(incoming: readonly Incoming[], today: string): Week[] {
  const first = incoming.reduce((a, i) => (i.from < a ? i.from : a), mondayOf(today));
  const end = incoming.reduce((a, i) => (i.to > a ? i.to : a), first);
  return weeksOf({ from: first, to: end });
}

export function ClinicTimeline({ incoming, today, siteName }: { incoming: Incoming[]; today: string; siteName: string }) {
  const { t, lang } = useLang();
  const weeks = timelineWeeks(incoming, today);
  const todayColumn = weeks.indexOf(mondayOf(today));
  const label = t('timelineOf').replace('{site}', siteName);
  return (
    <div className="clinic-timeline" role="region" aria-label={label} tabIndex={0} style={{ ['--weeks' as string]: weeks.length }}>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <colgroup>
          <col className="ct-name-col" />
          <col span={weeks.length} className="ct-week-col" />
        </colgroup>
        <thead>
          <tr>
            <td />
            {monthSpans(weeks, lang).map((m) => (
              <th key={m.from} scope="colgroup" colSpan={m.span} className="ct-month">
                {m.name}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">{t('doctor')}</th>
            {weeks.map((w, i) => (
              <th key={w} scope="col" title={formatWeek(w, lang)} className={i === todayColumn ? 'ct-week ct-today' : 'ct-week'} aria-label={i === todayColumn ? `${formatWeek(w, lang)}, ${t('today')}` : formatWeek(w, lang)}>
                {formatWeek(w).split(' ')[1]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {timelineRows(incoming).map((row) => (
            <tr key={row.key} data-row={row.name}>
              <th scope="row" title={`${row.name}, ${row.cohort}`}>
                {row.name}
              </th>
              {cells(row.placements, weeks, todayColumn, lang)}
            </tr>
          ))}
        </tbody>
      </table>
      {todayColumn >= 0 && <div className="ct-today-line" role="img" aria-label={`${t('today')}: ${formatWeek(weeks[todayColumn]!, lang)}`} style={{ ['--today' as string]: todayColumn }} />}
    </div>
  );
}

/** The row's cells: gaps as empty cells, each placement one cell spanning its weeks. */
function cells(placements: Incoming[], weeks: Week[], todayColumn: number, lang: 'sv' | 'en') {
  const out = [];
  let column = 0;
  for (const p of placements) {
    const from = Math.max(column, weeksBetween(weeks[0]!, p.from));
    const span = Math.min(weeks.length, weeksBetween(weeks[0]!, p.to)) - from;
    if (span <= 0) continue;
    if (from > column) out.push(<td key={`gap-${column}`} colSpan={from - column} className={gapClass(column, from, todayColumn)} />);
    const category = builtInBlockKind(p.kind)?.category ?? 'other';
    const name = blockLabel({ id: p.block, kind: p.kind }, lang);
    const range = formatWeekRange(p, lang);
    out.push(
      <td key={`${p.block}-${p.from}`} colSpan={span} className={`ct-bar bar-${category}`} title={`${name}, ${range}`} data-from={from} data-span={span}>
        {name}
        <span className="visually-hidden">, {range}</span>
      </td>,
    );
    column = from + span;
  }
  if (column < weeks.length) out.push(<td key={`gap-${column}`} colSpan={weeks.length - column} className={gapClass(column, weeks.length, todayColumn)} />);
  return out;
}

const gapClass = (from: number, to: number, todayColumn: number) => (todayColumn >= from && todayColumn < to ? 'ct-gap ct-gap-today' : 'ct-gap');
