import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { requestConsentEngine } from '../platform/content/engineRequest';
import { watchForConsentSignals } from '../platform/content/consentSignals';
import { watchFormFields } from '../platform/content/forms';
import { offerToEngine } from '../platform/content/handoff';
import { introduceFrame } from '../platform/content/hello';
import { relayPermissionPrompts } from '../platform/content/permissions';
import { prehideKnownBanners } from '../platform/content/prehide';

// Runs in every frame of every page, so it stays small: the consent engine is
// injected by the background only where a consent dialog may be showing. It is
// declared in wxt.config.ts's manifest rather than with defineContentScript:
// WXT's content-script wrapper brings webextension-polyfill into every frame.
export default defineUnlistedScript(() => {
  // Paused here or everywhere, or the extension was reloaded: the page is left alone.
  const page = introduceFrame().catch(() => null);
  // Opened now, before the page's first script; forwards nothing unless the page is active.
  relayPermissionPrompts(page);
  const prehide = prehideKnownBanners();
  offerToEngine({ page, prehide });
  void page.then((config) => config?.active || prehide.release());
  // Watching starts at once; the engine is asked for only where the page is active.
  watchForConsentSignals((signal) => void page.then((config) => config?.active && requestConsentEngine(signal, prehide)));
  watchFormFields(page);
});
