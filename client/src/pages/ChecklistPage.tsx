// The cohort's BT checklists: the matrix of doctors × items (red where behind), and the checklist
// of the doctor clicked, where the coordinator records and deletes assessments. The matrix is read
// again after each change there.
import { useEffect, useState } from 'react';
import type { CohortChecklist } from '../../../shared/api/assessments';
import { background } from '../api/background';
import { api } from '../api/client';
import { ChecklistMatrix } from '../components/checklist/ChecklistMatrix';
import { DoctorChecklist, type ChecklistCalls } from '../components/checklist/DoctorChecklist';
import { CohortSelect, useCohortChoice } from '../components/CohortSelect';
import { RegionSelect, useRegionChoice } from '../components/RegionSelect';
import { useLang } from '../i18n/lang';

export function ChecklistPage({ today }: { today: string }) {
  const { t, lang } = useLang();
  const { regions, region, setRegion } = useRegionChoice();
  const { cohorts, cohort, setCohort } = useCohortChoice();
  const [matrix, setMatrix] = useState<CohortChecklist>();
  const [open, setOpen] = useState<string>();
  const load = () => cohort && background(api.cohortChecklist(cohort).then(setMatrix));
  useEffect(() => {
    setOpen(undefined);
    setMatrix(undefined);
    load();
  }, [cohort]);
  useEffect(() => void load(), [lang]);
  // A recorded or deleted assessment changes the doctor's row too.
  const calls: ChecklistCalls = {
    checklist: api.checklist,
    recordAssessment: async (doctor, body) => {
      const made = await api.recordAssessment(doctor, body);
      load();
      return made;
    },
    deleteAssessment: async (id) => {
      await api.deleteAssessment(id);
      load();
    },
  };
  return (
    <section aria-label={t('checklist')}>
      <h2>{t('checklist')}</h2>
      <RegionSelect regions={regions} region={region} onChange={setRegion} />{' '}
      <CohortSelect cohorts={cohorts} cohort={cohort} onChange={setCohort} />
      {matrix ? <ChecklistMatrix matrix={matrix} selected={open} onOpen={(doctor) => setOpen(doctor === open ? undefined : doctor)} /> : cohort && <p>{t('loading')}</p>}
      {open && <DoctorChecklist key={open} doctor={open} canRecord today={today} calls={calls} />}
    </section>
  );
}
