import { browser } from 'wxt/browser';
import { contentSchemas, extensionSchemas } from '../core/messaging/schemas';
import { consentHandlers } from './handlers/consent';
import { dataHandlers } from './handlers/data';
import { identityHandlers } from './handlers/identity';
import { ledgerHandlers } from './handlers/ledger';
import { observeHandlers } from './handlers/observe';
import { pageHandlers } from './handlers/page';
import { requestHandlers } from './handlers/requests';
import { policyHandlers } from './handlers/policy';
import { settingsHandlers } from './handlers/settings';
import { siteHandlers } from './handlers/site';
import { tabHandlers } from './handlers/tab';
import { createRouter } from './messaging/router';
import { applyGpc } from './gpc/signal';
import { startCookieWatch } from './ledger/cookieWatch';
import { startThirdPartyLedger } from './ledger/thirdParties';
import { startRetention } from './ledger/retention';
import { startPolicyReader } from './policy/tabReader';
import { startReminders } from './requests/reminders';
import { loadSettings, onSettingsChanged } from './settingsStorage';
import { startPageLoads } from './pageLoads';

export const HANDLER_MODULES = [pageHandlers, settingsHandlers, siteHandlers, tabHandlers, dataHandlers, consentHandlers, observeHandlers, ledgerHandlers, identityHandlers, requestHandlers, policyHandlers];

/** Wires the background's listeners. Listeners are added synchronously so a woken worker sees its event. */
export function startBackground(): void {
  browser.runtime.onMessage.addListener(
    createRouter({
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      modules: HANDLER_MODULES,
      contentSchemas,
      extensionSchemas,
    }) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );
  startPageLoads();
  startCookieWatch();
  startThirdPartyLedger();
  const syncGpc = () => void loadSettings().then(applyGpc).catch((e: unknown) => console.warn('Privacy Ledger: GPC not applied', e));
  onSettingsChanged(syncGpc);
  browser.runtime.onStartup.addListener(syncGpc);
  syncGpc();
  startRetention();
  startReminders();
  startPolicyReader();
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason !== 'install') return;
    const settings = await loadSettings();
    if (!settings.onboarded) await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });
}
