// A supervisor's home, "Mina BT-läkare": the doctors whose placements they supervise, each with
// the supervised blocks and their weeks in the published plan, and for a chosen doctor the BT
// checklist with the form to record an assessment (DoctorChecklist).
import { useEffect, useState } from 'react';
import type { Supervision } from '../../../shared/api/assessments';
import { formatWeekRange } from '../../../shared/domain/weeks';
import { background } from '../api/background';
import { api } from '../api/client';
import { DoctorChecklist, type ChecklistCalls } from '../components/checklist/DoctorChecklist';
import { useLang } from '../i18n/lang';

export type SupervisorCalls = ChecklistCalls & Pick<typeof api, 'supervision'>;

/** `today`: the server's date, the record form's first and latest date. */
export function SupervisorPage({ today, calls = api }: { today: string; calls?: SupervisorCalls }) {
  const { t, lang } = useLang();
  const [doctors, setDoctors] = useState<Supervision>();
  const [chosen, setChosen] = useState<string>();
  useEffect(() => {
    background(
      calls.supervision().then((list) => {
        setDoctors(list);
        // One doctor: their checklist at once.
        if (list.length === 1) setChosen(list[0]!.doctor);
      }),
    );
  }, []);
  useEffect(() => void (document.title = `${t('mySupervisees')} – ${t('appName')}`), [lang]);
  if (!doctors) return <p>{t('loading')}</p>;
  return (
    <section aria-label={t('mySupervisees')}>
      <h2>{t('mySupervisees')}</h2>
      {doctors.length === 0 ? (
        <p>{t('noSupervisees')}</p>
      ) : (
        <div className="table-scroll">
          <table className="supervisees">
            <thead>
              <tr>
                <th>{t('doctor')}</th>
                <th>{t('cohort')}</th>
                <th>{t('placement')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {doctors.map((d) => (
                <tr key={d.doctor} data-supervisee={d.doctor} aria-current={chosen === d.doctor ? 'true' : undefined}>
                  <td>{d.name}</td>
                  <td>{d.cohort}</td>
                  <td>
                    <ul className="plain">
                      {d.placements.map((p) => (
                        <li key={p.block}>
                          {p.blockName}
                          {p.siteName ? `, ${p.siteName}` : ''}: {p.from && p.to ? formatWeekRange({ from: p.from, to: p.to }, lang) : t('notPlanned')}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <button type="button" aria-pressed={chosen === d.doctor} onClick={() => setChosen(d.doctor)}>
                      {t('showChecklist')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {chosen && <DoctorChecklist key={chosen} doctor={chosen} canRecord today={today} calls={calls} />}
    </section>
  );
}
