import { create } from 'zustand';

export type Route =
  | { name: 'sites' }
  | { name: 'site'; site: string }
  | { name: 'requests'; draft: RequestDraft | null }
  | { name: 'preferences' }
  | { name: 'identity' }
  | { name: 'data' };

/** A request the user asked to start from a site's page (`#/requests?site=a.com&type=access`). */
export interface RequestDraft {
  site: string;
  type: 'access' | 'erasure';
}

function parseDraft(search: string): RequestDraft | null {
  const params = new URLSearchParams(search);
  const site = params.get('site');
  const type = params.get('type');
  return site && (type === 'access' || type === 'erasure') ? { site, type } : null;
}

/** Reads the dashboard's location hash (`#/sites/example.com`). Unknown hashes show Sites. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'sites' && second) {
    try {
      return { name: 'site', site: decodeURIComponent(second) };
    } catch {
      return { name: 'sites' };
    }
  }
  if (first === 'requests') return { name: 'requests', draft: parseDraft(search) };
  if (first === 'preferences' || first === 'identity' || first === 'data') return { name: first };
  return { name: 'sites' };
}

interface RouteState {
  route: Route;
}

export const useRouteStore = create<RouteState>(() => ({ route: parseRoute(globalThis.location?.hash ?? '') }));

export function startRouteSync(): () => void {
  const update = () => useRouteStore.setState({ route: parseRoute(location.hash) });
  addEventListener('hashchange', update);
  update();
  return () => removeEventListener('hashchange', update);
}
