import type { Dialog, Page } from 'playwright-core';
import { watchPage, watchWorker, type CollectedError } from './extensionErrors';
import { reportErrors } from './fuzzRun';
import type { Harness } from './harness';

/** Every uncaught error from the extension and every dialog in any tab, over a whole suite. */
export interface WatchedVisits {
  errors: CollectedError[];
  dialogs: string[];
  /** Opens `host` in a new tab whose extension errors are collected. */
  open: (host: string) => Promise<Page>;
  /** The errors, one readable line each, for an assertion's message. */
  report: () => string;
  stop: () => void;
}

/**
 * Watches the service worker and every tab opened through `open`, and records
 * (and dismisses, so nothing hangs) any dialog in any page, the extension's
 * included: a dialog there means data managed to run as script.
 */
export async function watchVisits(h: Harness): Promise<WatchedVisits> {
  const errors: CollectedError[] = [];
  const dialogs: string[] = [];
  const stopWorker = await watchWorker(h, (e) => errors.push(e));
  h.context.on('page', (page) => page.on('dialog', (dialog: Dialog) => {
    dialogs.push(`${dialog.type()} on ${page.url()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  }));
  return {
    errors,
    dialogs,
    open: async (host) => {
      const page = await h.context.newPage();
      const watch = await watchPage(h, page, (e) => errors.push(e));
      watch.label = h.server.url(host);
      await page.goto(watch.label);
      page.once('close', () => void watch.detach());
      return page;
    },
    report: () => reportErrors(errors),
    stop: stopWorker,
  };
}
