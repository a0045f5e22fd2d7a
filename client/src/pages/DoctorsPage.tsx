// A cohort's doctors: created, deleted, and their year (start, home town, allowed sites, pins,
// wishes, part-time, absences, credits, handledare per placement) edited with optimistic locking. After a change the
// board's next solver run (or a replan) picks it up.
import { useEffect, useState } from 'react';
import type { PlacementSupervisor } from '../../../shared/api/assessments';
import type { DoctorResource } from '../../../shared/api/doctors';
import { formatLeaveDays } from '../../../shared/domain/leave-days';
import type { Problem } from '../../../shared/format/problem';
import { background } from '../api/background';
import { api } from '../api/client';
import { useChanges } from '../components/change-status';
import { DoctorForm } from '../components/DoctorForm';
import { CohortSelect, useCohortChoice } from '../components/CohortSelect';
import { RegionSelect, useRegionChoice } from '../components/RegionSelect';
import { useLang } from '../i18n/lang';

export function DoctorsPage() {
  const { t, lang } = useLang();
  const { regions, region, setRegion } = useRegionChoice();
  const { cohorts, cohort, setCohort } = useCohortChoice();
  const [doctors, setDoctors] = useState<DoctorResource[]>([]);
  const [problem, setProblem] = useState<Problem>();
  /** The doctor whose form is open, or 'new'. */
  const [open, setOpen] = useState<string>();
  /** The open doctor's handledare, read when their form opens. */
  const [supervisors, setSupervisors] = useState<{ doctor: string; list: PlacementSupervisor[] }>();
  useEffect(() => {
    if (!open || open === 'new') return;
    let current = true;
    background(api.supervisors(open).then((list) => current && setSupervisors({ doctor: open, list })));
    return () => void (current = false);
  }, [open]);
  const load = (id: string) => background(Promise.all([api.doctors(id).then(setDoctors), api.problem(id).then(setProblem)]));
  const { change, status } = useChanges(() => cohort && load(cohort));
  useEffect(() => (cohort ? load(cohort) : undefined), [cohort]);
  const remove = async (doctor: DoctorResource) => {
    if (!window.confirm(t('deleteConfirm').replace('{name}', doctor.name))) return;
    await change(() => api.deleteDoctor(doctor.uuid, doctor.version), t('deleted'));
  };
  return (
    <section aria-label={t('doctors')}>
      <h2>{t('doctors')}</h2>
      <RegionSelect regions={regions} region={region} onChange={setRegion} />{' '}
      <CohortSelect cohorts={cohorts} cohort={cohort} onChange={setCohort} />{' '}
      <button type="button" aria-pressed={open === 'new'} disabled={!cohort} onClick={() => setOpen(open === 'new' ? undefined : 'new')}>
        {t('newDoctor')}
      </button>
      {status}
      {problem && cohort && open === 'new' && (
        <DoctorForm
          key={cohort}
          blocks={problem.blocks}
          sites={problem.sites}
          onSave={async (body, supervisors) => {
            const created = async () => {
              const doctor = await api.createDoctor(cohort, body);
              if (supervisors.length) await api.saveSupervisors(doctor.uuid, supervisors);
            };
            if (await change(created, t('saved'))) setOpen(undefined);
          }}
        />
      )}
      <table className="doctors">
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('from')}</th>
            <th>{t('partTimePercent')}</th>
            <th>{t('absences')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {doctors.map((d) => (
            <tr key={d.uuid} data-doctor-row={d.id}>
              <td>
                {d.name}
                {d.protectedIdentity ? ` (${t('protectedIdentity')})` : ''}
              </td>
              <td>{d.start}</td>
              <td>{Math.round(d.partTime * 100)}</td>
              <td>{d.absences.map((a) => formatLeaveDays(a, lang)).join(', ')}</td>
              <td>
                <button type="button" onClick={() => setOpen(open === d.uuid ? undefined : d.uuid)}>
                  {t('edit')}
                </button>{' '}
                <button type="button" onClick={() => background(remove(d))}>
                  {t('remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem &&
        supervisors &&
        supervisors.doctor === open &&
        doctors
          .filter((d) => d.uuid === open)
          .map((d) => (
            <DoctorForm
              key={`${d.uuid}-${d.version}`}
              doctor={d}
              blocks={problem.blocks}
              sites={problem.sites}
              supervisors={supervisors.list}
              onSave={async (body, list) => {
                // The doctor first (optimistic locking), then the handledare list, which it replaces.
                const saved = async () => {
                  await api.updateDoctor(d.uuid, { ...body, version: d.version });
                  await api.saveSupervisors(d.uuid, list);
                };
                if (await change(saved, t('saved'))) setOpen(undefined);
              }}
            />
          ))}
    </section>
  );
}
