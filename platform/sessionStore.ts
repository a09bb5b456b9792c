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

/** Every key that starts with `prefix`, with its value. */
export async function sessionEntries(prefix: string): Promise<Map<string, unknown>> {
  const session = area();
  const all = session ? await session.get(null) : Object.fromEntries(memory);
  return new Map(Object.entries(all).filter(([key]) => key.startsWith(prefix)));
}

/** Removes every key. */
export async function sessionClear(): Promise<void> {
  memory.clear();
  await area()?.clear();
}

/** Removes every key `match` accepts. */
export async function sessionRemoveWhere(match: (key: string) => boolean): Promise<void> {
  const session = area();
  if (!session) {
    for (const key of [...memory.keys()]) if (match(key)) memory.delete(key);
    return;
  }
  const keys = Object.keys(await session.get(null)).filter(match);
  if (keys.length) await session.remove(keys);
}
