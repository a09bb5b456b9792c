/**
 * `npm run fuzz [-- --pages N --tabs T --huge H]`: loads the generated pages
 * of the fuzz run (scripts/lib/fuzzPages.ts) in Chromium without the
 * extension and then with it, and reports the long tasks (over 50 ms) on the
 * pages' main threads and how much of each was the extension's own code.
 * A measurement, not a test: it asserts nothing and its numbers depend on
 * the machine (docs/security.md, "Pages do not break").
 *
 * Attribution comes from a DevTools trace (the Long Animation Frames API does
 * not report the isolated world's scripts, where the content scripts run):
 * every `RunTask` over 50 ms on a renderer's main thread, and inside it the
 * script events (`EvaluateScript`, `FunctionCall`, `v8.compile`) whose script
 * is a `chrome-extension://` file. Functions the background injects with
 * `scripting.executeScript({ func })` carry no script URL and are not counted
 * as the extension's. The extension's share is judged in the main thread's
 * CPU time (wall time beside it): on a machine this small the browser, the
 * fixture server and this script share two cores, and a thread waiting for
 * one stretches the wall time of whatever it was running. Tasks in the
 * extension's own pages (the onboarding page its install opens) are reported
 * apart from the generated pages'.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { allPurposes } from '../core/consent/purposes';
import { defaultSettings } from '../core/settings/defaults';
import { launchChromium, type ExtensionBrowser } from './lib/chromium';
import { startFixtureServer } from './lib/fixtureServer';
import { dwellMs, kindOfRunPage, runPageHost, type FuzzKind } from './lib/fuzzPages';
import { writeStorage } from './lib/workerState';

const LONG_TASK_MS = 50;
const EXTENSION_BUILD = resolve(import.meta.dirname, '..', process.env.PRIVACY_LEDGER_OUT ?? '.output', 'chrome-mv3');

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the trace records it. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; frame?: string; functionName?: string; processId?: number; frames?: { url?: string; processId?: number }[] } };
}

interface PlannedPage {
  seed: number;
  kind: FuzzKind;
  url: string;
  dwell: number;
}

export interface LongTask {
  /** In one of the extension's own pages (the onboarding page its install opens), not a generated page. */
  extensionPage: boolean;
  seed: number | null;
  kind: FuzzKind | null;
  durationMs: number;
  /** Time inside the task spent in the extension's own scripts. */
  extensionMs: number;
  /**
   * The same, in the main thread's CPU time: on a busy machine a thread that
   * waits for a core stretches wall time, whoever's code it was running. The
   * extension's share is judged by this.
   */
  extensionCpuMs: number;
  /** The extension's scripts and functions in the task, with their time (outermost calls), largest first. */
  extensionCode: { code: string; ms: number }[];
}

function planPages(count: number, huge: number, port: number): PlannedPage[] {
  const url = (host: string, seed: number, kind: FuzzKind) => `http://${host}:${port}/page?seed=${seed}&kind=${kind}`;
  const pages: PlannedPage[] = [];
  for (let index = 0; index < count; index++) {
    const kind = kindOfRunPage(index);
    pages.push({ seed: index + 1, kind, url: url(runPageHost(index), index + 1, kind), dwell: dwellMs(index + 1, kind) });
  }
  // The huge pages of a 2,000-page run (every 400th), even in a shorter one.
  for (let i = 1; i <= huge; i++) {
    const index = i * 400 - 1;
    if (index >= count) pages.push({ seed: index + 1, kind: 'huge', url: url(runPageHost(index), index + 1, 'huge'), dwell: dwellMs(index + 1, 'huge') });
  }
  return pages;
}

