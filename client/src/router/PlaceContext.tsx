// The coordinator's one choice of region and cohort, shared by every page: read from the address,
// completed there (the first region, the cohort last worked on in it, else its first cohort) and
// changed by going to another address, so Back, Forward and reload keep it.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CohortResource } from '../../../shared/api/cohorts';
import type { Region } from '../../../shared/api/regions';
import { background } from '../api/background';
import { api } from '../api/client';
import { navigate, useAddress } from './history';
import { COHORT_PAGES, parsePlace, placePath, type Place } from './routes';

export interface PlaceChoice {
  /** The page, and the region, cohort and plan as the address names them. */
  place: Place;
  regions: Region[];
  /** The address's region once it is known to exist. */
  region?: string;
  /** The region's cohorts. */
  cohorts: CohortResource[];
  /** The address's cohort once it is known to exist; on a page without one, the cohort last worked on. */
  cohort?: string;
  /** The address of a place reached from here: region and cohort kept unless given, a plan only when given. */
  href(next: Partial<Place>): string;
  go(next: Partial<Place>, options?: { replace?: boolean }): void;
}

const PlaceContext = createContext<PlaceChoice | undefined>(undefined);

export function usePlace(): PlaceChoice {
  const choice = useContext(PlaceContext);
  if (!choice) throw new Error('usePlace() outside <PlaceProvider>');
  return choice;
}

export type PlaceCalls = Pick<typeof api, 'regions' | 'cohorts'>;

export function PlaceProvider({ children, calls = api }: { children: ReactNode; calls?: PlaceCalls }) {
  const { path, hash } = useAddress();
  const place = useMemo(() => parsePlace(path, hash), [path, hash]);
  const [regions, setRegions] = useState<Region[]>();
  const [loaded, setLoaded] = useState<{ region: string; cohorts: CohortResource[] }>();
  /** The cohort last worked on, per region: a page without a cohort keeps it for the next one. */
  const remembered = useRef(new Map<string, string>());

  useEffect(() => background(calls.regions().then(setRegions)), []);
  const region = regions?.some((r) => r.uuid === place.region) ? place.region : undefined;
  // Re-read on every page change too: the Kohorter page may have added or removed one.
  useEffect(() => {
    if (!region) return;
    let live = true;
    background(calls.cohorts(region).then((cohorts) => live && setLoaded({ region, cohorts })));
    return () => void (live = false);
  }, [region, place.page]);
  const cohorts = loaded && loaded.region === region ? loaded.cohorts : undefined;
  const known = (id: string | undefined) => (id && cohorts?.some((c) => c.uuid === id) ? id : undefined);
  const cohort = known(place.cohort) ?? (region && !COHORT_PAGES.has(place.page) ? known(remembered.current.get(region)) : undefined);
  useEffect(() => void (region && cohort && remembered.current.set(region, cohort)), [region, cohort]);

  // Complete the address: a region that exists, and on a cohort's page a cohort that exists.
  useEffect(() => {
    // The address moved on since this render (a choice made while the lists loaded): that one counts.
    if (!regions?.length || location.pathname !== path) return;
    if (!region) return navigate(placePath({ page: place.page, region: regions[0]!.uuid }), { replace: true });
    if (!cohorts?.length || !COHORT_PAGES.has(place.page) || cohort) return;
    const fallback = known(remembered.current.get(region)) ?? cohorts[0]!.uuid;
    navigate(placePath({ page: place.page, region, cohort: fallback }), { replace: true });
  });

  const href = (next: Partial<Place>): string => {
    const nextRegion = next.region ?? region;
    const sameRegion = nextRegion === region;
    const nextCohort = next.cohort ?? (sameRegion ? cohort : nextRegion && remembered.current.get(nextRegion));
    return placePath({ page: next.page ?? place.page, region: nextRegion, cohort: nextCohort, plan: next.plan });
  };
  const choice: PlaceChoice = {
    place,
    regions: regions ?? [],
    region,
    cohorts: cohorts ?? [],
    cohort,
    href,
    go: (next, options) => navigate(href(next), options),
  };
  return <PlaceContext.Provider value={choice}>{children}</PlaceContext.Provider>;
}
