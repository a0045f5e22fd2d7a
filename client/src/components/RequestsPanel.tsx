// Doctors' pending wish and leave requests of a cohort, to approve (leave becomes an absence)
// or reject.
import { useEffect, useState } from 'react';
import type { DoctorRequest } from '../../../shared/api/requests';
import { background } from '../api/background';
import { api } from '../api/client';
import { useLang } from '../i18n/lang';

export function RequestsPanel({ cohort, doctorNames, onDecided }: { cohort: string; doctorNames: Map<string, string>; onDecided: () => void }) {
  const { t } = useLang();
  const [requests, setRequests] = useState<DoctorRequest[]>([]);
  const load = () => background(api.cohortRequests(cohort).then(setRequests));
  useEffect(load, [cohort]);
  if (requests.length === 0) return <p>{t('noRequests')}</p>;
  return (
    <ul className="pending-requests">
      {requests.map((r) => (
        <li key={r.uuid}>
          {doctorNames.get(r.doctor) ?? r.doctor}:{' '}
          {r.request.kind === 'leave' ? `${t('leaveRequest')} ${r.request.leave.from} – ${r.request.leave.to}${r.request.leave.reason ? ` (${r.request.leave.reason})` : ''}` : `${t('wish')} ${r.request.wish.block}${r.request.wish.site ? ` @ ${r.request.wish.site}` : ''}`}{' '}
          {(['approve', 'reject'] as const).map((decision) => (
            <button
              key={decision}
              type="button"
              onClick={async () => {
                await api.decide(r.uuid, decision, r.version);
                load();
                onDecided();
              }}
            >
              {t(decision)}
            </button>
          ))}
        </li>
      ))}
    </ul>
  );
}
