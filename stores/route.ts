import { create } from 'zustand';

export type Route =
  | { name: 'sites' }
  | { name: 'site'; site: string }
  | { name: 'requests' }
  | { name: 'preferences' }
  | { name: 'identity' }
  | { name: 'data' };

/** Reads the dashboard's location hash (`#/sites/example.com`). Unknown hashes show Sites. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'sites' && second) {
    try {
      return { name: 'site', site: decodeURIComponent(second) };
    } catch {
      return { name: 'sites' };
    }
  }
  if (first === 'requests' || first === 'preferences' || first === 'identity' || first === 'data') return { name: first };
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
