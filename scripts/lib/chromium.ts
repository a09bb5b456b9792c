/**
 * Launches Debian's Chromium with an unpacked build of the extension, the way
 * the demo, the end-to-end tests and the benchmark all do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { ensureBrowser } from './browsers';
import { HOST_RESOLVER_RULES } from './fixtureHosts';
import { until } from './until';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker, for reading its state in tests. */
  worker: () => Promise<Worker>;
  extensionUrl: (path: string) => string;
  /**
   * Stops the extension's service worker, as Chromium does to an idle one; the next event starts it
   * again with an empty memory (closing the tab this opens for it is already one).
   */
  stopWorker: () => Promise<void>;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /** An unpacked extension folder; omit to launch without one. */
  extensionDir?: string;
  headless: boolean;
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** More command-line flags, after the quiet ones. */
  args?: string[];
  /**
   * A profile folder to use and keep (the upgrade test relaunches on the same
   * profile); omit for a fresh one, removed on close.
   */
  userDataDir?: string;
}

/**
 * Flags that keep Chromium off the network (it is closed here and must stay
 * quiet anyway) and map every `*.test` host, and the few real hosts of
 * `fixtureHosts.ts`, to the local fixture server.
 */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--host-resolver-rules=${HOST_RESOLVER_RULES}`,
];

export async function launchChromium(options: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = ensureBrowser('chromium');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'privacy-ledger-chromium-'));
  const extensionArgs = options.extensionDir
    ? [`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`]
    : [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless,
    args: [...QUIET_FLAGS, ...extensionArgs, ...(options.locale ? [`--lang=${options.locale}`] : []), ...(options.args ?? [])],
    locale: options.locale,
    colorScheme: options.colorScheme,
    viewport: { width: 1280, height: 800 },
  });
  const worker = async (): Promise<Worker> => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  let extensionId = '';
  if (options.extensionDir) {
    const started = await worker();
    extensionId = new URL(started.url()).host;
    // The worker is there before its script has run: wait for the script, so that its listeners
    // (page loads among them) are in place before the caller's first navigation.
    await started.evaluate(() => true);
  }
  return {
    context,
    extensionId,
    worker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    stopWorker: async () => {
      // The worker's own storage partition is seen from a page of the extension (a file, not a script).
      const page = await context.newPage();
      try {
        await page.goto(`chrome-extension://${extensionId}/manifest.json`);
        const cdp = await context.newCDPSession(page);
        // The worker's state as DevTools last reported it, and whether it reported 'stopped' once asked to stop.
        let state: string | null = null;
        let asked = false;
        let stopped = false;
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          for (const v of versions) {
            if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
            state = v.runningStatus;
            if (asked && v.runningStatus === 'stopped') stopped = true;
          }
        });
        await cdp.send('ServiceWorker.enable');
        // Its current state first: asking before it is known could miss the report that it stopped.
        await until("the extension's service worker's state", () => state !== null, 5_000);
        if (state === 'stopped') return;
        asked = true;
        await cdp.send('ServiceWorker.stopAllWorkers');
        await until("the extension's service worker to stop", () => stopped, 10_000);
      } finally {
        await page.close();
      }
    },
    close: async () => {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
