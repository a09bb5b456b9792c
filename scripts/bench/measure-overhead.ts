/**
 * Main-thread time an extension adds to a page WITHOUT a consent banner
 * (tests/fixtures/sites/plain.test): the page is loaded in a fresh tab with
 * no extension, with ours and with the reference, in rotating order, and the
 * renderer's own counters are read over CDP (Performance.getMetrics) after
 * the load event and a settle delay. Nothing is injected into these pages.
 */
import type { BrowserContext } from 'playwright-core';
import type { FixtureServer } from '../lib/fixtureServer';
import type { Subject, SubjectId } from './subjects';

export const PLAIN_HOST = 'plain.test';

/** The counters kept, in ms (CDP reports seconds). */
export const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
export type MetricName = (typeof METRICS)[number];

export interface OverheadRun {
  subject: SubjectId;
  run: number;
  metrics: Record<MetricName, number>;
}

export interface OverheadOptions {
  runs: number;
  settleMs: number;
  log: (line: string) => void;
}

/** One load of `url` in a new tab of `context`: the renderer main thread's counters, in ms. */
export async function loadPlain(context: BrowserContext, url: string, settleMs: number): Promise<Record<MetricName, number>> {
  const tab = await context.newPage();
  try {
    const cdp = await context.newCDPSession(tab);
    // Enabled on the blank tab: the counters then cover the navigation from its start.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForTimeout(settleMs);
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach();
    const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
    return Object.fromEntries(METRICS.map((m) => [m, Math.round(value(m) * 100) / 100])) as Record<MetricName, number>;
  } finally {
    await tab.close().catch(() => {});
  }
}

/** One discarded warm-up load per subject, then `runs` measured loads each, rotating which subject goes first. */
export async function measureOverhead(subjects: Subject[], server: FixtureServer, options: OverheadOptions): Promise<OverheadRun[]> {
  const url = server.url(PLAIN_HOST, '/');
  for (const subject of subjects) await loadPlain(subject.browser.context, url, Math.min(options.settleMs, 500));
  const runs: OverheadRun[] = [];
  for (let run = 0; run < options.runs; run++) {
    const shift = run % subjects.length;
    const order = [...subjects.slice(shift), ...subjects.slice(0, shift)];
    for (const subject of order) runs.push({ subject: subject.id, run, metrics: await loadPlain(subject.browser.context, url, options.settleMs) });
  }
  options.log(`  ${PLAIN_HOST}: ${options.runs} loads each for ${subjects.map((s) => s.label).join(', ')}`);
  return runs;
}
