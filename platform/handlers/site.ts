import { normaliseSiteInput } from '../../core/sites/domain';
import { withSiteOverride, withSitePaused } from '../../core/settings/siteRules';
import type { HandlerModule } from '../messaging/router';
import { updateSettings } from '../settingsStorage';

function checkedSite(site: string): string {
  if (normaliseSiteInput(site) !== site) throw new Error(`not a registrable domain: ${site}`);
  return site;
}

export const siteHandlers: HandlerModule = {
  extension: {
    'site.setPaused': ({ site, paused }) => updateSettings((s) => withSitePaused(s, checkedSite(site), paused)),
    'site.setOverride': ({ site, override }) => updateSettings((s) => withSiteOverride(s, checkedSite(site), override)),
  },
};
