// One region as the server has it now (its assessment kinds, its version), read again on demand:
// the address's list of regions is read once, so a page that changes the region reads it here.
import { useEffect, useRef, useState } from 'react';
import type { Region } from '../../../shared/api/regions';
import { background } from '../api/background';
import { api } from '../api/client';

export function useRegion(id: string | undefined, calls: Pick<typeof api, 'region'> = api) {
  const [read, setRead] = useState<Region>();
  // An answer for a region no longer chosen (the choice changed meanwhile) is dropped.
  const chosen = useRef(id);
  chosen.current = id;
  const reload = () => {
    if (id) background(calls.region(id).then((r) => r.uuid === chosen.current && setRead(r)));
  };
  useEffect(reload, [id]);
  return { region: read?.uuid === id ? read : undefined, reload };
}
