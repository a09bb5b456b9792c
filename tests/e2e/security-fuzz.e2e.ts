import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../core/consent/record';
import { MAX_ANSWERS } from '../../platform/consent/loopGuard';
import { dwellMs, FUZZ_HOSTS, fuzzPage, kindOfRunPage, OTHER_ORIGIN_MARK, PAGE_THROW_MARK, runPageHost, type FuzzKind } from '../../scripts/lib/fuzzPages';
import { readStorage } from '../../scripts/lib/workerState';
import { useProfile } from './support/consent';
import { classifyException, watchPage, watchWorker, type CollectedError } from './support/extensionErrors';
import { startHarness, type Harness } from './support/harness';
import { reportErrors, scrollLockState, settledLoads } from './support/fuzzRun';
import { until } from '../../scripts/lib/until';

/**
 * Pages do not break: generated pages (scripts/lib/fuzzPages.ts) in several
 * tabs at once, with the built extension, and no uncaught error from it.
 * Every failure names the page's URL, whose seed and kind replay it:
 * `http://fuzz.test:PORT/page?seed=N&kind=K` under `npm start`, or
 * `fuzzPage(N, K)`. FUZZ_PAGES and FUZZ_TABS change the run's size.
 */
const PAGES = Number(process.env.FUZZ_PAGES ?? 3000);
/** A hang guard for the whole run, not a timing: 15 minutes, or half a second a page for a longer run. */
const RUN_TIMEOUT_MS = Math.max(900_000, PAGES * 500);
const TABS = Number(process.env.FUZZ_TABS ?? 16);
/** Seeds of the guard pages, apart from the run's. */
const GUARD_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

let h: Harness;
const errors: CollectedError[] = [];
let stopWatchingWorker = () => {};

beforeAll(async () => {
  // Secure contexts, so the pages' permission calls reach the real APIs (and the extension's watcher).
  h = await startHarness({ secureHosts: [...FUZZ_HOSTS] });
  // Refusing everything optional lets the unknown-banner heuristic press refusals.
  await useProfile(h, 'denyOptional');
  stopWatchingWorker = await watchWorker(h, (e) => errors.push(e));
});
afterAll(async () => {
  stopWatchingWorker();
  await h?.shutdown();
});

const pageUrl = (seed: number, kind: FuzzKind, host: string = FUZZ_HOSTS[0]) => h.server.url(host, `/page?seed=${seed}&kind=${kind}`);


