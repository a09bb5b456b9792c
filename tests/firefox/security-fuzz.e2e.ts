/**
 * Pages do not break, in Firefox ESR with both builds: the generated pages of
 * tests/e2e/security-fuzz.e2e.ts (scripts/lib/fuzzPages.ts, the same seeds,
 * kinds and hosts, fewer of them) in several tabs at once, and no uncaught
 * error from the extension's content scripts or background page. Every
 * failure names the page's URL, whose seed and kind replay it.
 * FUZZ_PAGES_FIREFOX and FUZZ_TABS_FIREFOX change the run's size. Needs the
 * builds: `npx wxt build -b firefox` and `... --mv3`.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/settings/defaults';
import type { Settings } from '../../core/settings/schema';
import { MAX_ANSWERS } from '../../platform/consent/loopGuard';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixtureServer';
import { dwellMs, FUZZ_HOSTS, fuzzPage, kindOfRunPage, OTHER_ORIGIN_MARK, PAGE_THROW_MARK, runPageHost, type FuzzKind } from '../../scripts/lib/fuzzPages';
import { rowsInExtension } from '../../scripts/lib/workerState';
import { reportErrors, scrollLockState, settledLoads } from '../e2e/support/fuzzRun';
import { PROFILE_PURPOSES } from '../support/profiles';
import { backgroundErrors, classifyLogEntry, contextIdOf, watchBackground, watchLog, type CollectedError, type LogEntry } from './support/extensionErrors';
import { EXTENSION_UUID, KEEP_BACKGROUND_UP, launchWithExtension, openExtensionPage, type FirefoxWithExtension } from './support/firefox';
import { until } from '../../scripts/lib/until';

const PAGES = Number(process.env.FUZZ_PAGES_FIREFOX ?? 150);
const TABS = Number(process.env.FUZZ_TABS_FIREFOX ?? 4);
/**
 * The run's page numbers: the first PAGES of the Chromium run, and its first
 * huge page (number 400) when the run is shorter than that, first, so that a
 * short run still has one.
 */
const RUN = [...(PAGES < 400 ? [399] : []), ...Array.from({ length: PAGES }, (_, i) => i)];
/** A hang guard for the whole run, not a timing: ten minutes for the default run, more for a longer one. */
const RUN_TIMEOUT_MS = Math.max(600_000, RUN.length * 1_500);
/** Seeds of the reload pages, apart from the run's (the Chromium file's). */
const GUARD_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

