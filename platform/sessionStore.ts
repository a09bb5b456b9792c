import type { Storage } from 'webextension-polyfill';
import { browser } from 'wxt/browser';

/**
 * Per-browser-session state of the background: `storage.session`, so a
 * Manifest V3 service worker that sleeps and wakes keeps it; memory where a
 * browser has no session storage.
 */
const memory = new Map<string, unknown>();
const area = (): Storage.StorageArea | null => (browser.storage as { session?: Storage.StorageArea }).session ?? null;

export async function sessionGet<T>(key: string): Promise<T | undefined> {
  const session = area();
  if (!session) return memory.get(key) as T | undefined;
  return (await session.get(key))[key] as T | undefined;
}

/** Stores a value, or removes the key when given undefined. */
export async function sessionSet(key: string, value: unknown): Promise<void> {
  const session = area();
  if (!session) {
    if (value === undefined) memory.delete(key);
    else memory.set(key, value);
    return;
  }
  if (value === undefined) await session.remove(key);
  else await session.set({ [key]: value });
}

/** Every key `match` accepts, with its value. */
export async function sessionEntries(match: (key: string) => boolean): Promise<Map<string, unknown>> {
  const session = area();
  const all = session ? await session.get(null) : Object.fromEntries(memory);
  return new Map(Object.entries(all).filter(([key]) => match(key)));
}

/** Removes every key. */
export async function sessionClear(): Promise<void> {
  memory.clear();
  await area()?.clear();
}

/** Removes every key `match` accepts. */
export async function sessionRemoveWhere(match: (key: string) => boolean): Promise<void> {
  const keys = [...(await sessionEntries(match)).keys()];
  const session = area();
  if (!session) keys.forEach((key) => memory.delete(key));
  else if (keys.length) await session.remove(keys);
}
