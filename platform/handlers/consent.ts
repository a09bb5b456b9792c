import { browser } from 'wxt/browser';
import { storedNames } from '../../core/consent/storedNames';
import { pageConfig } from '../../core/settings/siteRules';
import { siteOf } from '../../core/sites/domain';
import { answerKnownCmp, finish, handleAutoconsent, resetTab } from '../consent/engine';
import { tabSite } from '../tabAddress';
import { onUnknownBanner, onUnknownBannerPressed } from '../consent/unknownBanner';
import { forgetConsent } from '../consent/forget';
import { resetGuard } from '../consent/loopGuard';
import { runInFrame } from '../consent/mainWorld';
import { readConsent } from '../consent/tabConsent';
import { loadEngine } from '../consent/engineLoader';
import type { HandlerModule } from '../messaging/router';
import { loadSettings } from '../settingsStorage';

export const consentHandlers: HandlerModule = {
  content: {
    'consent.ac': ({ message }, caller) => {
      if (caller.tabId === null) return null;
      return handleAutoconsent(message, { tabId: caller.tabId, frameId: caller.frameId ?? 0, url: caller.sender.url ?? '' });
    },
    'consent.load': async ({ adapter }, caller) => {
      if (caller.tabId === null) return false;
      // Sent as soon as a sign is seen, beside the frame's first page.hello: the pause is checked here.
      if (!pageConfig(await loadSettings(), caller.sender.url ?? '').active) return false;
      // A known CMP is answered through its adapter first: loading autoconsent
      // at the same time would hold up the adapter's calls in the page.
      if (adapter) await answerKnownCmp({ tabId: caller.tabId, frameId: caller.frameId ?? 0, url: caller.sender.url ?? '' }, adapter);
      return loadEngine(caller.tabId, caller.frameId ?? 0);
    },
    'consent.heuristic': async ({ report }, caller) => {
      if (caller.tabId === null) return { press: false };
      const frame = { tabId: caller.tabId, frameId: caller.frameId ?? 0, url: caller.sender.url ?? '' };
      const site = (await tabSite(frame.tabId)) ?? siteOf(frame.url);
      return site ? onUnknownBanner(frame, site, report, finish) : { press: false };
    },
    'consent.heuristicResult': async (result, caller) => {
      if (caller.tabId !== null) await onUnknownBannerPressed(caller.tabId, result, finish);
      return null;
    },
  },
  extension: {
    'consent.status': ({ tabId }) => readConsent(tabId),
    'consent.answerAgain': async ({ tabId }) => {
      const record = await readConsent(tabId);
      const names = record ? storedNames(record) : [];
      if (names.length) await runInFrame(tabId, 0, forgetConsent, [names]);
      if (record) await resetGuard(tabId, record.site);
      await resetTab(tabId);
      await browser.tabs.reload(tabId);
      return { forgotten: names };
    },
  },
};
