/**
 * Time from navigation start to a verified decision, and banner frames shown
 * before it, on each consent page, for each extension.
 *
 * The decision moment is the same for both extensions: the first moment the
 * CMP's own stored record (its cookie or localStorage entry) exists in an
 * answered state, seen from inside the page by the probe (page-probe.ts).
 * Every run starts from a fresh tab with cookies and the site's local and
 * session storage cleared, so the banner is asked afresh.
 */
import type { Page } from 'playwright-core';
import type { ConsentRecord } from '../../core/consent/record';
import type { FixtureServer } from '../lib/fixtureServer';
import { readStorage, tabIdOf } from '../lib/workerState';
import { probeOptions, probeResult, probeScript, readStoreScript, type ProbeResult } from './page-probe';
import type { BenchPage } from './pages';
import type { Subject, SubjectId } from './subjects';

export interface DecisionRun {
  host: string;
  subject: SubjectId;
  run: number;
  /** ms from navigation start to the CMP's answered record; null: none within the timeout. */
  decisionMs: number | null;
  decisionVia: ProbeResult['decisionVia'];
  /** Animation frames with the banner visible, from the first frame to the decision. */
  bannerFrames: number;
  frames: number;
  firstBannerMs: number | null;
  /** The stored answer refuses optional purposes (null: the page has no `denied` check, or no decision). */
  denied: boolean | null;
  /** Ours only: ms from navigation start to the engine's verdict, and the verdict. */
  verdictMs: number | null;
  outcome: string | null;
  method: string | null;
  error: string | null;
}

/** One run per page with no extension: does the banner show, and when (it validates the page's selector). */
export interface ControlRun {
  host: string;
  firstBannerMs: number | null;
  /** Without an extension nothing should answer; a decision here means the page entry is wrong. */
  decisionMs: number | null;
  error: string | null;
}

export interface DecisionOptions {
  minRuns: number;
  maxRuns: number;
  /** Seconds the decision runs may take, after the minimum. */
  budgetS: number;
  timeoutMs: number;
  log: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (ms: number) => Math.round(ms * 10) / 10;

function timeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`${what} took over ${ms} ms`)), ms);
    }),
  ]);
}

/** A fresh tab on the page with nothing stored for it (cookies here, the site's storage by the probe), and the probe's result. */
async function visit(subject: Subject, server: FixtureServer, page: BenchPage, timeoutMs: number, stopAtBanner: boolean) {
  const context = subject.browser.context;
  const url = server.url(page.host, page.path);
  await context.clearCookies();
  const tab = await context.newPage();
  await tab.addInitScript({ content: probeScript(probeOptions(page, timeoutMs, stopAtBanner)) });
  try {
    await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs + 5_000 });
    const probe = (await timeout(tab.evaluate(probeResult()), timeoutMs + 5_000, 'the probe')) as ProbeResult | null;
    if (!probe) throw new Error('the probe did not run in the page');
    return { tab, probe };
  } catch (error) {
    await tab.close().catch(() => {});
    throw error;
  }
}