/** The renderer main threads of a trace, as `pid:tid`. */
function rendererMainThreads(events: TraceEvent[]): Set<string> {
  return new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile']);

/** The renderer processes that show one of the extension's own pages, from the browser's record of committed frames. */
function extensionPageProcesses(events: TraceEvent[], extensionOrigin: string): Set<number> {
  const pids = new Set<number>();
  for (const e of events) {
    const data = e.args?.data;
    const frames = e.name === 'TracingStartedInBrowser' ? (data?.frames ?? []) : e.name === 'FrameCommittedInBrowser' && data ? [data] : [];
    for (const frame of frames) if (frame.url?.startsWith(extensionOrigin) && frame.processId !== undefined) pids.add(frame.processId);
  }
  return pids;
}

/** Long tasks in one trace, each tied to a page by the frames its events name. */
export function longTasksOf(events: TraceEvent[], extensionOrigin: string, pageOfFrame: Map<string, PlannedPage>): LongTask[] {
  const main = rendererMainThreads(events);
  const extensionPages = extensionPageProcesses(events, extensionOrigin);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    const key = `${e.pid}:${e.tid}`;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  const tasks: LongTask[] = [];
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts);
    for (let i = 0; i < list.length; i++) {
      const task = list[i]!;
      if (task.name !== 'RunTask' || (task.dur ?? 0) < LONG_TASK_MS * 1000) continue;
      const end = task.ts + task.dur!;
      let extensionUs = 0;
      let extensionCpuUs = 0;
      let coveredUntil = -1;
      let page: PlannedPage | undefined;
      const code = new Map<string, number>();
      for (let j = i + 1; j < list.length && list[j]!.ts < end; j++) {
        const e = list[j]!;
        const data = e.args?.data;
        if (!page && data?.frame) page = pageOfFrame.get(data.frame);
        if (!SCRIPT_EVENTS.has(e.name) || !data?.url?.startsWith(extensionOrigin)) continue;
        // Outermost extension events only: nested ones are inside time already counted.
        if (e.ts < coveredUntil) continue;
        const name = `${e.name === 'FunctionCall' ? '' : `${e.name} `}${data.url.slice(extensionOrigin.length)}${data.functionName ? ` ${data.functionName}` : ''}`;
        code.set(name, (code.get(name) ?? 0) + (e.dur ?? 0));
        extensionUs += e.dur ?? 0;
        extensionCpuUs += e.tdur ?? e.dur ?? 0;
        coveredUntil = e.ts + (e.dur ?? 0);
      }
      tasks.push({ extensionPage: !page && extensionPages.has(task.pid), seed: page?.seed ?? null, kind: page?.kind ?? null, durationMs: task.dur! / 1000, extensionMs: extensionUs / 1000, extensionCpuMs: extensionCpuUs / 1000, extensionCode: [...code].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ code: name, ms: us / 1000 })) });
    }
  }
  return tasks;
}

