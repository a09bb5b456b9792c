import { pageConfig } from '../../core/settings/siteRules';
import type { HandlerModule } from '../messaging/router';
import { loadSettings } from '../settingsStorage';

/**
 * A content script that found something to do (a banner sign, a form, a
 * permission prompt) asks what to do on this page. Visits are counted from
 * the browser's own report of each page load (platform/pageLoads.ts), not here.
 */
export const pageHandlers: HandlerModule = {
  content: {
    'page.hello': async ({ url }, caller) => {
      // The page URL the browser vouches for wins over what the script claims.
      return pageConfig(await loadSettings(), caller.sender.url ?? url);
    },
  },
};
