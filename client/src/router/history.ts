// The browser's address as React state: links push a new entry, Back and Forward (popstate)
// return to earlier ones, and every subscriber re-renders with the new path. No dependency: the
// History API is enough for one app.
import { useSyncExternalStore } from 'react';

/** Fired on window after our own pushState/replaceState (the browser fires popstate only for Back/Forward). */
const NAVIGATED = 'bt-navigate';

export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search && !location.hash) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

/** The current path and hash, re-read whenever the address changes. */
export function useAddress(): { path: string; hash: string } {
  const path = useSyncExternalStore(subscribe, () => location.pathname);
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return { path, hash };
}
