// The cohort a coordinator works on within the chosen region: the one in the address, shared by
// every page; choosing another goes to the same page on that cohort (Back returns).
import type { CohortResource } from '../../../shared/api/cohorts';
import { useLang } from '../i18n/lang';
import { usePlace } from '../router/PlaceContext';

export function useCohortChoice() {
  const { cohorts, cohort, go } = usePlace();
  return { cohorts, cohort, setCohort: (id: string) => go({ cohort: id }) };
}

export function CohortSelect({ cohorts, cohort, onChange }: { cohorts: CohortResource[]; cohort: string | undefined; onChange: (id: string) => void }) {
  const { t } = useLang();
  return (
    <label>
      {t('cohort')}{' '}
      <select value={cohort} onChange={(e) => onChange(e.target.value)} name="cohort">
        {cohorts.map((c) => (
          <option key={c.uuid} value={c.uuid}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
