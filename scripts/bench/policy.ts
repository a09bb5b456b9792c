/**
 * Policy analysis time in Node: analysePolicy on each of the 20 fixture
 * policies, one warm-up round then `--runs` timed rounds; median and p95
 * over every (policy, run) sample, and each policy's own median. Writes
 * docs/benchmarks-policy.md. Run alone with `npm run bench:policy`, or as
 * part of `npm run bench` (also `npm run bench -- --policy-only`).
 *
 * Then the hostile inputs' times (scripts/bench/policyHostile.ts).
 *
 *   npm run bench:policy -- --runs 20 --hostile-runs 5 --out -
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { analysePolicy } from '../../core/policy/analyse';
import { renderHostileBench, runHostileBench } from './policyHostile';
import { median, percentile } from './stats';

const ROOT = join(import.meta.dirname, '../..');
const DIR = join(ROOT, 'tests/fixtures/policies');
/** The target for the median analysis time of one policy. */
export const POLICY_MEDIAN_TARGET_MS = 50;

export interface PolicyBench {
  runs: number;
  medianMs: number;
  p95Ms: number;
  perPolicy: { file: string; kb: number; medianMs: number }[];
  loadBefore: number;
  loadAfter: number;
}

export function runPolicyBench(runs = 10): PolicyBench {
  const loadBefore = loadavg()[0]!;
  const files = readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
  const texts = files.map((f) => readFileSync(join(DIR, f), 'utf8'));
  for (const text of texts) analysePolicy({ text });
  const samples = files.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    texts.forEach((text, i) => {
      const t0 = performance.now();
      analysePolicy({ text });
      samples[i]!.push(performance.now() - t0);
    });
  }
  const all = samples.flat();
  return {
    runs,
    medianMs: median(all)!,
    p95Ms: percentile(all, 95)!,
    perPolicy: files.map((file, i) => ({ file, kb: Math.round(texts[i]!.length / 1024), medianMs: median(samples[i]!)! })),
    loadBefore,
    loadAfter: loadavg()[0]!,
  };
}

/** The fixture policies' times, and with `hostile` the hostile inputs' section after them. */
export function renderPolicyBench(b: PolicyBench, hostile?: { console: string; markdown: string }): { console: string; markdown: string } {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const verdict = b.medianMs <= POLICY_MEDIAN_TARGET_MS ? 'within' : 'over';
  const head = `Policy analysis (Node ${process.version}, ${cpus().length} CPUs, load ${b.loadBefore.toFixed(1)} → ${b.loadAfter.toFixed(1)}): median ${ms(b.medianMs)}, p95 ${ms(b.p95Ms)} per policy over ${b.perPolicy.length} policies × ${b.runs} runs (${verdict} the ${POLICY_MEDIAN_TARGET_MS} ms target).`;
  const rows = b.perPolicy.map((p) => `| ${p.file} | ${p.kb} | ${ms(p.medianMs)} |`);
  const markdown = [
    '# Policy reader benchmark',
    '',
    'Written by `npm run bench:policy` (scripts/bench/policy.ts; also run by `npm run bench`). `analysePolicy` on the 20 fixture policies in',
    '`tests/fixtures/policies/`, one warm-up round, then timed rounds; the machine is shared, so its load is given.',
    '',
    head,
    '',
    '| policy | size (KiB) | median |',
    '| --- | --- | --- |',
    ...rows,
    '',
    ...(hostile ? [hostile.markdown] : []),
  ].join('\n');
  return { console: hostile ? `${head}\n${hostile.console}` : head, markdown };
}

/** Both parts, as `npm run bench:policy` and `npm run bench` write them. */
export function benchPolicyReader(runs = 10, hostileRuns = 3): { console: string; markdown: string } {
  const corpus = runPolicyBench(runs);
  return renderPolicyBench(corpus, renderHostileBench(runHostileBench(hostileRuns)));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, 'hostile-runs': { type: 'string', default: '3' }, out: { type: 'string' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not ${values.runs}`);
  const hostileRuns = Number(values['hostile-runs']);
  if (!Number.isInteger(hostileRuns) || hostileRuns < 1) throw new Error(`--hostile-runs must be a positive whole number, not ${values['hostile-runs']}`);
  const report = benchPolicyReader(runs, hostileRuns);
  console.log(report.console);
  if (values.out === '-') return;
  const out = values.out ?? join(ROOT, 'docs/benchmarks-policy.md');
  writeFileSync(out, report.markdown);
  console.log(`Wrote ${relative(ROOT, out)}.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
