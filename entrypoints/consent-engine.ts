import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startConsentEngine } from '../platform/content/consent';
import { takeForEngine } from '../platform/content/handoff';
import { nextTask } from '../platform/content/nextTask';

// Injected by the background (platform/consent/engineLoader.ts) into a frame
// whose always-on content script saw signs of a consent dialog. Compiling and
// setting up this bundle is a task of its own; the engine starts in the next
// one (its first call to the extension API sets that API up in the frame), so
// the page gets the thread back in between.
export default defineUnlistedScript(() => {
  const handoff = takeForEngine();
  if (handoff) nextTask(() => startConsentEngine(handoff.page, handoff.prehide));
});
