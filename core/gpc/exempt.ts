import type { Settings } from '../settings/schema';

/**
 * Sites that get no Global Privacy Control signal: those the user paused, and
 * those whose rule allows everything (the user chose to be tracked there).
 * Null when GPC is off everywhere.
 */
export function gpcExemptSites(settings: Settings): string[] | null {
  if (!settings.gpc || settings.paused) return null;
  const allowAll = Object.entries(settings.siteOverrides).filter(([, o]) => o.mode === 'allowAll').map(([site]) => site);
  return [...new Set([...settings.pausedSites, ...allowAll])].sort();
}

/** What a site's `/.well-known/gpc.json` says (https://privacycg.github.io/gpc-spec/), or null when it is not a valid declaration. */
export function parseGpcDeclaration(text: string): { gpc: boolean; lastUpdate: string | null } | null {
  let value: unknown;
  try {
    value = JSON.parse(text.slice(0, 10_000));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || typeof (value as { gpc?: unknown }).gpc !== 'boolean') return null;
  const lastUpdate = (value as { lastUpdate?: unknown }).lastUpdate;
  return { gpc: (value as { gpc: boolean }).gpc, lastUpdate: typeof lastUpdate === 'string' ? lastUpdate.slice(0, 40) : null };
}
