// Client-side routes under /console/: the path in the address bar is the page, so a page can be
// bookmarked and reloaded (the service answers index.html for every page path).
import { useSyncExternalStore } from 'react';

const CHANGE = 'console:navigate';

function subscribe(f: () => void): () => void {
  window.addEventListener('popstate', f);
  window.addEventListener(CHANGE, f);
  return () => {
    window.removeEventListener('popstate', f);
    window.removeEventListener(CHANGE, f);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (window.location.pathname === path) return;
  if (opts.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(CHANGE));
}
