// A cohort's problem (template, sites with the region's load, doctors) and its pending requests,
// each loaded per cohort and reloadable; an answer for a cohort no longer shown is dropped.
import { useEffect, useState } from 'react';
import { background } from '../api/background';
import { api } from '../api/client';

function useCohortLoad<T>(cohort: string | undefined, load: (cohort: string) => Promise<T>) {
  const [loaded, setLoaded] = useState<{ cohort: string; value: T }>();
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    if (!cohort) return;
    let live = true;
    background(load(cohort).then((value) => live && setLoaded({ cohort, value })));
    return () => void (live = false);
  }, [cohort, reloads]);
  return { value: loaded && loaded.cohort === cohort ? loaded.value : undefined, reload: () => setReloads((n) => n + 1) };
}

export function useProblem(cohort: string | undefined) {
  const { value, reload } = useCohortLoad(cohort, api.problem);
  return { problem: value, reload };
}

export function usePendingRequests(cohort: string | undefined) {
  const { value, reload } = useCohortLoad(cohort, api.cohortRequests);
  return { requests: value, reload };
}
