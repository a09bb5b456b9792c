import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { compileHints } from './scripts/build/compileHints';

// Firefox needs a stable add-on id; the same id is used by the Firefox tests.
export const GECKO_ID = 'privacy-ledger@privacy-ledger.app';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Parallel work (and its tests) can build into a folder of its own.
  outDir: process.env.PRIVACY_LEDGER_OUT ?? '.output',
  imports: false,
  // frame-start.js runs in every frame and calls most of its code on every page: compiled at once.
  vite: () => ({ plugins: [preact(), compileHints(['frame-start.js'])] }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Why each permission is needed, and why none can be narrower: docs/permissions.md
    // (tests/unit/platform/manifestSecurity.test.ts holds this list to its table).
    permissions: ['storage', 'scripting', 'declarativeNetRequestWithHostAccess', 'cookies', 'webRequest', 'alarms'],
    // Asked for from a click, when the user first tracks a sent request (deadline reminders).
    optional_permissions: ['notifications'],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // entrypoints/frame-start.ts, an unlisted script declared here so that WXT's
    // content-script wrapper (and the polyfill it brings) stays out of every frame.
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], all_frames: true, match_about_blank: true, run_at: 'document_start', js: ['frame-start.js'] },
    ],
    options_ui: { page: 'dashboard.html', open_in_tab: true },
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" }
        : "script-src 'self'; object-src 'none'; base-uri 'none'",
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
