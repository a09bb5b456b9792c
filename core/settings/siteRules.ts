import type { PageConfig } from '../messaging/protocol';
import { siteOf } from '../sites/domain';
import type { Settings, SiteOverride } from './schema';

export function withSitePaused(settings: Settings, site: string, paused: boolean): Settings {
  const others = settings.pausedSites.filter((s) => s !== site);
  return { ...settings, pausedSites: paused ? [...others, site].sort() : others };
}

export function withSiteOverride(settings: Settings, site: string, override: SiteOverride | null): Settings {
  const { [site]: _previous, ...rest } = settings.siteOverrides;
  return { ...settings, siteOverrides: override ? { ...rest, [site]: override } : rest };
}

/** The user paused the extension on this site or everywhere: nothing is answered or recorded there. */
export function pausedOn(settings: Settings, site: string): boolean {
  return settings.paused || settings.pausedSites.includes(site);
}

/** What the content scripts of a page at `url` are told to do. */
export function pageConfig(settings: Settings, url: string): PageConfig {
  const site = siteOf(url);
  const inactiveReason = !site
    ? 'notAWebsite'
    : settings.paused
      ? 'paused'
      : settings.pausedSites.includes(site)
        ? 'sitePaused'
        : null;
  return {
    site,
    active: inactiveReason === null,
    inactiveReason,
    override: site ? (settings.siteOverrides[site] ?? null) : null,
    gpc: settings.gpc,
  };
}
