/**
 * Reading and writing the extension's state from one of its own pages in
 * Firefox (the page's own `browser`), for the Firefox end-to-end tests.
 */
import type { Page } from 'puppeteer-core';
import { defaultSettings } from '../../../core/settings/defaults';
import type { Settings } from '../../../core/settings/schema';
import { rowsInExtension, sitePoliciesInExtension } from '../../../scripts/lib/workerState';
import { PROFILE_PURPOSES, type ProfileName } from '../../support/profiles';

/** The WebExtension APIs an extension page uses here. */
export type PageApi = {
  storage: {
    local: { get(k: null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
    session: { get(k: null): Promise<Record<string, unknown>>; clear(): Promise<void> };
  };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
};

/**
 * Every row of a table of the extension's database, read from an extension page.
 * Sent back as JSON: BiDi's own serialisation turns an object met a second time
 * (a policy summary's best contact is also one of its contacts) into `undefined`.
 */
export function readTable<T>(page: Page, table: string): Promise<T[]> {
  return asJson(page, rowsInExtension<T>, table);
}

/** The policy rows of one site, read from an extension page through the store's index. */
export function sitePolicies<T>(page: Page, site: string): Promise<T[]> {
  return asJson(page, sitePoliciesInExtension<T>, site);
}

async function asJson<T>(page: Page, read: (arg: string) => Promise<T[]>, arg: string): Promise<T[]> {
  const rows = await page.evaluateHandle(read, arg);
  try {
    return JSON.parse(await rows.evaluate((r) => JSON.stringify(r))) as T[];
  } finally {
    await rows.dispose();
  }
}

/** Stores settings with a profile as the preferences, from an extension page. */
export async function useProfile(page: Page, name: ProfileName, extra: Partial<Settings> = {}): Promise<void> {
  const settings: Settings = { ...defaultSettings(), onboarded: true, preferences: { ...PROFILE_PURPOSES[name], legitimateInterest: 'object' }, ...extra };
  await page.evaluate((values) => (globalThis as unknown as { browser: PageApi }).browser.storage.local.set(values), { settings } as Record<string, unknown>);
}

/** The browser's id for the tab showing `url`, asked from an extension page. */
export async function tabIdOf(page: Page, url: string): Promise<number> {
  const id = await page.evaluate(async (wanted) => (await (globalThis as unknown as { browser: PageApi }).browser.tabs.query({})).find((t) => t.url === wanted)?.id ?? -1, url);
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}
