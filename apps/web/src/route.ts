import { signal } from '@preact/signals';
import { YEARS } from '@kansrijke-start/core';

/** Hash routing: `#/overzicht`, `#/gemeente/GM0363?jaar=..`, `#/regio/ggd/GG3606?jaar=..&stroom=..`, `#/scenario?s=..`, `#/delen`. */
export type View = 'overzicht' | 'gemeente' | 'regio' | 'kaart' | 'scenario' | 'delen' | 'onbekend';

export interface Route {
  view: View;
  /** Path parts after the view, e.g. ['GM0363'] or ['GM0363', 'afdruk']. */
  delen: string[];
  query: URLSearchParams;
}

const VIEWS: readonly View[] = ['overzicht', 'gemeente', 'regio', 'kaart', 'scenario', 'delen'];

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, '');
  const [pad = '', qs = ''] = h.split(/\?(.*)/s, 2);
  const parts = pad.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const first = parts[0] ?? 'overzicht';
  const view = (VIEWS as readonly string[]).includes(first) ? (first as View) : 'onbekend';
  return { view, delen: parts.slice(1), query: new URLSearchParams(qs) };
}

export const route = signal<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

/** `#/gemeente/GM0363?stroom=x` */
export function href(pad: string, query?: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) q.set(k, String(v));
  const qs = q.toString();
  return `#/${pad}${qs ? `?${qs}` : ''}`;
}

export function navigate(target: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) {
    history.replaceState(history.state, '', target);
    route.value = parseHash(location.hash);
  } else if (location.hash !== target) {
    location.hash = target; // hashchange updates the route
  }
}

export function startRouting(): void {
  addEventListener('hashchange', () => {
    route.value = parseHash(location.hash);
  });
}

/** A year of the product from the link (`?jaar=2027`), or null (all years, or not a year of the product). */
export function jaarUit(tekst: string | null): number | null {
  const j = Number(tekst);
  return tekst && (YEARS as readonly number[]).includes(j) ? j : null;
}
