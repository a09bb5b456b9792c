/**
 * `npx tsx scripts/bench-overhead.ts`: where the main-thread time Privacy
 * Ledger adds to a page without a banner goes. Loads `plain.test` in
 * Chromium with no extension and with variants of the current build that
 * differ only in their content scripts, interleaved, and prints per variant
 * the median and quartiles of the renderer main thread's CPU time. With
 * `--trace`, eight more loads per variant are traced and the trace events
 * summed by name (and script URL) and averaged, to show what the time is
 * spent on (the 40 largest; `TOP=N` in the environment prints N).
 * A diagnostic, not part of `npm run bench`: it writes nothing.
 *
 *   npx tsx scripts/bench-overhead.ts                    every variant, 20 loads each
 *   npx tsx scripts/bench-overhead.ts --loads 40 --variants none,empty,full
 *   npx tsx scripts/bench-overhead.ts --no-build --trace
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { positiveInt } from './bench/cli';
import { loadPlain, PLAIN_HOST } from './bench/measure-overhead';
import { median, percentile } from './bench/stats';
import { oursDir, readyOurs, ROOT } from './bench/subjects';
import { contentScriptVariant, type ScriptChoice } from './bench/variants';
import { launchChromium, type ExtensionBrowser } from './lib/chromium';
import { startFixtureServer } from './lib/fixtureServer';

interface Variant {
  id: string;
  what: string;
  /** null: no extension. */
  scripts: ScriptChoice[] | null;
  gpc: boolean;
  /** Another build, used as it is. */
  dir?: string;
}

const VARIANTS: Variant[] = [
  { id: 'none', what: 'no extension', scripts: null, gpc: false },
  { id: 'bare', what: 'extension, no content script at all (GPC off)', scripts: [], gpc: false },
  { id: 'gpc', what: 'extension, only the GPC main-world script', scripts: [], gpc: true },
  { id: 'empty', what: 'extension, frame-start.js emptied, no asks.js (GPC off)', scripts: ['frame-empty'], gpc: false },
  { id: 'empty-main', what: 'extension, an empty main-world script only (GPC off)', scripts: ['asks-empty'], gpc: false },
  { id: 'asks', what: 'extension, only asks.js (GPC off)', scripts: ['asks'], gpc: false },
  { id: 'frame', what: 'extension, only frame-start.js (GPC off)', scripts: ['frame'], gpc: false },
  { id: 'full', what: 'the extension as built (GPC on)', scripts: ['frame', 'asks'], gpc: true },
];

const { values: args } = parseArgs({
  options: {
    loads: { type: 'string', default: '20' },
    settle: { type: 'string', default: '1000' },
    variants: { type: 'string', default: VARIANTS.map((v) => v.id).join(',') },
    'no-build': { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    // More builds to compare, as they are: name=folder,name=folder (e.g. builds of a changed frame-start.ts).
    builds: { type: 'string', default: '' },
  },
});

function makeVariant(base: string, variant: Variant, into: string): string {
  return contentScriptVariant(base, join(into, variant.id), variant.scripts ?? []);
}

interface Launched {
  variant: Variant;
  browser: ExtensionBrowser;
  task: number[];
  script: number[];
}

async function launch(variant: Variant, dir: string | null): Promise<Launched> {
  const browser = await launchChromium({ ...(dir ? { extensionDir: dir } : {}), headless: true, locale: 'en-GB' });
  if (dir) await readyOurs(browser, { gpc: variant.gpc });
  if (browser.context.pages().length === 0) await browser.context.newPage();
  return { variant, browser, task: [], script: [] };
}

/** Loads traced or sampled per variant. */
const PROFILE_LOADS = 8;

type TraceEvent = { name: string; ph: string; tid: number; pid: number; tdur?: number; dur?: number; args?: { data?: { url?: string }; name?: string } };

/** One traced load: thread time of the renderer main thread's events, summed by name (and script URL). */
async function traceOnce(context: BrowserContext, url: string, settleMs: number): Promise<[string, number][]> {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'v8.execute', 'blink', 'disabled-by-default-devtools.timeline', 'loading', 'extensions'] },
  });
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForTimeout(settleMs);
  await cdp.send('Tracing.end');
  await done;
  await tab.close();
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'ParseHTML'));
  const sums = new Map<string, number>();
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.tdur === undefined) continue;
    const script = e.args?.data?.url;
    const key = script && /^(chrome-extension|http)/.test(script) ? `${e.name} ${script.replace(/^chrome-extension:\/\/[a-z]+\//, 'ext:').replace(/^http:\/\/([^/]+):\d+/, '$1')}` : e.name;
    sums.set(key, (sums.get(key) ?? 0) + e.tdur / 1000);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };

