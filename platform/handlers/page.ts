import { pageConfig } from '../../core/settings/siteRules';
import { database, recordVisit } from '../db';
import type { HandlerModule } from '../messaging/router';
import { loadSettings } from '../settingsStorage';
import { noteFrame } from '../tabFrames';

/** Content scripts introduce themselves and learn what to do on this page. */
export const pageHandlers: HandlerModule = {
  content: {
    'page.hello': async ({ url, top }, caller) => {
      const settings = await loadSettings();
      // The page URL the browser vouches for wins over what the script claims.
      const frameUrl = caller.sender.url ?? url;
      const config = pageConfig(settings, frameUrl);
      if (caller.tabId !== null) await noteFrame(caller.tabId, caller.frameId ?? 0, top && caller.frameId === 0, frameUrl);
      if (config.active && config.site && top && caller.frameId === 0) await recordVisit(database(), config.site, Date.now());
      return config;
    },
  },
};
