import type { DBCore, Middleware } from 'dexie';
import { browser } from 'wxt/browser';
import { sessionGet, sessionSet } from './sessionStore';

/**
 * One place that notices the browser refusing a write because its storage is
 * full, remembers it for the browser session (`storage.session`, so every
 * extension page can show it), and forgets it once a write succeeds again.
 * Nothing here retries or deletes: a refused IndexedDB write rolls its
 * transaction back, so what was stored before stays as it was.
 */
export const STORAGE_FULL_KEY = 'storageFull';

export interface StorageFull {
  /** When the first refused write of this spell happened. */
  since: number;
  /** Which store refused: the ledger (IndexedDB) or the settings (storage.local). */
  where: 'ledger' | 'settings';
}

/** True for a quota refusal, however it is wrapped (a DOMException, Dexie's error and its inner error, storage.local's message). */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { name, message, inner } = error as { name?: unknown; message?: unknown; inner?: unknown };
  if (name === 'QuotaExceededError') return true;
  if (typeof message === 'string' && /quota/i.test(message) && /exceed/i.test(message)) return true;
  return isQuotaError(inner, depth + 1);
}

/** Known state in this context; undefined until read or written, so a woken worker clears a stale flag once. */
let full: boolean | undefined;

export async function reportStorageFull(where: StorageFull['where'], at = Date.now()): Promise<void> {
  const current = await sessionGet<StorageFull>(STORAGE_FULL_KEY);
  full = true;
  if (!current) await sessionSet(STORAGE_FULL_KEY, { since: at, where } satisfies StorageFull);
  console.warn(`Privacy Ledger: the browser refused to store more (${where}); storage is full`);
}

/** Forgets the report; given `where`, only a report from that store (a settings write says nothing of the ledger's space). */
export async function clearStorageFull(where?: StorageFull['where']): Promise<void> {
  const current = await sessionGet<StorageFull>(STORAGE_FULL_KEY);
  if (current && where && current.where !== where) return;
  full = false;
  if (current) await sessionSet(STORAGE_FULL_KEY, undefined);
}

export async function storageFullState(): Promise<StorageFull | null> {
  return (await sessionGet<StorageFull>(STORAGE_FULL_KEY)) ?? null;
}

/** Calls `listener` with the state now and whenever it changes (extension pages). */
export function watchStorageFull(listener: (state: StorageFull | null) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && STORAGE_FULL_KEY in changes) listener((changes[STORAGE_FULL_KEY]?.newValue as StorageFull | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(handler);
  void storageFullState().then(listener, () => listener(null));
  return () => browser.storage.onChanged.removeListener(handler);
}

/** Runs a write; a quota refusal is reported (and still thrown), a success clears an earlier report. */
export async function guardWrite<T>(where: StorageFull['where'], write: () => Promise<T>): Promise<T> {
  try {
    const result = await write();
    if (full !== false) await clearStorageFull(where);
    return result;
  } catch (error) {
    if (isQuotaError(error)) await reportStorageFull(where);
    throw error;
  }
}

const note = (error: unknown) => {
  if (isQuotaError(error)) void reportStorageFull('ledger').catch(() => {});
};

/**
 * Dexie middleware: every write of the ledger passes here. A refused write
 * (at the request, or when its transaction aborts at commit) is reported; a
 * committed write clears the report.
 */
export const storageHealthMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'storageHealth',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const tx = down.transaction(stores, mode, options);
      const events = tx as unknown as Partial<EventTarget> & { error?: unknown };
      if (mode === 'readwrite' && typeof events.addEventListener === 'function') {
        events.addEventListener('abort', () => note(events.error));
        events.addEventListener('complete', () => {
          if (full !== false) void clearStorageFull('ledger').catch(() => {});
        });
      }
      return tx;
    },
    table(name) {
      const table = down.table(name);
      return {
        ...table,
        mutate: (req) => table.mutate(req).catch((error: unknown) => {
          note(error);
          throw error;
        }),
      };
    },
  }),
};