type Ext = {
  tabs: { query(q: object): Promise<{ id?: number; url?: string; status?: string }[]> };
  storage: {
    local: { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
    session: { get(k: string): Promise<Record<string, unknown>> };
  };
  scripting: { executeScript(o: { target: { tabId: number; allFrames?: boolean }; func: () => void }): Promise<unknown> };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Pages do not break in Firefox: %s', (build) => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;
  let extPage: Page;
  const errors: CollectedError[] = [];
  /** What each tab shows, by the BiDi id of its top browsing context, for the reports. */
  const shown = new Map<string, string>();
  const tabs = new Set<Page>();
  let stopLog = () => {};
  /** The error entries left out (the pages' own, Firefox's messages), by text, for the run's report. */
  const others = new Map<string, number>();

  /** What a browsing context showed: its tab's page, or (a frame's) the page of the tab holding it. */
  const sourceOf = (context: string) => {
    if (shown.has(context)) return shown.get(context)!;
    for (const tab of tabs) {
      const frame = tab.frames().find((f) => (f as unknown as { _id: string })._id === context);
      if (frame) return `a frame (${frame.url()}) of ${shown.get(contextIdOf(tab)) ?? tab.url()}`;
    }
    return `browsing context ${context}`;
  };
  const pageUrl = (seed: number, kind: FuzzKind, host: string = FUZZ_HOSTS[0]) => server.url(host, `/page?seed=${seed}&kind=${kind}`);
  /** Whether a tab shows `url` loaded within 10 s, as the extension's tabs API sees it (no page script is asked). */
  const loadedInTab = (url: string) =>
    until(
      `a tab showing ${url} loaded`,
      () => extPage.evaluate(async (wanted) => (await (globalThis as unknown as { browser: Ext }).browser.tabs.query({})).some((t) => t.url === wanted && t.status === 'complete'), url),
      10_000,
    ).then(
      () => true,
      () => false,
    );
  const sessionNumber = async (tab: Page, key: string) => Number(await tab.evaluate((k) => sessionStorage.getItem(k), key));
  const newTab = async (options?: Parameters<FirefoxWithExtension['browser']['newPage']>[0]) => {
    const tab = await firefox.browser.newPage(options);
    tabs.add(tab);
    return tab;
  };
  const closeTab = async (tab: Page) => {
    tabs.delete(tab);
    await tab.close();
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchWithExtension(build, {
      prefs: {
        'network.dns.localDomains': FUZZ_HOSTS.join(','),
        // Secure contexts, so the pages' permission calls reach the real APIs (and the extension's watcher), as in Chromium.
        'dom.securecontext.allowlist': FUZZ_HOSTS.join(','),
        // The background page stays up, so the listeners the test adds to it watch the whole run.
        ...KEEP_BACKGROUND_UP,
        // Background tabs keep ordinary timers, so the extension works in every tab of the run, not only the front one.
        'dom.min_background_timeout_value': 4,
        'dom.timeout.enable_budget_throttling': false,
      },
    });
    extPage = firefox.page;
    await openExtensionPage(extPage, '/dashboard.html#/data');
    // Refusing everything optional lets the unknown-banner heuristic press refusals (as in the Chromium run).
    const settings: Settings = { ...defaultSettings(), onboarded: true, preferences: { ...PROFILE_PURPOSES.denyOptional, legitimateInterest: 'object' } };
    await extPage.evaluate((values) => (globalThis as unknown as { browser: Ext }).browser.storage.local.set(values), { settings } as Record<string, unknown>);
    await watchBackground(extPage);
    stopLog = watchLog(extPage, EXTENSION_ORIGIN, (e) => errors.push(e), sourceOf, (entry) => {
      if (entry.type !== 'javascript') return;
      const text = (entry.text ?? '').slice(0, 100);
      others.set(text, (others.get(text) ?? 0) + 1);
    });
  });

  afterAll(async () => {
    stopLog();
    await firefox?.browser.close();
    await server?.close();
  });

  it('the error collector catches what the content scripts\' sandbox and the background page throw, and not the page\'s own errors', async () => {
    const tab = await newTab();
    const url = pageUrl(1, 'dom');
    shown.set(contextIdOf(tab), url);
    await tab.goto(url, { waitUntil: 'load' });
    // An uncaught error and an unhandled rejection in the content scripts' sandbox, as a bug in one of them
    // would throw them, injected from an extension page with the extension's own scripting API.
    await extPage.evaluate(async (wanted) => {
      const b = (globalThis as unknown as { browser: Ext }).browser;
      const tabId = (await b.tabs.query({})).find((t) => t.url === wanted)!.id!;
      await b.scripting.executeScript({
        target: { tabId },
        func: () => {
          setTimeout(() => {
            throw new Error('probe: content-script sandbox');
          }, 0);
          void Promise.reject(new Error('probe: content-script rejection'));
        },
      });
    }, url);
    await until('the sandbox probes', () => errors.length >= 2, 10_000);
    const probes = errors.splice(0);
    expect(probes.map((e) => [e.where, e.message.split('\n')[0], e.source])).toEqual([
      ['content scripts', 'Error: probe: content-script sandbox', url],
      ['unattributed', 'Error: probe: content-script rejection', url],
    ]);
    // The same in every frame of a page that embeds pages of the other fuzz site (out of process under Fission).
    const framingSeed = Array.from({ length: 100 }, (_, i) => i + 1).find((seed) => fuzzPage(seed, 'dom').html.includes(OTHER_ORIGIN_MARK))!;
    const framing = pageUrl(framingSeed, 'dom');
    shown.set(contextIdOf(tab), framing);
    await tab.goto(framing, { waitUntil: 'load' });
    await until('the frames of the other site', () => tab.frames().filter((f) => f.url().startsWith(server.url(FUZZ_HOSTS[1], '/page'))).length > 0, 10_000);
    await extPage.evaluate(async (wanted) => {
      const b = (globalThis as unknown as { browser: Ext }).browser;
      const tabId = (await b.tabs.query({})).find((t) => t.url === wanted)!.id!;
      await b.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => void setTimeout(() => { throw new Error('probe: every frame'); }, 0) });
    }, framing);
    const otherSite = `(${server.url(FUZZ_HOSTS[1], '/page')}`;
    await until('the probe in a frame of the other site', () => errors.some((e) => e.source.includes(otherSite)), 10_000);
    await sleep(300);
    const framed = errors.splice(0);
    expect(framed.every((e) => e.where === 'content scripts' && e.message.startsWith('Error: probe: every frame')), reportErrors(framed)).toBe(true);
    expect(framed.filter((e) => e.source === framing)).toHaveLength(1);
    expect(framed.filter((e) => e.source.startsWith(`a frame ${otherSite}`) && e.source.endsWith(` of ${framing}`)).length).toBeGreaterThan(0);

    // The page's own errors, thrown and rejected by its own inline script, are not the extension's.
    const pageOwn = await tab.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = "setTimeout(() => { throw new Error('the page its own') }, 0); Promise.reject(new Error('the page its own rejection'));";
      document.head.append(script);
      return script.isConnected;
    });
    expect(pageOwn).toBe(true);
    const pageErrors: string[] = [];
    tab.on('pageerror', (e) => pageErrors.push((e as Error).message));
    await until("the page's own errors", () => pageErrors.length >= 2, 10_000);
    await sleep(500);
    expect(errors, reportErrors(errors)).toEqual([]);
    await closeTab(tab);

    // The rules for the content scripts' own files, which no probe can make throw, on made-up entries.
    const frame = (url: string) => ({ url, functionName: 'f', lineNumber: 1, columnNumber: 1 });
    const entry = (text: string, urls: string[], type = 'javascript'): LogEntry => ({ type, level: 'error', text, source: {}, stackTrace: { callFrames: urls.map(frame) } });
    const file = `${EXTENSION_ORIGIN}/content-scripts/asks.js`;
    expect(classifyLogEntry(entry('TypeError: x is null', [file]), EXTENSION_ORIGIN)).toBe('content scripts');
    expect(classifyLogEntry(entry('TypeError: x is null', ['http://fuzz.test/page', file]), EXTENSION_ORIGIN)).toBe('content scripts');
    expect(classifyLogEntry(entry(`Error: ${PAGE_THROW_MARK}: callback`, ['http://fuzz.test/page', file]), EXTENSION_ORIGIN)).toBeNull();
    expect(classifyLogEntry(entry('Error: the page its own', ['http://fuzz.test/page']), EXTENSION_ORIGIN)).toBeNull();
    expect(classifyLogEntry(entry('TypeError: x is null', []), EXTENSION_ORIGIN)).toBe('unattributed');
    expect(classifyLogEntry(entry('The Notification permission may only be requested in a secure context.', []), EXTENSION_ORIGIN)).toBeNull();
    expect(classifyLogEntry(entry('probe', [file], 'console'), EXTENSION_ORIGIN)).toBeNull();

    // The background page: a thrown error, a rejection and a logged error, each caught.
    // The callbacks are the background's own builtins, so each error is raised in its realm, not this page's.
    await extPage.evaluate(async () => {
      const bg = (await (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser.runtime.getBackgroundPage()) as Window & typeof globalThis;
      bg.setTimeout(bg.JSON.parse, 0, '{probe: background');
      void bg.Promise.resolve('{probe: background rejection').then(bg.JSON.parse);
      bg.console.error('probe: background log');
    });
    let seen: CollectedError[] = [];
    await until('the background probes', async () => (seen = (await backgroundErrors(extPage)) ?? []).length >= 3, 10_000);
    for (const text of ['uncaught: SyntaxError', 'unhandled rejection: SyntaxError', 'console.error: probe: background log']) {
      expect(seen.some((e) => e.message.startsWith(text)), `${text} in ${reportErrors(seen)}`).toBe(true);
    }
    expect(seen).toHaveLength(3);
    // A throw in one of the background's WebExtension event listeners (storage.onChanged here) is caught too.
    await extPage.evaluate(async () => {
      type Bg = Window & typeof globalThis & { browser: { storage: { onChanged: { addListener(f: unknown): void; removeListener(f: unknown): void } } } };
      const b = (globalThis as unknown as { browser: Ext & { runtime: { getBackgroundPage(): Promise<Bg> } } }).browser;
      const bg = await b.runtime.getBackgroundPage();
      bg.browser.storage.onChanged.addListener(bg.JSON.parse);
      await b.storage.local.set({ 'test.probe': 1 });
      await new Promise((r) => setTimeout(r, 500));
      bg.browser.storage.onChanged.removeListener(bg.JSON.parse);
      await (b.storage.local as unknown as { remove(k: string): Promise<void> }).remove('test.probe');
    });
    await until('the background listener probe', async () => (seen = (await backgroundErrors(extPage)) ?? []).length >= 4, 10_000);
    // The probes are the background's only errors so far (Firefox may call the listener more than once
    // for one change); they are left out of the run's count below.
    await sleep(300);
    seen = (await backgroundErrors(extPage)) ?? [];
    expect(seen.slice(3).map((e) => e.message.split(':').slice(0, 2).join(':')), reportErrors(seen)).toEqual(seen.slice(3).map(() => 'uncaught: SyntaxError'));
  });

  it(`${RUN.length} generated pages in ${TABS} tabs: no uncaught error from the extension`, async () => {
    const before = ((await backgroundErrors(extPage)) ?? []).length;
    const started = Date.now();
    const perKind = new Map<string, number>();
    const navigationFailures: string[] = [];
    /** Loads the BiDi command called aborted that completed all the same, and loads really left undone and made again. */
    const reported: string[] = [];
    const interrupted: string[] = [];
    let next = 0;
    let done = 0;
    /** Pages done when the watched background page was last seen (and its errors then), and when it was first found gone (restarted). */
    const background = { seenAt: 0, errors: [] as CollectedError[], goneBy: null as number | null };
    const checkBackground = async () => {
      if (background.goneBy !== null) return;
      const at = done;
      const seen = await backgroundErrors(extPage);
      if (seen === null) background.goneBy = at;
      else Object.assign(background, { seenAt: at, errors: seen });
    };
    // Each tab but the last is the front tab of a window of its own, as the page a person looks at; the
    // last is a tab behind the first window's, as a link opened in the background, so hidden pages are
    // fuzzed too. With every tab but one hidden, the consent engine seldom finished within a page's stay
    // (its banner gets answered, only later), and the run's counts of answers below came near zero.
    const runTab = async (_: unknown, n: number) => {
      const tab = await newTab(n === TABS - 1 && n > 0 ? { background: true } : { type: 'window' });
      const id = contextIdOf(tab);
      while (next < RUN.length) {
        const index = RUN[next++]!;
        const seed = index + 1;
        const kind = kindOfRunPage(index);
        const url = pageUrl(seed, kind, runPageHost(index));
        const previous = shown.get(id);
        shown.set(id, previous ? `${url} (or the page before it, ${previous.split(' ')[0]})` : url);
        // A hang guard, not a timing: a huge page can take long to parse. Firefox alone, without the
        // extension, took 85 to 90 s to load the larger ones (seeds 1600 and 2000) in a background tab.
        const go = () => tab.goto(url, { waitUntil: 'load', timeout: kind === 'huge' ? 360_000 : 60_000 });
        try {
          // Firefox's BiDi navigate command sometimes fails with NS_BINDING_ABORTED while the load itself goes
          // on and completes: the same 2,000 pages without the extension gave 32 such failures, nearly all
          // on or right after a mutation page, and the tab showed the wanted page, loaded, each time it was
          // asked. So the tab is asked (through the extension's tabs API, which a page's script cannot fool)
          // before the load counts as failed; a load really left undone is made up to twice more, counted.
          for (let attempt = 0; ; attempt++) {
            try {
              await go();
              break;
            } catch (error) {
              if (!/NS_BINDING_ABORTED/.test((error as Error).message)) throw error;
              if (await loadedInTab(url)) {
                reported.push(`${url} (after ${previous?.split(' ')[0] ?? 'nothing'})`);
                break;
              }
              if (attempt === 2) throw error;
              interrupted.push(`${url}${attempt ? ' (again)' : ''}`);
            }
          }
          await sleep(dwellMs(seed, kind));
        } catch (error) {
          navigationFailures.push(`${url}: ${(error as Error).message.split('\n')[0]}`);
        }
        perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
        done++;
        if (done % 50 === 0) await checkBackground();
      }
      // Leave each tab through a blank page, so unload-time errors are reported against the last page.
      await tab.goto('about:blank').catch(() => undefined);
      await sleep(500);
      await closeTab(tab);
    };
    await Promise.all(Array.from({ length: TABS }, runTab));
    console.info(`fuzz (${build}): ${done} pages in ${Math.round((Date.now() - started) / 1000)} s`, Object.fromEntries(perKind), { navigationFailures, reported, interrupted });
    console.info(`fuzz (${build}): error entries left out as the pages' own`, Object.fromEntries([...others].sort((a, b) => b[1] - a[1]).slice(0, 15)));
    expect(done).toBe(RUN.length);
    // Soft: a failed load must not hide what the rest of the run found.
    expect.soft(navigationFailures, navigationFailures.join('\n')).toEqual([]);
    expect.soft(errors, `uncaught errors from the extension's content scripts:\n${reportErrors(errors)}`).toEqual([]);
    // The background page watched is the one of the whole run (not restarted), and it threw nothing new.
    await checkBackground();
    const restarted = `the background page was restarted during the run (after ${background.seenAt} pages, by ${background.goneBy}), so part of it went unwatched`;
    expect(background.goneBy, restarted).toBeNull();
    const thrown = background.errors.slice(before);
    expect(thrown, `errors in the background page:\n${reportErrors(thrown)}`).toEqual([]);
    // The pages reached the extension's code, not only its start: banners answered or judged, forms read.
    const events = (await extPage.evaluate(rowsInExtension<{ site: string; kind: string }>, 'events')).filter((e) => (FUZZ_HOSTS as readonly string[]).includes(e.site));
    const count = (kind: string) => events.filter((e) => e.kind === kind).length;
    console.info(`fuzz (${build}): ledger events on the fuzz sites`, { consent: count('consent.answer'), forms: count('form.fields'), prompts: count('permission.prompt') });
    expect(count('consent.answer')).toBeGreaterThan(0);
    expect(count('form.fields')).toBeGreaterThan(0);
  }, RUN_TIMEOUT_MS);

  it(`a dialog that reloads the page at every answer gets at most ${MAX_ANSWERS} answer in a tab, then the reloads stop`, async () => {
    const outcomes = await Promise.all(
      GUARD_SEEDS.map(async (seed) => {
        const tab = await newTab();
        const url = pageUrl(seed, 'reload', FUZZ_HOSTS[seed % 2]);
        shown.set(contextIdOf(tab), url);
        await tab.goto(url, { waitUntil: 'load' });
        const loads = await settledLoads(() => sessionNumber(tab, 'fuzz.loads'), 60_000, `${url} to stop reloading`);
        const result = { url, loads, answers: await sessionNumber(tab, 'fuzz.answers') };
        await closeTab(tab);
        return result;
      }),
    );
    console.info(`reload pages (${build})`, outcomes);
    const tooMany = outcomes.filter((o) => o.loads - 1 > MAX_ANSWERS || o.answers > MAX_ANSWERS);
    expect(tooMany, `more reloads than the guard allows (replay these):\n${JSON.stringify(tooMany, null, 1)}`).toEqual([]);
    // The guard was really put to work: the pages were answered, and answered again until it stepped in.
    expect(outcomes.filter((o) => o.answers === MAX_ANSWERS).length, JSON.stringify(outcomes, null, 1)).toBeGreaterThanOrEqual(GUARD_SEEDS.length / 2);
    expect(errors, `uncaught errors from the extension's content scripts:\n${reportErrors(errors)}`).toEqual([]);
  }, 120_000);

  it('a dialog that locks scrolling and never unlocks it leaves a scrollable page once answered', async () => {
    const outcomes = await Promise.all(
      GUARD_SEEDS.map(async (seed) => {
        // A window each: a page in a tab behind another may not be answered within the wait.
        const tab = await newTab({ type: 'window' });
        const url = pageUrl(seed, 'scrolllock', FUZZ_HOSTS[seed % 2]);
        shown.set(contextIdOf(tab), url);
        await tab.goto(url, { waitUntil: 'load' });
        // The engine's verdict for the tab, repairs included: the scroll lock is undone after the answer is checked.
        let record: { outcome?: string; repairs?: string[] } | null = null;
        const verdict = async () => {
          record = await extPage.evaluate(async (wanted) => {
            const api = (globalThis as unknown as { browser: Ext }).browser;
            const id = (await api.tabs.query({})).find((t) => t.url === wanted)?.id;
            return id === undefined ? null : (((await api.storage.session.get(`consent.${id}`))[`consent.${id}`] ?? null) as { outcome?: string; repairs?: string[] } | null);
          }, url);
          return record !== null && record.outcome !== 'working';
        };
        await until(`a verdict on ${url}`, verdict, 30_000).catch(() => undefined);
        const answered = (await sessionNumber(tab, 'fuzz.answers')) > 0;
        const state = await tab.evaluate(scrollLockState);
        await closeTab(tab);
        const { outcome, repairs } = (record ?? {}) as { outcome?: string; repairs?: string[] };
        return { url, answered, outcome: outcome ?? null, repairs: repairs ?? [], ...state };
      }),
    );
    console.info(`scroll-lock pages (${build})`, outcomes);
    expect(outcomes.filter((o) => !o.tall), 'every scroll-lock page is taller than the window').toEqual([]);
    const stuck = outcomes.filter((o) => o.answered && (o.locked || o.scrollY === 0));
    expect(stuck, `answered, but the page still does not scroll (replay these):\n${JSON.stringify(stuck, null, 1)}`).toEqual([]);
    // The pages never unlock themselves: where one scrolls again, the engine undid the lock and recorded it.
    expect(outcomes.filter((o) => o.answered && o.repairs.length === 0), 'answered without a recorded repair').toEqual([]);
    // The guard was really put to work: most pages were answered and their dialog removed.
    expect(outcomes.filter((o) => o.answered && !o.dialog).length, JSON.stringify(outcomes, null, 1)).toBeGreaterThanOrEqual(GUARD_SEEDS.length / 2);
    expect(errors, `uncaught errors from the extension's content scripts:\n${reportErrors(errors)}`).toEqual([]);
  }, 120_000);
});
