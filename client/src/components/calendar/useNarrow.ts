// Whether the viewport is a phone's: the doctor's year is then a list by month, not a grid of
// months (a month grid is unreadable at 375 px and FullCalendar need not be drawn at all).
import { useEffect, useState } from 'react';

export const NARROW_QUERY = '(max-width: 639px)';

export function useNarrow(): boolean {
  const query = () => globalThis.matchMedia?.(NARROW_QUERY);
  const [narrow, setNarrow] = useState(() => query()?.matches ?? false);
  useEffect(() => {
    const media = query();
    if (!media) return;
    const changed = () => setNarrow(media.matches);
    changed();
    media.addEventListener('change', changed);
    return () => media.removeEventListener('change', changed);
  }, []);
  return narrow;
}
