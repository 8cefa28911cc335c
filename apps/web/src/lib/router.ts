import { useEffect, useState } from 'preact/hooks';

export interface Location {
  path: string;
  search: string;
  /** Counts navigations, so the app can remount a page even when the address repeats. */
  visit: number;
}

type Listener = (location: Location) => void;

const listeners = new Set<Listener>();
let navigations = 0;
/** The path and query the app last rendered, to tell fragment-only history steps from page changes. */
let shown = window.location.pathname + window.location.search;

function current(): Location {
  return { path: window.location.pathname, search: window.location.search, visit: navigations };
}

function notify(): void {
  navigations += 1;
  shown = window.location.pathname + window.location.search;
  const location = current();
  for (const listener of listeners) listener(location);
}

/** True once the person has moved between pages, so the first load leaves focus where the browser put it. */
export function hasNavigated(): boolean {
  return navigations > 0;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.origin);
  const target = url.pathname + url.search + url.hash;
  if (target === window.location.pathname + window.location.search + window.location.hash && !options.replace) return;
  if (options.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  window.scrollTo(0, 0);
  notify();
}

/** Changes the query string without treating it as a new page (filters, for instance). */
export function replaceSearch(search: string): void {
  window.history.replaceState(null, '', window.location.pathname + search);
  shown = window.location.pathname + window.location.search;
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    listeners.add(setLocation);
    return () => void listeners.delete(setLocation);
  }, []);
  return location;
}

/** `/members/:id` against `/members/abc` → `{ id: 'abc' }`; null when the shape differs. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(have[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== have[i]) {
      return null;
    }
  }
  return params;
}

/**
 * One listener for the whole document rather than a Link component, so plain `<a href>` works
 * everywhere and new-tab, download and cross-origin clicks keep the browser's own behaviour.
 */
export function interceptLinks(): void {
  // Fragment jumps (the skip link, in-page anchors) fire popstate too; they are not a new page.
  window.addEventListener('popstate', () => {
    const now = window.location.pathname + window.location.search;
    if (now !== shown) notify();
  });
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || !anchor.href) return;
    if (anchor.target && anchor.target !== '_self') return;
    if (anchor.hasAttribute('download') || anchor.getAttribute('rel')?.includes('external')) return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin) return;
    if (/^\/(api|realtime|health)(\/|$)/.test(url.pathname)) return;
    // In-page anchors such as the skip link keep native behaviour.
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}
