/**
 * `npm run fuzz [-- --pages N --tabs T --huge H --batch B --no-baseline]`:
 * loads the generated pages of the fuzz run (scripts/lib/fuzzPages.ts) in
 * Chromium without the extension and then with it (`--no-baseline`: only
 * with it), and reports the long tasks (over 50 ms) on the pages' main
 * threads and how much of each was the extension's own code. A measurement,
 * not a test: it asserts nothing and its numbers depend on the machine
 * (docs/security.md, "Pages do not break").
 *
 * Attribution comes from a DevTools trace (scripts/lib/longTasks.ts; the Long
 * Animation Frames API does not report the isolated world's scripts, where
 * the content scripts run). Each trace spans B rounds of one page per tab, so
 * that a run of thousands of pages is not mostly the tracing's own start and
 * stop. Functions the background injects with `scripting.executeScript({ func
 * })` carry no script URL and are not counted as the extension's. The
 * extension's share is judged in the main thread's CPU time (wall time beside
 * it): on a machine this small the browser, the fixture server and this
 * script share two cores, and a thread waiting for one stretches the wall
 * time of whatever it was running. Tasks in the extension's own pages (the
 * onboarding page its install opens) are reported apart from the generated
 * pages'.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { denyOptionalSettings } from './bench/subjects';
import { launchChromium } from './lib/chromium';
import { startFixtureServer } from './lib/fixtureServer';
import { dwellMs, kindOfRunPage, runPageHost, type FuzzKind } from './lib/fuzzPages';
import { LONG_TASK_MS, longTasksOf, type LongTask, type TraceEvent } from './lib/longTasks';
import { writeStorage } from './lib/workerState';

const EXTENSION_BUILD = resolve(import.meta.dirname, '..', process.env.PRIVACY_LEDGER_OUT ?? '.output', 'chrome-mv3');

interface PlannedPage {
  seed: number;
  kind: FuzzKind;
  url: string;
  dwell: number;
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

/** A task's page kind, marked when the page was in a frame of another site. */
const kindOf = (task: LongTask): string => `${task.kind ?? '?'}${task.framed ? ' (framed)' : ''}`;

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

interface RunResult {
  mode: 'without' | 'with';
  pages: number;
  failed: string[];
  tasks: LongTask[];
  seconds: number;
}

interface RunOptions {
  tabs: number;
  /** Rounds (one page per tab) traced together. */
  batch: number;
}

async function measure(mode: 'without' | 'with', pages: PlannedPage[], options: RunOptions): Promise<RunResult> {
  const { tabs, batch } = options;
  const browser = await launchChromium({ extensionDir: mode === 'with' ? EXTENSION_BUILD : undefined, headless: true, locale: 'en-GB' });
  const extensionOrigin = `chrome-extension://${browser.extensionId}`;
  const started = Date.now();
  const tasks: LongTask[] = [];
  const failed: string[] = [];
  try {
    if (mode === 'with') {
      // As in the tests: onboarded, refusing everything optional, so the unknown-banner heuristic presses refusals.
      await writeStorage(await browser.worker(), { settings: denyOptionalSettings() });
    }
    const windows = await Promise.all(Array.from({ length: tabs }, () => browser.context.newPage()));
    const cdp = await browser.context.newCDPSession(windows[0]!);
    // Rounds of pages that stay as long, one page per tab; a trace spans a batch of rounds.
    const ordered = [...pages].sort((a, b) => a.dwell - b.dwell);
    const perTrace = tabs * batch;
    for (let at = 0; at < ordered.length; at += perTrace) {
      const traced = ordered.slice(at, at + perTrace);
      const events = await traceOf(cdp, async () => {
        for (let round = 0; round < traced.length; round += tabs) {
          await Promise.all(
            traced.slice(round, round + tabs).map(async (planned, i) => {
              const tab = windows[i]!;
              try {
                await tab.goto(planned.url, { waitUntil: 'load', timeout: 60_000 });
                await tab.waitForTimeout(planned.dwell);
              } catch (error) {
                failed.push(`${planned.url}: ${(error as Error).message.split('\n')[0]}`);
              }
            }),
          );
        }
      });
      tasks.push(...longTasksOf(events, extensionOrigin));
      process.stderr.write(`\r${mode} extension: ${Math.min(at + perTrace, ordered.length)}/${ordered.length} pages`);
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
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', default: '200' },
      tabs: { type: 'string', default: '6' },
      huge: { type: 'string', default: '3' },
      batch: { type: 'string', default: '10' },
      'no-baseline': { type: 'boolean', default: false },
    },
  });
  const count = Number(values.pages);
  const tabs = Number(values.tabs);
  const huge = Number(values.huge);
  const batch = Number(values.batch);
  const server = await startFixtureServer();
  try {
    const pages = planPages(count, huge, server.port);
    const results: RunResult[] = [];
    const modes = values['no-baseline'] ? (['with'] as const) : (['without', 'with'] as const);
    for (const mode of modes) results.push(await measure(mode, pages, { tabs, batch }));
    const rows = [['extension', 'pages', 'seconds', 'long tasks', 'with extension code', 'extension over 50 ms alone (CPU time)', 'long only with the extension', 'worst extension share', 'kinds (extension code in a long task)']];
    for (const r of results) {
      const withCode = r.tasks.filter((t) => t.extensionMs > 0 && !t.extensionPage);
      const alone = withCode.filter((t) => t.extensionCpuMs > LONG_TASK_MS);
      const aloneWall = withCode.filter((t) => t.extensionMs > LONG_TASK_MS);
      const because = withCode.filter((t) => t.durationMs - t.extensionMs <= LONG_TASK_MS);
      const worst = withCode.reduce<LongTask | null>((w, t) => (!w || t.extensionCpuMs > w.extensionCpuMs ? t : w), null);
      const kinds = new Map<string, number>();
      for (const t of withCode) kinds.set(kindOf(t), (kinds.get(kindOf(t)) ?? 0) + 1);
      rows.push([
        r.mode,
        String(r.pages - r.failed.length),
        String(r.seconds),
        String(r.tasks.filter((t) => !t.extensionPage).length),
        String(withCode.length),
        `${alone.length} (wall time: ${aloneWall.length})`,
        String(because.length),
        worst ? `${ms(worst.extensionCpuMs)} CPU (${ms(worst.extensionMs)} wall) of ${ms(worst.durationMs)} (${kindOf(worst)} seed ${worst.seed ?? '?'})` : '-',
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
      console.log('\nThe extension\'s largest shares of a long task (replay: /page?seed=N&kind=K on fuzz.test, with &framed=1 for a frame of another site):\n');
      console.log(table([['seed', 'kind', 'task', 'extension (CPU)', 'extension (wall)', 'extension code (wall)'], ...top.map((t) => [String(t.seed ?? '?'), kindOf(t), ms(t.durationMs), ms(t.extensionCpuMs), ms(t.extensionMs), t.extensionCode.slice(0, 3).map((c) => `${c.code} ${ms(c.ms)}`).join('; ')])]));
    }
    for (const r of results) if (r.failed.length) console.log(`\n${r.mode} extension: ${r.failed.length} pages did not load:\n${r.failed.join('\n')}`);
  } finally {
    await server.close();
  }
}

await main();
