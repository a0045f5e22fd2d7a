// The region a coordinator works in: the one in the address, shared by every page; choosing
// another goes to the same page in that region (Back returns).
import type { Region } from '../../../shared/api/regions';
import { useLang } from '../i18n/lang';
import { usePlace } from '../router/PlaceContext';

export function useRegionChoice() {
  const { regions, region, go } = usePlace();
  return { regions, region, setRegion: (id: string) => go({ region: id }) };
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
