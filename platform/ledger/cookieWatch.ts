import { browser } from 'wxt/browser';
import type { CookieObservation } from '../../core/ledger/cookies/merge';
import type { Settings } from '../../core/settings/schema';
import { siteOf } from '../../core/sites/domain';
import { database, type LedgerDatabase } from '../db';
import { loadSettings } from '../settingsStorage';
import { attributeCookie, type OpenTab, type SetCookie } from '../../core/ledger/cookies/attribution';
import { flagCookiesAfter, recordCookies } from './cookieStore';
import { createRefusals } from './refusals';
import { tabContacts } from './tabContacts';

/** Cookies set within this window are written together: pages set dozens at once. */
export const BATCH_WINDOW_MS = 400;
/** A third-party cookie whose page's request to its party is not noted yet is looked at again, this many times. */
const ATTEMPTS = 3;

export interface CookieWatchDeps {
  db: LedgerDatabase;
  settings: () => Promise<Settings>;
  openTabs: () => Promise<OpenTab[]>;
  contacted: (tabId: number, site: string) => Promise<ReadonlySet<string>>;
}

/** The fields of a browser's cookie the ledger reads (Chrome's and Firefox's typings differ elsewhere). */
export interface BrowserCookie {
  name: string;
  domain: string;
  session: boolean;
  expirationDate?: number;
  partitionKey?: { topLevelSite?: string };
}

/** A cookie from `cookies.onChanged`, in the ledger's terms. */
export function setCookieOf(cookie: BrowserCookie, at: number): SetCookie {
  return {
    domain: cookie.domain.replace(/^\./, ''),
    name: cookie.name,
    expiresAt: cookie.session || cookie.expirationDate === undefined ? null : Math.round(cookie.expirationDate * 1000),
    at,
    partitionSite: cookie.partitionKey?.topLevelSite ?? null,
  };
}

/** A cookie waiting to be written, and the erase generation it was seen in. */
interface Pending {
  cookie: SetCookie;
  attempts: number;
  generation: number;
}

/**
 * Watches cookies being set and keeps the ledger's cookie rows. Bursts are
 * buffered for `BATCH_WINDOW_MS` and written in one transaction; writes and
 * re-checks run one after another, so a refusal being recorded and a burst
 * being written never miss each other. A burst is taken from the buffer only
 * when its turn comes, so what waits is always in the buffer or in the one
 * write under way.
 */
export function createCookieWatch(deps: CookieWatchDeps) {
  const refusals = createRefusals(deps.db);
  let buffer: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  // Each erase starts a new generation; a cookie seen in an older one is not written for the erased site
  // (or for any site, after Erase everything). `ALL` stands for every site.
  let generation = 0;
  const ALL = Symbol('every site');
  const erasedBefore = new Map<string | typeof ALL, number>();
  const erased = (site: string, seenIn: number) => seenIn < Math.max(erasedBefore.get(site) ?? 0, erasedBefore.get(ALL) ?? 0);
  /** An erase mark can go once no cookie seen before it still waits. */
  const dropSpentMarks = () => {
    let oldest = generation;
    for (const item of buffer) oldest = Math.min(oldest, item.generation);
    for (const [site, before] of erasedBefore) if (before <= oldest) erasedBefore.delete(site);
  };

  const serially = (work: () => Promise<void>): Promise<void> => {
    const run = queue.then(work).catch((e: unknown) => console.warn('Privacy Ledger: cookie ledger write failed', e));
    queue = run;
    return run;
  };

  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = null;
      void flush();
    }, BATCH_WINDOW_MS);
  };

  async function write(batch: Pending[]): Promise<void> {
    const settings = await deps.settings();
    if (settings.paused) return;
    const paused = (site: string) => settings.pausedSites.includes(site);
    const tabs = await deps.openTabs();
    const seen: CookieObservation[] = [];
    for (const item of batch) {
      // Cookies tied to a paused site, first or third party, are dropped; so are those of a site erased since.
      const found = await attributeCookie(item.cookie, tabs, deps.contacted);
      if (found.length) seen.push(...found.filter((o) => !paused(o.site) && !erased(o.site, item.generation)));
      else if (item.attempts + 1 < ATTEMPTS) buffer.push({ ...item, attempts: item.attempts + 1 });
    }
    if (buffer.length) schedule();
    await recordCookies(deps.db, seen, await refusals.load(seen.map((s) => s.site)));
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    return serially(async () => {
      const batch = buffer;
      buffer = [];
      if (batch.length) await write(batch);
      dropSpentMarks();
    });
  }

  return {
    /** A cookie was set (not removed). */
    seen(cookie: SetCookie): void {
      buffer.push({ cookie, attempts: 0, generation });
      schedule();
    },
    /**
     * The site's records (every site's, with null) are about to be erased:
     * cookies seen until now are not written for it, and the promise settles
     * once the write under way, if any, is done. So an erase that waits for it
     * is not followed by rows from before.
     */
    erasing(site: string | null): Promise<void> {
      generation += 1;
      erasedBefore.set(site ?? ALL, generation);
      refusals.forget(site);
      return queue.then(() => undefined);
    },
    /** A `consent.answer` was just recorded on `site`: forget the old answer, and flag cookies set since the new one. */
    answered(site: string): Promise<void> {
      refusals.forget(site);
      return serially(async () => {
        const refusal = await refusals.latest(site);
        if (refusal) await flagCookiesAfter(deps.db, site, refusal);
      });
    },
    /** Writes what is buffered now; resolves when every write before it is done. */
    flush,
  };
}

/** The open tabs that show websites, from their URLs (visible through host access). */
async function openTabs(): Promise<OpenTab[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((t) => {
    const site = t.id !== undefined && t.url ? siteOf(t.url) : null;
    return site ? [{ tabId: t.id!, site }] : [];
  });
}

let watch: ReturnType<typeof createCookieWatch> | null = null;

/** Starts recording the cookies sites set. Adds its listener synchronously, for a waking worker. */
export function startCookieWatch(): void {
  watch = createCookieWatch({ db: database(), settings: loadSettings, openTabs, contacted: (tabId, site) => tabContacts.partiesOf(tabId, site) });
  browser.cookies.onChanged.addListener(({ removed, cookie }) => {
    if (!removed) watch?.seen(setCookieOf(cookie, Date.now()));
  });
}

/** See `erasing` above; nothing to wait for where the watch has not started. */
export function forgetCookiesSeen(site: string | null): Promise<void> {
  return watch?.erasing(site) ?? Promise.resolve();
}

/** Tells the cookie watch that a consent answer was written for `site`. */
export function noteConsentAnswer(site: string): Promise<void> {
  return watch?.answered(site) ?? Promise.resolve();
}
