import { defineContentScript } from 'wxt/utils/define-content-script';
import { startConsentEngine } from '../platform/content/consent';
import { watchFormFields } from '../platform/content/forms';
import { introduceFrame } from '../platform/content/hello';
import { relayPermissionPrompts } from '../platform/content/permissions';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main: () => {
    // Paused here or everywhere, or the extension was reloaded: the page is left alone.
    const page = introduceFrame().catch(() => null);
    // Opened now, before the page's first script; forwards nothing unless the page is active.
    relayPermissionPrompts(page);
    startConsentEngine(page);
    watchFormFields(page);
  },
});
