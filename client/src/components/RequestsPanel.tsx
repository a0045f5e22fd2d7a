// Doctors' pending wish and leave requests of a cohort, by doctor name, to approve (leave becomes
// an absence, a wish joins the doctor's wishes) or reject.
import { useEffect, useState } from 'react';
import type { DoctorRequest } from '../../../shared/api/requests';
import { blockLabel } from '../../../shared/domain/labels';
import { formatWeek } from '../../../shared/domain/weeks';
import type { Problem } from '../../../shared/format/problem';
import { background } from '../api/background';
import { api, failureMessage } from '../api/client';
import { useLang } from '../i18n/lang';

export function RequestsPanel({ cohort, problem, onDecided }: { cohort: string; problem: Problem; onDecided: () => void }) {
  const { t, lang } = useLang();
  const [requests, setRequests] = useState<DoctorRequest[]>([]);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string>();
  const load = () => background(api.cohortRequests(cohort).then(setRequests));
  useEffect(load, [cohort]);
  // Requests name doctors by uuid; the problem by code.
  useEffect(() => background(api.doctors(cohort).then((list) => setNames(new Map(list.map((d) => [d.uuid, d.name]))))), [cohort]);
  const describe = (r: DoctorRequest) => {
    if (r.request.kind === 'leave') {
      const { from, to, reason } = r.request.leave;
      return `${t('leave')} ${from} – ${to}${reason ? ` (${reason})` : ''}`;
    }
    const { block, site, from } = r.request.wish;
    const b = problem.blocks.find((x) => x.id === block);
    const siteName = site ? (problem.sites.find((s) => s.id === site)?.name ?? site) : undefined;
    return `${t('wish')}: ${[b ? blockLabel(b, lang) : block, siteName, from ? formatWeek(from, lang) : undefined].filter(Boolean).join(', ')}`;
  };
  if (requests.length === 0) return <p>{t('noRequests')}</p>;
  return (
    <>
      {message && <p role="alert">{message}</p>}
      <ul className="pending-requests">
        {requests.map((r) => (
          <li key={r.uuid} data-request={r.uuid}>
            {names.get(r.doctor) ?? '…'}: {describe(r)}{' '}
            {(['approve', 'reject'] as const).map((decision) => (
              <button
                key={decision}
                type="button"
                onClick={async () => {
                  try {
                    await api.decide(r.uuid, decision, r.version);
                    setMessage(undefined);
                    onDecided();
                  } catch (err) {
                    setMessage(failureMessage(err, t));
                  }
                  load();
                }}
              >
                {t(decision)}
              </button>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}
