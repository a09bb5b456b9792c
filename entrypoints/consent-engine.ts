import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startConsentEngine } from '../platform/content/consent';
import { takeForEngine } from '../platform/content/handoff';

// Injected by the background (platform/consent/engineLoader.ts) into a frame
// whose always-on content script saw signs of a consent dialog.
export default defineUnlistedScript(() => {
  const handoff = takeForEngine();
  if (handoff) startConsentEngine(handoff.page, handoff.prehide);
});
