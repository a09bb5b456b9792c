import { defineContentScript } from 'wxt/utils/define-content-script';
import { startConsentEngine } from '../platform/content/consent';
import { introduceFrame } from '../platform/content/hello';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main: () => {
    // Paused here or everywhere, or the extension was reloaded: the page is left alone.
    startConsentEngine(introduceFrame().catch(() => null));
  },
});
