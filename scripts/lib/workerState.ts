/**
 * Reads the extension's own state from inside its service worker, for the
 * demo and the end-to-end tests. The functions passed to `evaluate` run in the
 * worker, where `chrome` is the extension API.
 */
import type { Worker } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import { HANDOFF_KEY } from '../../platform/content/handoff';

declare const chrome: Browser;

export function readStorage(worker: Worker, area: 'local' | 'session'): Promise<Record<string, unknown>> {
  return worker.evaluate((name) => chrome.storage[name].get(null), area);
}

/** The browser's id for the tab showing `url`, or -1. */
export function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (wanted) => (await chrome.tabs.query({})).find((t) => t.url === wanted)?.id ?? -1, url);
}

/**
 * Every row of one object store of the extension's database. Runs inside the
 * extension (its service worker, or an extension page in Firefox): pass it to
 * `evaluate`, it uses nothing from this file.
 */
export function rowsInExtension<T>(store: string): Promise<T[]> {
  return new Promise<T[]>((done, fail) => {
    const open = indexedDB.open('privacy-ledger');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction(store).objectStore(store).getAll();
      all.onsuccess = () => done(all.result as T[]);
      all.onerror = () => fail(all.error);
    };
  });
}

/**
 * The policy rows of one site, through the store's `[site+fetchedAt]` index,
 * so a test reads one site's texts rather than every site's. Runs inside the
 * extension, as `rowsInExtension` does.
 */
export function sitePoliciesInExtension<T>(site: string): Promise<T[]> {
  return new Promise<T[]>((done, fail) => {
    const open = indexedDB.open('privacy-ledger');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const range = IDBKeyRange.bound([site, -Infinity], [site, Infinity]);
      const all = open.result.transaction('policies').objectStore('policies').index('[site+fetchedAt]').getAll(range);
      all.onsuccess = () => (open.result.close(), done(all.result as T[]));
      all.onerror = () => fail(all.error);
    };
  });
}

/** Every row of one table of the extension's database. */
export function readTable<T>(worker: Worker, table: string): Promise<T[]> {
  return worker.evaluate(rowsInExtension<T>, table);
}

/** Writes values into the extension's `storage.local` (tests set settings this way). */
export function writeStorage(worker: Worker, values: Record<string, unknown>): Promise<void> {
  return worker.evaluate((v) => chrome.storage.local.set(v), values);
}

/** The toolbar badge text the extension shows for a tab. */
export function badgeText(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => (chrome as unknown as { action: { getBadgeText: (d: { tabId: number }) => Promise<string> } }).action.getBadgeText({ tabId: id }), tabId);
}

/** Run in one of the extension's contexts: adds or replaces rows of one table of its database. */
export function putRowsInExtension({ store, values }: { store: string; values: unknown[] }): Promise<void> {
  return new Promise<void>((done, fail) => {
    const open = indexedDB.open('privacy-ledger');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(store, 'readwrite');
      for (const value of values) tx.objectStore(store).put(value);
      tx.oncomplete = () => (open.result.close(), done());
      tx.onerror = () => fail(tx.error);
    };
  });
}

/** Adds or replaces rows of one table of the extension's database, as the background would write them. */
export function putRows(worker: Worker, table: string, rows: unknown[]): Promise<void> {
  return worker.evaluate(putRowsInExtension, { store: table, values: rows });
}

/** How many frames of a tab run the always-on content script, asked of the frames as the popup asks. */
export function framesRunning(worker: Worker, tabId: number): Promise<number> {
  return worker.evaluate(
    async ({ id, key }) => {
      const scripting = (chrome as unknown as { scripting: { executeScript: (o: unknown) => Promise<{ result?: unknown }[]> } }).scripting;
      // Taken from an array so that no name is given to it: a named function would be wrapped by the
      // TypeScript loader in a helper the worker does not have.
      const [probe] = [(k: string) => Symbol.for(k) in globalThis];
      const results = await scripting.executeScript({ target: { tabId: id, allFrames: true }, func: probe, args: [key] });
      return results.filter((frame) => frame.result === true).length;
    },
    { id: tabId, key: HANDOFF_KEY },
  );
}
