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

type Where = StorageFull['where'];
const STORES: readonly Where[] = ['ledger', 'settings'];

/**
 * What this context last saw of each store: a refused write (`at` is when this
 * spell of refusals began) or a write that succeeded (`at` is when). Updated
 * the moment a write settles, before any await, so the order of events is the
 * order the writes settled in, not the order their reports reach storage.
 * `shown` marks a refusal the flag has carried: once another context clears
 * it, that refusal is not raised again.
 */
const seen: Partial<Record<Where, { ok: boolean; at: number; shown?: boolean }>> = {};
/** Whether the session flag is set, as far as this context knows; undefined until known, so a woken worker clears a stale flag once. */
let flagged: boolean | undefined;
/** Reconciliations run one at a time, each from the latest `seen`. */
let queue: Promise<void> = Promise.resolve();
let queued = 0;

/** Another context (the background, an extension page) may set or clear the flag too. */
function follow(changes: Record<string, { newValue?: unknown }>, area: string): void {
  if (area === 'session' && STORAGE_FULL_KEY in changes) flagged = changes[STORAGE_FULL_KEY]?.newValue != null;
}
function followOtherContexts(): void {
  if (!browser.storage.onChanged.hasListener(follow)) browser.storage.onChanged.addListener(follow);
}

/** Brings the session flag in line with what this context has seen: a refusal not followed by a success shows; a success after the flag's refusal clears it. */
async function reconcile(): Promise<void> {
  const current = (await sessionGet<StorageFull>(STORAGE_FULL_KEY)) ?? null;
  let next = current;
  const last = current ? seen[current.where] : undefined;
  if (current && last?.ok && last.at >= current.since) next = null;
  if (!next) {
    const refused = STORES.find((store) => seen[store]?.ok === false && !seen[store].shown);
    if (refused) next = { since: seen[refused]!.at, where: refused };
  }
  const carried = next ? seen[next.where] : undefined;
  if (carried && !carried.ok) carried.shown = true;
  flagged = next !== null;
  if (next === current) return;
  await sessionSet(STORAGE_FULL_KEY, next ?? undefined);
  if (next) console.warn(`Privacy Ledger: the browser refused to store more (${next.where}); storage is full`);
}

function settle(): Promise<void> {
  followOtherContexts();
  queued += 1;
  const run = queue.then(reconcile).finally(() => {
    queued -= 1;
  });
  queue = run.catch(() => {});
  return run;
}

/** Notes a write the browser refused for want of space, and shows it. */
export function reportStorageFull(where: Where, at = Date.now()): Promise<void> {
  const last = seen[where];
  seen[where] = { ok: false, at: last && !last.ok ? last.at : at };
  return settle();
}

/** Notes a write that succeeded; given `where`, only that store's report goes (a settings write says nothing of the ledger's space), without it every report. */
export function clearStorageFull(where?: Where, at = Date.now()): Promise<void> {
  for (const store of where ? [where] : STORES) seen[store] = { ok: true, at };
  followOtherContexts();
  if (flagged === false && queued === 0) return Promise.resolve();
  return settle();
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
    await clearStorageFull(where);
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
        events.addEventListener('complete', () => void clearStorageFull('ledger').catch(() => {}));
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