async function traceOf(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8.execute',
    transferMode: 'ReturnAsStream',
  } as never);
  const ran = await run().then(() => null, (error: unknown) => error);
  const complete = new Promise<{ stream?: string }>((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (ran) throw ran;
  let text = '';
  for (let eof = false; !eof && stream; ) {
    const chunk = (await cdp.send('IO.read', { handle: stream, size: 1 << 20 })) as { data: string; eof: boolean; base64Encoded?: boolean };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    eof = chunk.eof;
  }
  if (stream) await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

async function mainFrameId(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  await cdp.detach();
  return frameTree.frame.id;
}

interface RunResult {
  mode: 'without' | 'with';
  pages: number;
  failed: string[];
  tasks: LongTask[];
  seconds: number;
}

async function measure(mode: 'without' | 'with', pages: PlannedPage[], tabs: number, extensionOrigin: (b: ExtensionBrowser) => string): Promise<RunResult> {
  const browser = await launchChromium({ extensionDir: mode === 'with' ? EXTENSION_BUILD : undefined, headless: true, locale: 'en-GB' });
  const started = Date.now();
  const tasks: LongTask[] = [];
  const failed: string[] = [];
  try {
    if (mode === 'with') {
      // As in the tests: onboarded, refusing everything optional, so the unknown-banner heuristic presses refusals.
      await writeStorage(await browser.worker(), { settings: { ...defaultSettings(), onboarded: true, preferences: { ...allPurposes(false), legitimateInterest: 'object' } } });
    }
    const windows = await Promise.all(Array.from({ length: tabs }, () => browser.context.newPage()));
    const cdp = await browser.context.newCDPSession(windows[0]!);
    // Rounds of pages that stay as long, one page per tab, traced together.
    const ordered = [...pages].sort((a, b) => a.dwell - b.dwell);
    for (let at = 0; at < ordered.length; at += tabs) {
      const round = ordered.slice(at, at + tabs);
      const pageOfFrame = new Map<string, PlannedPage>();
      const events = await traceOf(cdp, async () => {
        await Promise.all(
          round.map(async (planned, i) => {
            const tab = windows[i]!;
            try {
              await tab.goto(planned.url, { waitUntil: 'load', timeout: 60_000 });
              pageOfFrame.set(await mainFrameId(tab), planned);
              await tab.waitForTimeout(planned.dwell);
            } catch (error) {
              failed.push(`${planned.url}: ${(error as Error).message.split('\n')[0]}`);
            }
          }),
        );
      });
      // Tabs keep their frame across same-site navigations; late frames are named now too.
      tasks.push(...longTasksOf(events, extensionOrigin(browser), pageOfFrame));
      process.stderr.write(`\r${mode} extension: ${Math.min(at + tabs, ordered.length)}/${ordered.length} pages`);
    }
    process.stderr.write('\n');
    await cdp.detach();
  } finally {
    await browser.close();
  }
  return { mode, pages: pages.length, failed, tasks, seconds: Math.round((Date.now() - started) / 1000) };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`).join('\n');
}

const ms = (value: number) => `${Math.round(value)} ms`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '200' }, tabs: { type: 'string', default: '6' }, huge: { type: 'string', default: '3' } } });
  const count = Number(values.pages);
  const tabs = Number(values.tabs);
  const huge = Number(values.huge);
  const server = await startFixtureServer();
  try {
    const pages = planPages(count, huge, server.port);
    const results: RunResult[] = [];
    for (const mode of ['without', 'with'] as const) results.push(await measure(mode, pages, tabs, (b) => `chrome-extension://${b.extensionId}`));
    const rows = [['extension', 'pages', 'seconds', 'long tasks', 'with extension code', 'extension over 50 ms alone (CPU time)', 'long only with the extension', 'worst extension share', 'kinds (extension code in a long task)']];
    for (const r of results) {
      const withCode = r.tasks.filter((t) => t.extensionMs > 0 && !t.extensionPage);
      const alone = withCode.filter((t) => t.extensionCpuMs > LONG_TASK_MS);
      const aloneWall = withCode.filter((t) => t.extensionMs > LONG_TASK_MS);
      const because = withCode.filter((t) => t.durationMs - t.extensionMs <= LONG_TASK_MS);
      const worst = withCode.reduce<LongTask | null>((w, t) => (!w || t.extensionCpuMs > w.extensionCpuMs ? t : w), null);
      const kinds = new Map<string, number>();
      for (const t of withCode) kinds.set(t.kind ?? '?', (kinds.get(t.kind ?? '?') ?? 0) + 1);
      rows.push([
        r.mode,
        String(r.pages - r.failed.length),
        String(r.seconds),
        String(r.tasks.filter((t) => !t.extensionPage).length),
        String(withCode.length),
        `${alone.length} (wall time: ${aloneWall.length})`,
        String(because.length),
        worst ? `${ms(worst.extensionCpuMs)} CPU (${ms(worst.extensionMs)} wall) of ${ms(worst.durationMs)} (${worst.kind ?? '?'} seed ${worst.seed ?? '?'})` : '-',
        [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || '-',
      ]);
    }
    console.log(`\nLong tasks (over ${LONG_TASK_MS} ms) on the generated pages' main threads, ${count} run pages and ${huge} huge ones, ${tabs} tabs at once:\n`);
    console.log(table(rows));
    const withExtension = results.find((r) => r.mode === 'with')!;
    const own = withExtension.tasks.filter((t) => t.extensionPage);
    if (own.length) {
      const longest = Math.max(...own.map((t) => t.durationMs));
      console.log(`\nNot counted above: ${own.length} long task${own.length === 1 ? '' : 's'} (the longest ${ms(longest)}) in the extension's own pages, which its install opens, not in a generated page.`);
    }
    const top = withExtension.tasks.filter((t) => t.extensionMs > 0 && !t.extensionPage).sort((a, b) => b.extensionCpuMs - a.extensionCpuMs).slice(0, 10);
    if (top.length) {
      console.log('\nThe extension\'s largest shares of a long task (replay: /page?seed=N&kind=K on fuzz.test):\n');
      console.log(table([['seed', 'kind', 'task', 'extension (CPU)', 'extension (wall)', 'extension code (wall)'], ...top.map((t) => [String(t.seed ?? '?'), t.kind ?? '?', ms(t.durationMs), ms(t.extensionCpuMs), ms(t.extensionMs), t.extensionCode.slice(0, 3).map((c) => `${c.code} ${ms(c.ms)}`).join('; ')])]));
    }
    for (const r of results) if (r.failed.length) console.log(`\n${r.mode} extension: ${r.failed.length} pages did not load:\n${r.failed.join('\n')}`);
  } finally {
    await server.close();
  }
}

await main();
