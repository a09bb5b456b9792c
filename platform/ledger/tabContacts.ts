import { sessionEntries, sessionSet } from '../sessionStore';

/** However many parties a site's pages call in one tab, the list stays this short. */
export const MAX_PARTIES_PER_SITE = 1000;
/** The sites a tab showed last, each with its list: the previous page's late requests still count for it. */
export const MAX_SITES_PER_TAB = 3;
const SAVE_AFTER_MS = 500;

/** One tab's lists, by the site whose pages made the requests: as kept between two runs of the worker. */
export type StoredTab = Record<string, string[]>;

export interface ContactsStore {
  /** Every tab's kept lists. */
  all: () => Promise<Map<number, unknown>>;
  /** Keeps one tab's lists, or drops them when given null. */
  put: (tabId: number, lists: StoredTab | null) => Promise<void>;
}

type TabLists = Map<string, Set<string>>;

/**
 * The other sites (registrable domains) each tab's pages have contacted, by
 * the site of the page that made the request, frames included, as the
 * third-party ledger sees the requests go out. The cookie watch ties a third
 * party's cookie to the sites whose pages, open in a tab, contacted that
 * party. Keyed by site rather than reset at each navigation, so that a page's
 * last requests after the next page started (beacons), a prerender or a
 * download in the tab, a page restored from the back-forward cache and a page
 * served by a service worker are each counted for the right site. A tab keeps
 * its last few sites; a closed tab is forgotten. Kept in `store` as well, a
 * moment after each change, so that a service worker that sleeps and wakes
 * still knows what the open pages contacted.
 */
export function createTabContacts(store: ContactsStore, saveAfterMs = SAVE_AFTER_MS) {
  const tabs = new Map<number, TabLists>();
  const closed = new Set<number>();
  const dirty = new Set<number>();
  // Erasing everything starts a new epoch: a restore begun before it merges nothing.
  let epoch = 0;
  let restored: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const merge = (tabId: number, kept: unknown) => {
    if (closed.has(tabId) || !kept || typeof kept !== 'object' || Array.isArray(kept)) return;
    const lists = tabs.get(tabId) ?? new Map<string, Set<string>>();
    for (const [site, parties] of Object.entries(kept)) {
      if (!Array.isArray(parties) || (!lists.has(site) && lists.size >= MAX_SITES_PER_TAB)) continue;
      const now = lists.get(site) ?? new Set<string>();
      for (const party of parties) if (typeof party === 'string' && now.size < MAX_PARTIES_PER_SITE) now.add(party);
      lists.set(site, now);
    }
    if (lists.size) tabs.set(tabId, lists);
  };

  // What a previous run kept, merged in once; later changes act on memory alone.
  const restore = (): Promise<void> => {
    const at = epoch;
    return (restored ??= store
      .all()
      .then((kept) => {
        if (at === epoch) for (const [tabId, lists] of kept) merge(tabId, lists);
      })
      .catch(() => undefined));
  };

  const save = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    await restore();
    // After forgetAll, only what changed since is written.
    const changed = [...dirty];
    dirty.clear();
    await Promise.all(
      changed.map((tabId) => {
        const lists = tabs.get(tabId);
        return store.put(tabId, lists ? Object.fromEntries([...lists].map(([site, parties]) => [site, [...parties]])) : null);
      }),
    );
  };

  const changed = (tabId: number) => {
    dirty.add(tabId);
    timer ??= setTimeout(() => void save().catch(warn), saveAfterMs);
  };

  return {
    /** A page of `site` in `tabId` contacted `party`. */
    noteContact(tabId: number, site: string, party: string): void {
      if (closed.has(tabId)) return;
      let lists = tabs.get(tabId);
      if (!lists) tabs.set(tabId, (lists = new Map()));
      let parties = lists.get(site);
      if (!parties) {
        // The site the tab showed longest ago makes room.
        if (lists.size >= MAX_SITES_PER_TAB) lists.delete(lists.keys().next().value!);
        lists.set(site, (parties = new Set()));
      } else if ([...lists.keys()].at(-1) !== site) {
        // Most recent last.
        lists.delete(site);
        lists.set(site, parties);
      }
      if (parties.has(party) || parties.size >= MAX_PARTIES_PER_SITE) return;
      parties.add(party);
      changed(tabId);
    },
    forget(tabId: number): void {
      closed.add(tabId);
      tabs.delete(tabId);
      changed(tabId);
    },
    /** Every tab's list of `site` dropped (the user erased the site). */
    forgetSite(site: string): Promise<void> {
      return restore().then(() => {
        for (const [tabId, lists] of tabs) if (lists.delete(site)) changed(tabId);
      });
    },
    /** Every list dropped, and what a previous run kept is not read any more; the caller clears the store. */
    forgetAll(): void {
      epoch++;
      if (timer) clearTimeout(timer);
      timer = null;
      tabs.clear();
      dirty.clear();
      restored = Promise.resolve();
    },
    /** The parties pages of `site` in `tabId` have contacted so far. */
    async partiesOf(tabId: number, site: string): Promise<ReadonlySet<string>> {
      await restore();
      return tabs.get(tabId)?.get(site) ?? new Set();
    },
    /** Stores now what is waiting to be stored. */
    flush(): Promise<void> {
      return timer ? save() : Promise.resolve();
    },
  };
}

const warn = (e: unknown) => console.warn('Privacy Ledger: the parties open pages contacted were not kept', e);

const PREFIX = 'contacts.';

/** The background's one list, kept in `storage.session` under `contacts.<tabId>`. */
export const tabContacts = createTabContacts({
  all: async () => new Map([...(await sessionEntries((key) => key.startsWith(PREFIX)))].map(([key, value]) => [Number(key.slice(PREFIX.length)), value])),
  put: (tabId, lists) => sessionSet(`${PREFIX}${tabId}`, lists ?? undefined),
});

/** Writes what is waiting, for a worker about to stop; a failure is logged. */
export const flushTabContacts = (): Promise<void> => tabContacts.flush().catch(warn);

