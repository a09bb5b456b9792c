/**
 * The policy reader's time on hostile inputs: every input of the hostile-text
 * suite (scripts/lib/hostileTexts.ts), read by `analysePolicy` as the
 * extension reads a fetched policy (plain text as text, a page as HTML; the
 * files that are not text both ways). The suite bounds the reader's work by
 * counted caps and asserts no time; this measures the time those caps give.
 * Part of `npm run bench:policy`.
 */
import { analysePolicy } from '../../core/policy/analyse';
import type { AnalyseInput } from '../../core/policy/types';
import { ADVERSARIAL_TEXTS, BINARY_TEXTS, HUGE_HTML, HUGE_TEXTS, MALFORMED_HTML, type HostileText } from '../lib/hostileTexts';
import { median } from './stats';

export interface HostileRow {
  group: string;
  name: string;
  /** How the reader was given it. */
  readAs: 'text' | 'html';
  chars: number;
  medianMs: number;
  maxMs: number;
}

export interface HostileBench {
  runs: number;
  rows: HostileRow[];
}

/** Each group's inputs; `bothWays`: read as text and as HTML (the files that are not text, as the unit suite reads them), else as their own kind. */
const GROUPS: { group: string; inputs: readonly HostileText[]; bothWays?: true }[] = [
  { group: 'huge', inputs: [...HUGE_TEXTS, HUGE_HTML] },
  { group: 'binary', inputs: BINARY_TEXTS, bothWays: true },
  { group: 'malformed HTML', inputs: MALFORMED_HTML },
  { group: 'adversarial', inputs: ADVERSARIAL_TEXTS },
];

/** `runs` timed readings of every hostile input (made once each), after one untimed reading. */
export function runHostileBench(runs = 3): HostileBench {
  const rows: HostileRow[] = [];
  for (const { group, inputs, bothWays } of GROUPS) {
    for (const input of inputs) {
      const made = input.make();
      for (const readAs of bothWays ? (['text', 'html'] as const) : [input.kind]) {
        const given: AnalyseInput = readAs === 'text' ? { text: made } : { html: made };
        analysePolicy(given);
        const times: number[] = [];
        for (let r = 0; r < runs; r++) {
          const t0 = performance.now();
          analysePolicy(given);
          times.push(performance.now() - t0);
        }
        rows.push({ group, name: input.name, readAs, chars: made.length, medianMs: median(times)!, maxMs: Math.max(...times) });
      }
    }
  }
  return { runs, rows };
}

/** The slowest of some readings. */
const slowest = (rows: HostileRow[]): HostileRow => rows.reduce((a, r) => (r.maxMs > a.maxMs ? r : a));

export function renderHostileBench(b: HostileBench): { console: string; markdown: string } {
  const ms = (x: number) => `${Math.round(x)} ms`;
  const worst = slowest(b.rows);
  const head = `Hostile inputs: ${b.rows.length} readings of ${new Set(b.rows.map((r) => r.name)).size} inputs × ${b.runs} runs; the slowest took ${ms(worst.maxMs)} (${worst.name}, read as ${worst.readAs}).`;
  const byGroup = [...new Set(b.rows.map((r) => r.group))].map((group) => {
    const rows = b.rows.filter((r) => r.group === group);
    const top = slowest(rows);
    return `| ${group} | ${rows.length} | ${ms(median(rows.map((r) => r.medianMs))!)} | ${ms(top.maxMs)} | ${top.name} |`;
  });
  const rows = [...b.rows]
    .sort((x, y) => y.maxMs - x.maxMs)
    .map((r) => `| ${r.name} | ${r.group} | ${r.readAs} | ${(r.chars / 1e6).toFixed(2)} | ${ms(r.medianMs)} | ${ms(r.maxMs)} |`);
  const markdown = [
    '## Hostile inputs',
    '',
    'Every input of the hostile-text suite (`scripts/lib/hostileTexts.ts`: past the caps, not text, malformed HTML, one crafted input per',
    'regular expression), read by `analysePolicy` as the extension reads a fetched policy, one untimed reading then timed ones. The suite',
    'asserts the caps that bound the work and no time; this is the time they give. Inputs over 2 MiB never reach the reader in the',
    'extension (the fetcher refuses them); here they are read whole, so the bound covers them too.',
    '',
    head,
    '',
    '| group | readings | median of medians | slowest | slowest input |',
    '| --- | ---: | ---: | ---: | --- |',
    ...byGroup,
    '',
    '| input | group | read as | million chars | median | slowest |',
    '| --- | --- | --- | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
  return { console: head, markdown };
}
