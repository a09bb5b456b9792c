import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { requestConsentEngine } from '../platform/content/engineRequest';
import { watchForConsentSignals } from '../platform/content/consentSignals';
import { watchFormFields } from '../platform/content/forms';
import { offerToEngine } from '../platform/content/handoff';
import { pageConfigOnDemand } from '../platform/content/hello';
import { relayPermissionPrompts } from '../platform/content/permissions';
import { prehideKnownBanners } from '../platform/content/prehide';

// Runs in every frame of every page, so it stays small and quiet: it speaks to
// the background only once it has found something (a banner sign, a form, a
// permission prompt), and the consent engine is injected only where a consent
// dialog may be showing. It is declared in wxt.config.ts's manifest rather
// than with defineContentScript: WXT's content-script wrapper brings
// webextension-polyfill into every frame.
export default defineUnlistedScript(() => {
  // Paused here or everywhere, or the extension was reloaded: what was found is left alone.
  const page = pageConfigOnDemand();
  // Opened now, before the page's first script; forwards nothing unless the page is active.
  relayPermissionPrompts(page);
  const prehide = prehideKnownBanners();
  offerToEngine({ page, prehide });
  // The engine is asked for at once; the background refuses it where the page is paused.
  watchForConsentSignals((signal) => {
    void page();
    requestConsentEngine(signal, prehide);
  });
  watchFormFields(page);
});
