// Replanning a cohort against its published plan: from which week it may be replanned (the
// past is a record, see past-record.ts), and what the new plan does to the people in it — how
// many placements and doctors change, and whose BT now ends in another week (a leave extends it).
import type { Assignment } from '../format/plan';
import type { IsoDate } from './dates';
import { planDiff, type PlanChange } from './plan-diff';
import { addWeeks, mondayOf, type Week } from './weeks';

/** The first week a replan may change: the coming Monday (this week has begun, so it is kept). */
export function comingMonday(today: IsoDate): Week {
  return addWeeks(mondayOf(today), 1);
}

/** The Mondays a replan may start from: the coming one up to the plan's last week. */
export function replanWeeks(today: IsoDate, assignments: readonly Assignment[]): Week[] {
  const end = [...btEnds(assignments).values()].reduce((a, b) => (a > b ? a : b), '');
  const weeks: Week[] = [];
  for (let week = comingMonday(today); week < end; week = addWeeks(week, 1)) weeks.push(week);
  return weeks;
}

/** After a leave is granted: replan from the coming Monday, or from the leave's first week when that is later. */
export function leaveReplanFrom(today: IsoDate, leaveFrom: IsoDate): Week {
  const coming = comingMonday(today);
  const first = mondayOf(leaveFrom);
  return first > coming ? first : coming;
}

export interface EndMoved {
  doctor: string;
  /** The BT's end, as the `to` (exclusive Monday) of the doctor's last assignment. */
  before: Week;
  after: Week;
}

export interface ChangeSummary {
  changes: PlanChange[];
  placements: number;
  doctors: number;
  /** Doctors whose BT ends in another week, by doctor id. */
  endsMoved: EndMoved[];
}

/** The BT's end per doctor: the latest `to` of its assignments. */
export function btEnds(assignments: readonly Assignment[]): Map<string, Week> {
  const ends = new Map<string, Week>();
  for (const a of assignments) if (a.to > (ends.get(a.doctor) ?? '')) ends.set(a.doctor, a.to);
  return ends;
}

export function changeSummary(before: Assignment[], after: Assignment[]): ChangeSummary {
  const changes = planDiff(before, after);
  const was = btEnds(before);
  const endsMoved: EndMoved[] = [];
  for (const [doctor, end] of btEnds(after)) {
    const earlier = was.get(doctor);
    if (earlier !== undefined && earlier !== end) endsMoved.push({ doctor, before: earlier, after: end });
  }
  return {
    changes,
    placements: changes.length,
    doctors: new Set(changes.map((c) => c.doctor)).size,
    endsMoved: endsMoved.sort((a, b) => a.doctor.localeCompare(b.doctor)),
  };
}
