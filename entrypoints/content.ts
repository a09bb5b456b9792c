import { defineContentScript } from 'wxt/utils/define-content-script';
import { introduceFrame } from '../platform/content/hello';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main: () => {
    introduceFrame().catch(() => {
      // The extension was reloaded or the background refused: the page is left alone.
    });
  },
});
