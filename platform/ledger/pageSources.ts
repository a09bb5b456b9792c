import { scripting } from '../scripting';
import { siteOf } from '../../core/sites/domain';

/** Runs in the top frame's isolated world: the hosts the page loaded anything from (its resource timing). */
function loadedHosts(): string[] {
  const hosts = new Set<string>();
  for (const entry of performance.getEntriesByType('resource')) {
    try {
      hosts.add(new URL(entry.name).hostname);
    } catch {
      // Not a URL: nothing to learn.
    }
  }
  return [...hosts];
}

/**
 * The sites (registrable domains) a tab's page loaded resources from: scripts,
 * images, frames, beacons. Read from the page's resource timing, in the
 * extension's isolated world so the page cannot answer for it. Empty when the
 * tab cannot be scripted.
 */
export async function sitesLoadedBy(tabId: number): Promise<Set<string>> {
  try {
    const [first] = await scripting().executeScript({ target: { tabId, frameIds: [0] }, func: loadedHosts });
    const hosts = Array.isArray(first?.result) ? (first.result as string[]) : [];
    return new Set(hosts.flatMap((h) => siteOf(`http://${h}/`) ?? []));
  } catch {
    return new Set();
  }
}
