// Doctors' pending wish and leave requests of a cohort, by doctor name, to approve (leave becomes
// an absence, a wish joins the doctor's wishes) or reject. The board loads the list (its count
// shows on the board) and hears of each decision (an approved leave offers a replan).
import { useEffect, useState } from 'react';
import type { DoctorRequest } from '../../../shared/api/requests';
import { blockLabel } from '../../../shared/domain/labels';
import { absenceWeeks, formatAbsenceWeeks, formatLeaveDays } from '../../../shared/domain/leave-days';
import { formatWeek } from '../../../shared/domain/weeks';
import type { Problem } from '../../../shared/format/problem';
import { background } from '../api/background';
import { api, failureMessage } from '../api/client';
import { useLang } from '../i18n/lang';

export interface RequestsPanelProps {
  cohort: string;
  problem: Problem;
  requests: DoctorRequest[];
  /** After a decision was saved — or refused (`decision` undefined): either way the list is stale. */
  onDecided: (request: DoctorRequest, decision: 'approve' | 'reject' | undefined, doctorName: string) => void;
}

export function RequestsPanel({ cohort, problem, requests, onDecided }: RequestsPanelProps) {
  const { t, lang } = useLang();
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string>();
  // Requests name doctors by uuid; the problem by code.
  useEffect(() => background(api.doctors(cohort).then((list) => setNames(new Map(list.map((d) => [d.uuid, d.name]))))), [cohort]);
  const describe = (r: DoctorRequest) => {
    if (r.request.kind === 'leave') {
      // The days asked for, and the weeks they will take (what the coordinator's board will show).
      const { reason, ...days } = r.request.leave;
      const weeks = absenceWeeks(days);
      return `${t('leave')} ${formatLeaveDays(days, lang)}${weeks ? ` (${formatAbsenceWeeks(weeks, lang)})` : ''}${reason ? ` (${reason})` : ''}`;
    }
    const { block, site, from } = r.request.wish;
    const b = problem.blocks.find((x) => x.id === block);
    const siteName = site ? (problem.sites.find((s) => s.id === site)?.name ?? site) : undefined;
    return `${t('wish')}: ${[b ? blockLabel(b, lang) : block, siteName, from ? formatWeek(from, lang) : undefined].filter(Boolean).join(', ')}`;
  };
  const decide = async (r: DoctorRequest, decision: 'approve' | 'reject') => {
    let decided: typeof decision | undefined = decision;
    try {
      await api.decide(r.uuid, decision, r.version);
      setMessage(undefined);
    } catch (err) {
      setMessage(failureMessage(err, t, {}, lang));
      decided = undefined;
    }
    onDecided(r, decided, names.get(r.doctor) ?? '');
  };
  return (
    <>
      {message && <p role="alert">{message}</p>}
      {requests.length === 0 ? (
        <p>{t('noRequests')}</p>
      ) : (
        <ul className="pending-requests">
          {requests.map((r) => (
            <li key={r.uuid} data-request={r.uuid}>
              {names.get(r.doctor) ?? '…'}: {describe(r)}{' '}
              {(['approve', 'reject'] as const).map((decision) => (
                <button key={decision} type="button" onClick={() => background(decide(r, decision))}>
                  {t(decision)}
                </button>
              ))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
