import { sessionGet, sessionSet } from '../sessionStore';

/** However many parties a page calls, its tab's list stays this short. */
export const MAX_PARTIES_PER_TAB = 1000;
const SAVE_AFTER_MS = 500;

/** Tab id to the parties its page contacted, as kept between two runs of the worker. */
export type StoredContacts = Record<string, string[]>;

export interface ContactsStore {
  get: () => Promise<StoredContacts | undefined>;
  set: (value: StoredContacts) => Promise<void>;
}

/**
 * The other sites (registrable domains) each tab's current page has
 * contacted, its frames' requests included, as the third-party ledger sees
 * the requests go out. The cookie watch ties a third party's cookie to the
 * pages that contacted that party. A new top page starts an empty list, a
 * closed tab is forgotten. Kept in `store` as well, a moment after each
 * change, so that a service worker that sleeps and wakes still knows what the
 * pages already open contacted.
 */
export function createTabContacts(store: ContactsStore, saveAfterMs = SAVE_AFTER_MS) {
  const tabs = new Map<number, Set<string>>();
  // Tabs whose page changed or that closed since this run started: what was stored for them is out of date.
  const renewed = new Set<number>();
  let restored: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  // What a previous run stored, merged in once; later changes act on memory alone.
  const restore = (): Promise<void> =>
    (restored ??= store
      .get()
      .then((stored) => {
        for (const [id, parties] of Object.entries(stored ?? {})) {
          const tabId = Number(id);
          if (renewed.has(tabId) || !Array.isArray(parties)) continue;
          const now = tabs.get(tabId) ?? new Set<string>();
          for (const party of parties) if (typeof party === 'string' && now.size < MAX_PARTIES_PER_TAB) now.add(party);
          tabs.set(tabId, now);
        }
      })
      .catch(() => undefined));

  const save = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    await restore();
    await store.set(Object.fromEntries([...tabs].map(([tabId, parties]) => [String(tabId), [...parties]])));
  };

  const changed = () => {
    timer ??= setTimeout(() => void save().catch((e: unknown) => console.warn('Privacy Ledger: the parties open pages contacted were not kept', e)), saveAfterMs);
  };

  return {
    /** The page in `tabId` contacted `party`. */
    noteContact(tabId: number, party: string): void {
      let parties = tabs.get(tabId);
      if (!parties) tabs.set(tabId, (parties = new Set()));
      if (parties.has(party) || parties.size >= MAX_PARTIES_PER_TAB) return;
      parties.add(party);
      changed();
    },
    /** `tabId` is loading a new top page: it has contacted no one yet. */
    newTopPage(tabId: number): void {
      renewed.add(tabId);
      if (tabs.get(tabId)?.size === 0) return;
      tabs.set(tabId, new Set());
      changed();
    },
    forget(tabId: number): void {
      renewed.add(tabId);
      if (tabs.delete(tabId)) changed();
    },
    /** The parties the page now in `tabId` has contacted so far. */
    async partiesOf(tabId: number): Promise<Set<string>> {
      await restore();
      return new Set(tabs.get(tabId));
    },
    /** Forgets every tab's list, and what a previous run stored is not read any more; the caller clears the store. */
    forgetAll(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      tabs.clear();
      restored = Promise.resolve();
    },
    /** Stores now what is waiting to be stored. */
    flush(): Promise<void> {
      return timer ? save() : Promise.resolve();
    },
  };
}

const KEY = 'tabContacts';

/** The background's one list, kept in `storage.session`. */
export const tabContacts = createTabContacts({ get: () => sessionGet<StoredContacts>(KEY), set: (value) => sessionSet(KEY, value) });
