import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

// Registered by the background in the page's main world at document_start, on
// every site the user has not exempted (platform/gpc/signal.ts).
export default defineUnlistedScript(() => {
  Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true, enumerable: true });
});
