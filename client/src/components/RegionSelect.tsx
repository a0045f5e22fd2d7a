// The region a coordinator works in: loaded once, the one asked for (else the first) chosen, changeable.
import { useEffect, useState } from 'react';
import type { Region } from '../../../shared/api/regions';
import { background } from '../api/background';
import { api } from '../api/client';
import { useLang } from '../i18n/lang';

export function useRegionChoice(initial?: string) {
  const [regions, setRegions] = useState<Region[]>([]);
  const [region, setRegion] = useState<string>();
  useEffect(() => background(api.regions().then((list) => (setRegions(list), setRegion((list.find((r) => r.uuid === initial) ?? list[0])?.uuid)))), []);
  return { regions, region, setRegion };
}

export function RegionSelect({ regions, region, onChange }: { regions: Region[]; region: string | undefined; onChange: (id: string) => void }) {
  const { t } = useLang();
  return (
    <label>
      {t('region')}{' '}
      <select value={region} onChange={(e) => onChange(e.target.value)}>
        {regions.map((r) => (
          <option key={r.uuid} value={r.uuid}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
