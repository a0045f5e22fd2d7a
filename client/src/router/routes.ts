// Where a coordinator is, as a path: the page (a Swedish word), the region, the cohort and the
// plan version — `/planering/<region>/<cohort>/plan/<plan>`, `/lakare/<region>/<cohort>`,
// `/belaggning/<region>` … Pure: read from and written to `location.pathname`.

export const PAGE_PATHS = {
  board: 'planering',
  occupancy: 'belaggning',
  cohorts: 'kohorter',
  doctors: 'lakare',
  sites: 'arbetsplatser',
  templates: 'mallar',
  checklist: 'checklista',
} as const;
export type PageName = keyof typeof PAGE_PATHS;
export const PAGE_NAMES = Object.keys(PAGE_PATHS) as PageName[];

/** Pages that show one cohort: their path names it after the region. */
export const COHORT_PAGES: ReadonlySet<PageName> = new Set(['board', 'doctors', 'checklist']);

export interface Place {
  page: PageName;
  region?: string;
  cohort?: string;
  /** A plan version opened on the board; none: the cohort's newest draft, else its published plan. */
  plan?: string;
}

const BY_PATH = new Map(Object.entries(PAGE_PATHS).map(([page, path]) => [path as string, page as PageName]));

/**
 * The place a path names. An unknown path is the board with nothing chosen; `hash` reads the
 * addresses of the app before it had paths (`/#occupancy`), so old bookmarks still open their tab.
 */
export function parsePlace(pathname: string, hash = ''): Place {
  const [first, region, ...rest] = pathname.split('/').filter(Boolean).map(decodeSegment);
  const page = first === undefined ? undefined : BY_PATH.get(first);
  if (!page) return { page: legacyTab(hash) ?? 'board' };
  const place: Place = { page, ...(region ? { region } : {}) };
  if (!COHORT_PAGES.has(page) || !rest[0]) return place;
  place.cohort = rest[0];
  if (page === 'board' && rest[1] === 'plan' && rest[2]) place.plan = rest[2];
  return place;
}

/** The path of a place; what a page does not show (a cohort on Beläggning, a plan off the board) is left out. */
export function placePath(place: Place): string {
  const parts: string[] = [PAGE_PATHS[place.page]];
  if (place.region) {
    parts.push(place.region);
    if (COHORT_PAGES.has(place.page) && place.cohort) {
      parts.push(place.cohort);
      if (place.page === 'board' && place.plan) parts.push('plan', place.plan);
    }
  }
  return `/${parts.map(encodeURIComponent).join('/')}`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function legacyTab(hash: string): PageName | undefined {
  const tab = hash.replace(/^#/, '');
  return (PAGE_NAMES as string[]).includes(tab) ? (tab as PageName) : undefined;
}
