// Replanning against the published plan, as the board offers it: the Mondays a replan may start
// from (the coming one by the server's `today`, to the plan's last week) and the one chosen; after
// a granted leave, an offer to replan from its first week; and, per draft a replan made, the week
// it started from (what the draft's summary says).
import { useEffect, useMemo, useState } from 'react';
import type { DoctorRequest } from '../../../shared/api/requests';
import { absenceWeeks } from '../../../shared/domain/leave-days';
import { leaveReplanFrom, replanWeeks } from '../../../shared/domain/replanning';
import type { Assignment } from '../../../shared/format/plan';

/** A granted leave the board offers to replan for, from `from`. */
export interface LeaveOffer {
  doctorName: string;
  /** The absence weeks the leave's days take. */
  leave: { from: string; to: string };
  from: string;
}

export function useReplanning(cohort: string | undefined, today: string, published: Assignment[] | undefined) {
  const [chosen, choose] = useState<string>();
  const [leaveOffer, setLeaveOffer] = useState<LeaveOffer>();
  const [madeFrom, setMadeFrom] = useState(new Map<string, string>());
  useEffect(() => {
    choose(undefined);
    setLeaveOffer(undefined);
  }, [cohort]);
  const weeks = useMemo(() => (published ? replanWeeks(today, published) : []), [published, today]);
  return {
    /** Mondays to replan from; none without a published plan (the solver then plans the whole year). */
    weeks,
    /** The week chosen, else the coming Monday. */
    from: chosen && weeks.includes(chosen) ? chosen : weeks[0],
    choose,
    leaveOffer,
    /** A decision on a request: a granted leave of a published year offers a replan. */
    decided(request: DoctorRequest, decision: 'approve' | 'reject', doctorName: string) {
      if (decision !== 'approve' || request.request.kind !== 'leave' || !published) return;
      const leave = absenceWeeks(request.request.leave);
      if (leave) setLeaveOffer({ doctorName, leave, from: leaveReplanFrom(today, leave.from) });
    },
    /** The offer is taken: its week becomes the one chosen. */
    takeOffer(): string | undefined {
      if (!leaveOffer) return undefined;
      choose(leaveOffer.from);
      setLeaveOffer(undefined);
      return leaveOffer.from;
    },
    /** A replan's draft and the week it started from. */
    made(plan: string, from: string) {
      setMadeFrom((m) => new Map(m).set(plan, from));
    },
    fromOf: (plan: string | undefined) => (plan ? madeFrom.get(plan) : undefined),
  };
}