describe('the error collector', () => {
  it('catches an exception thrown in the extension isolated world (in the tab and in a frame of another site), in its service worker, and from its main-world files', async () => {
    const seen: CollectedError[] = [];
    const page = await h.context.newPage();
    const watch = await watchPage(h, page, (e) => seen.push(e));
    watch.label = pageUrl(1, 'dom');
    await page.goto(watch.label);
    await until("the extension's isolated world", () => watch.isolatedContexts().length > 0, 10_000);
    const contextId = watch.isolatedContexts().at(-1)!;
    // An uncaught error in the content scripts' world, as a bug in one of them would throw it.
    await watch.cdp.send('Runtime.evaluate', { expression: "setTimeout(() => { throw new Error('probe: isolated world') }, 0); Promise.reject(new Error('probe: isolated rejection'))", contextId });
    await until('the isolated-world probes', () => seen.length >= 2, 5000);
    expect(seen.map((e) => [e.where, e.message.split('\n')[0]])).toEqual([
      ['isolated world', 'Error: probe: isolated world'],
      ['isolated world', 'Error: probe: isolated rejection'],
    ]);
    // The page's own errors are not the extension's.
    const own = h.server.url(FUZZ_HOSTS[0], '/own-error');
    await page.route(own, (route) => route.fulfill({ contentType: 'text/html', body: "<p>own</p><script>setTimeout(() => { throw new Error('the page its own') }, 0)</script>" }));
    const pageErrors: Error[] = [];
    page.on('pageerror', (e) => pageErrors.push(e));
    await page.goto(own);
    await until("the page's own error", () => pageErrors.length > 0, 5000);
    await page.waitForTimeout(300);
    expect(seen, JSON.stringify(seen)).toHaveLength(2);

    // A frame of another site, which Chromium runs in a process of its own: watched through a session of its own.
    const framingSeed = Array.from({ length: 100 }, (_, i) => i + 1).find((seed) => fuzzPage(seed, 'dom').html.includes(OTHER_ORIGIN_MARK))!;
    const framing = pageUrl(framingSeed, 'dom');
    await page.unrouteAll();
    watch.label = framing;
    await page.goto(framing);
    const ready = () => watch.outOfProcessFrames().find((f) => new URL(f.url).hostname === FUZZ_HOSTS[1] && f.isolatedContexts.length > 0);
    await until("the extension's isolated world in a frame of another site", () => ready() !== undefined, 10_000);
    const oopif = ready()!;
    await oopif.cdp.send('Runtime.evaluate', { expression: "setTimeout(() => { throw new Error('probe: frame of another site') }, 0)", contextId: oopif.isolatedContexts.at(-1)! });
    await until('the probe in the frame of another site', () => seen.length >= 3, 5000);
    expect(seen[2]!.where).toBe('isolated world');
    expect(seen[2]!.source.startsWith(framing) && seen[2]!.source.endsWith(`, in its frame ${oopif.url}`), seen[2]!.source).toBe(true);
    expect(seen[2]!.message).toContain('probe: frame of another site');
    await page.waitForTimeout(300);
    expect(seen, JSON.stringify(seen)).toHaveLength(3);
    await watch.detach();
    await page.close();

    // The main world: judged by the stack (extension files on it), never by the page's marked throws.
    const ext = `chrome-extension://${h.extensionId}`;
    const frame = (url: string) => ({ url, functionName: 'f', lineNumber: 1, columnNumber: 1 });
    expect(classifyException({ text: 'Uncaught', stackTrace: { callFrames: [frame(`${ext}/content-scripts/asks.js`)] } }, undefined, ext)).toBe('main world');
    expect(classifyException({ text: 'Uncaught', stackTrace: { callFrames: [frame('http://fuzz.test/page'), frame(`${ext}/content-scripts/asks.js`)] } }, undefined, ext)).toBe('main world');
    expect(classifyException({ text: `Uncaught Error: ${PAGE_THROW_MARK}`, stackTrace: { callFrames: [frame('http://fuzz.test/page'), frame(`${ext}/content-scripts/asks.js`)] } }, undefined, ext)).toBeNull();
    expect(classifyException({ text: 'Uncaught', url: 'http://fuzz.test/page', stackTrace: { callFrames: [frame('http://fuzz.test/page')] } }, undefined, ext)).toBeNull();
    expect(classifyException({ text: 'Uncaught' }, undefined, ext)).toBe('unattributed');

    // The service worker: a thrown error, a rejection and a logged error.
    const before = errors.length;
    await (await h.worker()).evaluate(() => {
      setTimeout(() => { throw new Error('probe: worker'); }, 0);
      void Promise.reject(new Error('probe: worker rejection'));
      console.error('probe: worker log');
    });
    await until('the worker probes', () => errors.length >= before + 3, 5000);
    const probes = errors.splice(before);
    expect(probes.every((e) => e.where === 'service worker')).toBe(true);
    for (const text of ['probe: worker log', 'probe: worker rejection', 'probe: worker']) expect(probes.some((e) => e.message.includes(text))).toBe(true);
  });
});

describe('generated pages', () => {
  it(`${PAGES} pages in ${TABS} tabs: no uncaught error from the extension`, async () => {
    const started = Date.now();
    const perKind = new Map<FuzzKind, number>();
    const navigationFailures: string[] = [];
    let next = 0;
    let done = 0;
    const tab = async () => {
      const page = await h.context.newPage();
      const watch = await watchPage(h, page, (e) => errors.push(e));
      while (next < PAGES) {
        const index = next++;
        const seed = index + 1;
        const kind = kindOfRunPage(index);
        const url = pageUrl(seed, kind, runPageHost(index));
        watch.label = url;
        try {
          // A hang guard, not a timing: a huge page on a busy machine can take long to parse.
          await page.goto(url, { waitUntil: 'load', timeout: kind === 'huge' ? 180_000 : 60_000 });
          await page.waitForTimeout(dwellMs(seed, kind));
        } catch (error) {
          navigationFailures.push(`${url}: ${(error as Error).message.split('\n')[0]}`);
        }
        perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
        done++;
      }
      // Leave each tab through a blank page, so unload-time errors are reported against the last page.
      await page.goto('about:blank').catch(() => undefined);
      await page.waitForTimeout(500);
      await watch.detach();
      await page.close();
    };
    await Promise.all(Array.from({ length: TABS }, tab));
    console.info(`fuzz: ${done} pages in ${Math.round((Date.now() - started) / 1000)} s`, Object.fromEntries(perKind), navigationFailures.length ? { navigationFailures } : '');
    expect(done).toBe(PAGES);
    // A page that does not even load is a broken page too (none is expected: the server answers every seed).
    expect(navigationFailures, navigationFailures.join('\n')).toEqual([]);
    expect(errors, `uncaught errors from the extension:\n${reportErrors(errors)}`).toEqual([]);
    // The pages reached the extension's code, not only its start: banners were answered or judged, forms read, prompts seen.
    const events = (await h.table<{ site: string; kind: string; data: { url?: string } | null }>('events')).filter((e) => (FUZZ_HOSTS as readonly string[]).includes(e.site));
    const count = (kind: string) => events.filter((e) => e.kind === kind).length;
    // Forms seen in frames of the other fuzz site, logged under the tab's site with the frame's address.
    const inOtherSiteFrames = events.filter((e) => e.kind === 'form.fields' && e.data?.url && new URL(e.data.url).hostname !== e.site).length;
    console.info('fuzz: ledger events on the fuzz sites', { consent: count('consent.answer'), forms: count('form.fields'), formsInFramesOfAnotherSite: inOtherSiteFrames, prompts: count('permission.prompt') });
    expect(count('consent.answer')).toBeGreaterThan(0);
    expect(count('form.fields')).toBeGreaterThan(0);
    expect(inOtherSiteFrames).toBeGreaterThan(0);
  }, RUN_TIMEOUT_MS);
});