/** One sampled load: self time of the extension's functions (and the engine's own buckets), in ms. */
async function profileOnce(context: BrowserContext, url: string, settleMs: number): Promise<[string, number][]> {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForTimeout(settleMs);
  const { profile } = await cdp.send('Profiler.stop');
  await tab.close();
  const nodes = new Map((profile.nodes as ProfileNode[]).map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  const sums = new Map<string, number>();
  for (const [id, msSelf] of self) {
    const f = nodes.get(id)!.callFrame;
    const where = f.url.replace(/^chrome-extension:\/\/[a-z]+\//, 'ext:').replace(/^http:\/\/([^/]+):\d+/, '$1');
    const key = f.url ? `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}:${f.columnNumber + 1}` : f.functionName;
    sums.set(key, (sums.get(key) ?? 0) + msSelf);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const loads = positiveInt('loads', args.loads);
  const settleMs = positiveInt('settle', args.settle);
  const chosen = args.variants.split(',').map((id) => {
    const found = VARIANTS.find((v) => v.id === id.trim());
    if (!found) throw new Error(`Unknown variant ${id}: one of ${VARIANTS.map((v) => v.id).join(', ')}`);
    return found;
  });
  for (const spec of args.builds.split(',').filter(Boolean)) {
    const [id, dir] = spec.split('=');
    if (!id || !dir || !existsSync(join(dir, 'manifest.json'))) throw new Error(`--builds: ${spec} is not name=folder-with-a-build`);
    chosen.push({ id, what: `the build in ${dir} (GPC off)`, scripts: null, gpc: false, dir });
  }
  if (!args['no-build']) execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(join(oursDir(), 'manifest.json'))) throw new Error(`No build in ${oursDir()}.`);
  const work = mkdtempSync(join(tmpdir(), 'privacy-ledger-variants-'));
  const server = await startFixtureServer();
  const launched: Launched[] = [];
  const load = loadavg();
  try {
    for (const v of chosen) launched.push(await launch(v, v.dir ?? (v.scripts ? makeVariant(oursDir(), v, work) : null)));
    const url = server.url(PLAIN_HOST, '/');
    for (const l of launched) await loadPlain(l.browser.context, url, 500);
    for (let run = 0; run < loads; run++) {
      const shift = run % launched.length;
      for (const l of [...launched.slice(shift), ...launched.slice(0, shift)]) {
        const m = await loadPlain(l.browser.context, url, settleMs);
        l.task.push(m.TaskDuration);
        l.script.push(m.ScriptDuration);
      }
      process.stdout.write(`\r${run + 1}/${loads} rounds`);
    }
    console.log(`\nplain.test, ${loads} loads per variant, interleaved; load average at start ${load.map((x) => x.toFixed(2)).join(', ')}, now ${loadavg().map((x) => x.toFixed(2)).join(', ')}`);
    const base = launched.find((l) => l.variant.id === 'none');
    const q = (v: number[]) => `${median(v)!.toFixed(1).padStart(6)} [${percentile(v, 25)!.toFixed(1)}–${percentile(v, 75)!.toFixed(1)}]`;
    console.log('variant      task ms median [p25–p75]    script ms median [p25–p75]   added task  added script');
    for (const l of launched) {
      const addT = base ? (median(l.task)! - median(base.task)!).toFixed(1) : '–';
      const addS = base ? (median(l.script)! - median(base.script)!).toFixed(1) : '–';
      console.log(`${l.variant.id.padEnd(12)} ${q(l.task).padEnd(26)} ${q(l.script).padEnd(28)} ${addT.padStart(10)} ${addS.padStart(12)}   ${l.variant.what}`);
    }
    if (args.trace) {
      for (const l of launched) {
        // Several loads, averaged: one load's trace differs from the next by more than the parts looked for.
        const total = new Map<string, number>();
        for (let i = 0; i < PROFILE_LOADS; i++) for (const [name, v] of await traceOnce(l.browser.context, url, settleMs)) total.set(name, (total.get(name) ?? 0) + v / PROFILE_LOADS);
        const sums = [...total].sort((a, b) => b[1] - a[1]);
        console.log(`\n${l.variant.id}: trace events on the renderer main thread, thread ms per load, mean of ${PROFILE_LOADS} loads (top 40, nested events counted in each)`);
        for (const [name, msSum] of sums.slice(0, Number(process.env.TOP ?? 40))) console.log(`  ${msSum.toFixed(2).padStart(8)}  ${name}`);
      }
    }
    if (args.profile) {
      for (const l of launched) {
        // Several loads, summed: one load holds too few samples of a few milliseconds.
        const total = new Map<string, number>();
        for (let i = 0; i < PROFILE_LOADS; i++) for (const [name, v] of await profileOnce(l.browser.context, url, settleMs)) total.set(name, (total.get(name) ?? 0) + v / PROFILE_LOADS);
        const sums = [...total].sort((a, b) => b[1] - a[1]).filter(([name]) => name !== '(idle)');
        console.log(`\n${l.variant.id}: sampled self time on the page's main thread, ms per load, mean of ${PROFILE_LOADS} loads (top 30)`);
        for (const [name, msSum] of sums.slice(0, 30)) console.log(`  ${msSum.toFixed(2).padStart(8)}  ${name.slice(0, 140)}`);
      }
    }
  } finally {
    for (const l of launched) await l.browser.close().catch(() => {});
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
