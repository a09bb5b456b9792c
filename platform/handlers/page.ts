import { pageConfig } from '../../core/settings/siteRules';
import { resetTab } from '../consent/engine';
import { database, recordVisit } from '../db';
import { recordGpcDeclaration } from '../gpc/declaration';
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
      const topFrame = top && caller.frameId === 0;
      if (caller.tabId !== null) await noteFrame(caller.tabId, caller.frameId ?? 0, topFrame, frameUrl);
      if (caller.tabId !== null && topFrame) await resetTab(caller.tabId);
      if (config.active && config.site && topFrame) {
        // Not awaited: the frame's configuration should not wait for a database write.
        void recordVisit(database(), config.site, Date.now()).catch((error: unknown) => console.warn('Privacy Ledger: could not record a visit', error));
        if (settings.gpc) void recordGpcDeclaration(config.site, frameUrl);
      }
      return config;
    },
  },
};