const sessionNumber = async (page: Page, key: string) => Number(await page.evaluate((k) => sessionStorage.getItem(k), key));

async function consentRecord(page: Page): Promise<ConsentRecord | undefined> {
  const tabId = await h.tabIdOf(page);
  return (await readStorage(await h.worker(), 'session'))[`consent.${tabId}`] as ConsentRecord | undefined;
}

describe('the guards hold on generated pages', () => {
  it(`a dialog that reloads the page at every answer gets at most ${MAX_ANSWERS} answers in a tab, then the reloads stop`, async () => {
    const outcomes = await Promise.all(
      GUARD_SEEDS.map(async (seed) => {
        const page = await h.context.newPage();
        const url = pageUrl(seed, 'reload', FUZZ_HOSTS[seed % 2]);
        await page.goto(url);
        const loads = await settledLoads(() => sessionNumber(page, 'fuzz.loads'), 45_000, `${url} to stop reloading`);
        const result = { url, loads, answers: await sessionNumber(page, 'fuzz.answers'), record: (await consentRecord(page))?.reason ?? null };
        await page.close();
        return result;
      }),
    );
    console.info('reload pages', outcomes);
    const tooMany = outcomes.filter((o) => o.loads - 1 > MAX_ANSWERS || o.answers > MAX_ANSWERS);
    expect(tooMany, `more reloads than the guard allows (replay these):\n${JSON.stringify(tooMany, null, 1)}`).toEqual([]);
    // The guard was really put to work: the pages were answered, and answered again until it stepped in.
    expect(outcomes.filter((o) => o.answers === MAX_ANSWERS).length, JSON.stringify(outcomes, null, 1)).toBeGreaterThanOrEqual(GUARD_SEEDS.length / 2);
  }, 120_000);

  it('a dialog that locks scrolling and never unlocks it leaves a scrollable page once answered', async () => {
    const outcomes = await Promise.all(
      GUARD_SEEDS.map(async (seed) => {
        const page = await h.context.newPage();
        const url = pageUrl(seed, 'scrolllock', FUZZ_HOSTS[seed % 2]);
        await page.goto(url);
        let record: ConsentRecord | undefined;
        await until(`an answer on ${url}`, async () => (record = await consentRecord(page)) !== undefined && record.outcome !== 'working', 30_000);
        const answered = (await sessionNumber(page, 'fuzz.answers')) > 0;
        const state = await page.evaluate(scrollLockState);
        await page.close();
        return { url, answered, outcome: record!.outcome, method: record!.method, repairs: record!.repairs ?? [], ...state };
      }),
    );
    console.info('scroll-lock pages', outcomes);
    // A page that fits the window may keep its overflow (restoreScroll leaves app shells alone); these pages are all tall.
    expect(outcomes.filter((o) => !o.tall), 'every scroll-lock page is taller than the window').toEqual([]);
    const stuck = outcomes.filter((o) => o.answered && (o.locked || o.scrollY === 0));
    expect(stuck, `answered, but the page still does not scroll (replay these):\n${JSON.stringify(stuck, null, 1)}`).toEqual([]);
    expect(outcomes.filter((o) => o.answered && !o.dialog).length, JSON.stringify(outcomes, null, 1)).toBeGreaterThanOrEqual(GUARD_SEEDS.length / 2);
  }, 120_000);

  it('no uncaught error from the extension on the guard pages either', () => {
    expect(errors, `uncaught errors from the extension:\n${reportErrors(errors)}`).toEqual([]);
  });
});
