import { browser } from 'wxt/browser';
import { pageConfig } from '../../core/settings/siteRules';
import { siteOf } from '../../core/sites/domain';
import type { HandlerModule } from '../messaging/router';
import { loadSettings } from '../settingsStorage';
import { framesSeen } from '../tabFrames';

export const tabHandlers: HandlerModule = {
  extension: {
    'tab.status': async ({ tabId }) => {
      const tab = await browser.tabs.get(tabId);
      const url = tab.url ?? null;
      const settings = await loadSettings();
      return {
        tabId,
        url,
        site: url ? siteOf(url) : null,
        framesSeen: await framesSeen(tabId),
        config: pageConfig(settings, url ?? ''),
      };
    },
  },
};
