import type { Storage } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import type { ConsentRecord } from '../../core/consent/record';

/** The consent record of each tab's current page, in session storage (memory where it is missing). */
const memory = new Map<string, ConsentRecord>();
const area = (): Storage.StorageArea | null => (browser.storage as { session?: Storage.StorageArea }).session ?? null;
const key = (tabId: number) => `consent.${tabId}`;

export async function readConsent(tabId: number): Promise<ConsentRecord | null> {
  const session = area();
  if (!session) return memory.get(key(tabId)) ?? null;
  return ((await session.get(key(tabId)))[key(tabId)] as ConsentRecord | undefined) ?? null;
}

export async function writeConsent(tabId: number, record: ConsentRecord | null): Promise<void> {
  const session = area();
  if (!session) {
    if (record) memory.set(key(tabId), record);
    else memory.delete(key(tabId));
    return;
  }
  if (record) await session.set({ [key(tabId)]: record });
  else await session.remove(key(tabId));
}