/** Whether the stored answer refuses optional purposes; it may be written a moment after the decision. */
async function deniedIn(tab: Page, page: BenchPage): Promise<boolean | null> {
  if (!page.denied) return null;
  const pattern = new RegExp(page.denied.match ?? '.');
  const deadline = Date.now() + 1_000;
  for (;;) {
    const value = (await tab.evaluate(readStoreScript(page.denied))) as string | null;
    if (value !== null && pattern.test(value)) return true;
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
}

/** Our engine's verdict for the tab: the session record once it is no longer `working`. */
async function ourVerdict(subject: Subject, tab: Page, timeOrigin: number, waitMs: number) {
  const worker = await subject.browser.worker();
  const tabId = await tabIdOf(worker, tab.url());
  const deadline = Date.now() + waitMs;
  let record: ConsentRecord | undefined;
  for (;;) {
    record = (await readStorage(await subject.browser.worker(), 'session'))[`consent.${tabId}`] as ConsentRecord | undefined;
    if ((record && record.outcome !== 'working') || Date.now() > deadline) break;
    await sleep(50);
  }
  const final = record && record.outcome !== 'working' && record.durationMs !== null;
  return {
    verdictMs: final ? round(record!.startedAt + record!.durationMs! - timeOrigin) : null,
    outcome: record?.outcome ?? null,
    method: record?.method ?? null,
  };
}

async function decisionRun(subject: Subject, server: FixtureServer, page: BenchPage, run: number, timeoutMs: number): Promise<DecisionRun> {
  const base: DecisionRun = {
    host: page.host, subject: subject.id, run, decisionMs: null, decisionVia: null, bannerFrames: 0, frames: 0, firstBannerMs: null,
    denied: null, verdictMs: null, outcome: null, method: null, error: null,
  };
  let tab: Page | null = null;
  try {
    const visited = await visit(subject, server, page, timeoutMs, false);
    tab = visited.tab;
    const { probe } = visited;
    if (probe.presentAtStart) return { ...base, error: 'the CMP record was there before the page ran' };
    const decided = probe.decisionAt !== null;
    return {
      ...base,
      decisionMs: decided ? round(probe.decisionAt!) : null,
      decisionVia: probe.decisionVia,
      bannerFrames: probe.bannerFrames,
      frames: probe.frames,
      firstBannerMs: probe.firstBannerAt === null ? null : round(probe.firstBannerAt),
      denied: decided ? await deniedIn(tab, page) : null,
      ...(subject.id === 'ours' ? await ourVerdict(subject, tab, probe.timeOrigin, decided ? 5_000 : 0) : {}),
    };
  } catch (error) {
    return { ...base, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  } finally {
    await tab?.close().catch(() => {});
  }
}

async function controlRun(subject: Subject, server: FixtureServer, page: BenchPage, timeoutMs: number): Promise<ControlRun> {
  try {
    const { tab, probe } = await visit(subject, server, page, timeoutMs, true);
    await tab.close();
    return {
      host: page.host,
      firstBannerMs: probe.firstBannerAt === null ? null : round(probe.firstBannerAt),
      decisionMs: probe.decisionAt === null ? null : round(probe.decisionAt),
      error: null,
    };
  } catch (error) {
    return { host: page.host, firstBannerMs: null, decisionMs: null, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}

/**
 * Runs every page in rounds: one run per page per extension each round,
 * alternating which extension goes first, so slow drifts in the machine's
 * load spread evenly over pages and extensions. At least `minRuns` rounds,
 * then more while the next round still fits in `budgetS`, up to `maxRuns`.
 * An extension whose first run on a page ends in no decision (the page
 * loaded and nothing was stored before the timeout), or whose first two runs
 * fail, is not run there again: it does not handle that page, and waiting out
 * more timeouts would only make the benchmark slow.
 */
export async function measureDecisions(
  extensions: Subject[],
  control: Subject | null,
  server: FixtureServer,
  pages: BenchPage[],
  options: DecisionOptions,
): Promise<{ runs: DecisionRun[]; controls: ControlRun[]; rounds: number }> {
  const runs: DecisionRun[] = [];
  const controls: ControlRun[] = [];
  if (control) for (const page of pages) controls.push(await controlRun(control, server, page, Math.min(options.timeoutMs, 5_000)));
  const started = Date.now();
  const givenUp = new Set<string>();
  const key = (page: BenchPage, subject: Subject) => `${page.host} ${subject.id}`;
  let rounds = 0;
  while (rounds < options.maxRuns) {
    const elapsedS = (Date.now() - started) / 1000;
    if (rounds >= options.minRuns && elapsedS + elapsedS / rounds > options.budgetS) break;
    for (const [index, page] of pages.entries()) {
      const order = (rounds + index) % 2 === 0 ? extensions : [...extensions].reverse();
      for (const subject of order) {
        if (givenUp.has(key(page, subject))) continue;
        runs.push(await decisionRun(subject, server, page, rounds, options.timeoutMs));
        const mine = runs.filter((r) => r.host === page.host && r.subject === subject.id);
        const quietFirst = mine.length === 1 && mine[0]!.decisionMs === null && mine[0]!.error === null;
        if (quietFirst || (mine.length === 2 && mine.every((r) => r.decisionMs === null))) givenUp.add(key(page, subject));
      }
    }
    rounds++;
    options.log(`  round ${rounds}: ${runs.filter((r) => r.run === rounds - 1).length} runs, ${((Date.now() - started) / 1000).toFixed(0)} s so far`);
  }
  return { runs, controls, rounds };
}
