// The cohort a coordinator works on within the chosen region: loaded per region, the one asked
// for (else the first) chosen, changeable.
import { useEffect, useState } from 'react';
import type { CohortResource } from '../../../shared/api/cohorts';
import { background } from '../api/background';
import { api } from '../api/client';
import { useLang } from '../i18n/lang';

export function useCohortChoice(region: string | undefined, initial?: string) {
  const [cohorts, setCohorts] = useState<CohortResource[]>([]);
  const [cohort, setCohort] = useState<string>();
  useEffect(
    () => (region ? background(api.cohorts(region).then((list) => (setCohorts(list), setCohort((list.find((c) => c.uuid === initial) ?? list[0])?.uuid)))) : undefined),
    [region],
  );
  return { cohorts, cohort, setCohort };
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
