/**
 * `npm run bench`: measures Privacy Ledger's consent engine against the
 * autoconsent reference extension on the local fixture pages, prints the
 * tables and writes docs/benchmarks.md. A benchmark, not a test: it asserts
 * nothing. How it measures: docs/benchmarks.md ("Method"), scripts/bench/.
 *
 *   npm run bench                         build, measure everything, write the report
 *   npm run bench -- --no-build           use the existing build
 *   npm run bench -- --pages news.test    only these pages (comma-separated); prints only
 *   npm run bench -- --runs 5             exactly 5 decision runs per page (default: 5 to 10, within --budget 170 s)
 *   npm run bench -- --overhead-runs 30 --settle 2000 --timeout 8000
 *   npm run bench -- --only-overhead       only the page without a banner (and the sizes); prints only
 *   npm run bench -- --out -              print only; --out FILE writes elsewhere
 *   npm run bench -- --policy-only        only the policy reader's analysis time (Node, no browser)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SITES_DIR, startFixtureServer } from './lib/fixtureServer';
import { positiveInt } from './bench/cli';
import { machineInfo } from './bench/machine';
import { benchPolicyReader } from './bench/policy';
import { measureDecisions } from './bench/measure-decision';
import { measureOverhead, PLAIN_HOST } from './bench/measure-overhead';
import { loadPages } from './bench/pages';
import { overheadTable, renderReport, type BenchResults } from './bench/report';
import { contentScriptSizes } from './bench/sizes';
import { launchSubject, OVERHEAD_SUBJECTS, oursDir, REFERENCE_DIR, referenceConfig, ROOT, type Subject } from './bench/subjects';

/** Between 5 and 10 decision runs per page and extension: as many as fit in the budget, to keep the whole run near five minutes on two cores. */
const MIN_RUNS = 5;
const MAX_RUNS = 10;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string' },
    budget: { type: 'string', default: '170' },
    // 20 loads per browser: with 10 the medians moved by several milliseconds between runs.
    'overhead-runs': { type: 'string', default: '20' },
    'only-overhead': { type: 'boolean', default: false },
    settle: { type: 'string', default: '1000' },
    timeout: { type: 'string', default: '5000' },
    pages: { type: 'string', default: '' },
    'no-build': { type: 'boolean', default: false },
    'policy-only': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const log = (line: string) => console.log(line);

function build(): void {
  log('Building the Chrome extension (wxt build)…');
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The policy reader's analysis time, on the fixture corpus and on the hostile inputs: Node only, a minute or two, written to docs/benchmarks-policy.md. */
function benchPolicy(): void {
  log('Policy reader: analysis time per policy over the fixture corpus, then on the hostile inputs…');
  const report = benchPolicyReader();
  log(report.console);
  if (args.out === '-' || args.pages) return;
  writeFileSync(join(ROOT, 'docs/benchmarks-policy.md'), report.markdown);
  log('Wrote docs/benchmarks-policy.md.');
}

async function main(): Promise<void> {
  benchPolicy();
  if (args['policy-only']) return;
  const started = Date.now();
  const loadBefore = loadavg();
  if (!args['no-build']) build();
  if (!existsSync(join(oursDir(), 'manifest.json'))) throw new Error(`No build in ${oursDir()}: run without --no-build.`);
  const selection = loadPages(args.pages ? args.pages.split(',').map((h) => h.trim()) : []);
  if (selection.pages.length === 0) throw new Error('No benchmark pages exist: see scripts/bench/pages.json.');
  const fixedRuns = args.runs ? positiveInt('runs', args.runs) : null;
  const decisionOptions = {
    minRuns: fixedRuns ?? MIN_RUNS,
    maxRuns: fixedRuns ?? MAX_RUNS,
    budgetS: positiveInt('budget', args.budget),
    timeoutMs: positiveInt('timeout', args.timeout),
    log,
  };
  const overheadOptions = { runs: positiveInt('overhead-runs', args['overhead-runs']), settleMs: positiveInt('settle', args.settle), log };
  for (const p of selection.missing) log(`Skipping ${p.host} (${p.cmp}): no fixture page yet.`);

  const server = await startFixtureServer();
  const subjects: Subject[] = [];
  try {
    const hasPlain = existsSync(join(SITES_DIR, PLAIN_HOST, 'index.html'));
    if (args['only-overhead']) {
      if (!hasPlain) throw new Error(`${PLAIN_HOST} is missing.`);
      log('Starting Chromium: no extension, the two controls, Privacy Ledger, autoconsent reference…');
      for (const id of OVERHEAD_SUBJECTS) subjects.push(await launchSubject(id));
      log('Main-thread overhead on a page without a banner…');
      const overhead = await measureOverhead(subjects, server, overheadOptions);
      log(`\n${overheadTable(overhead)}\n`);
      return;
    }
    log('Starting Chromium: no extension, Privacy Ledger, autoconsent reference…');
    for (const id of ['none', 'ours', 'reference'] as const) subjects.push(await launchSubject(id));
    const [none, ours, reference] = subjects as [Subject, Subject, Subject];

    const runsText = fixedRuns ? `${fixedRuns}` : `${MIN_RUNS}–${MAX_RUNS} (as many as fit in ${decisionOptions.budgetS} s)`;
    log(`Decision time and banner frames: ${selection.pages.length} pages, ${runsText} runs per page and extension…`);
    const decisions = await measureDecisions([ours, reference], none, server, selection.pages, decisionOptions);

    log(hasPlain ? 'Main-thread overhead on a page without a banner…' : `Skipping the overhead measurement: ${PLAIN_HOST} is missing.`);
    // The controls (no content script, an empty one) are only needed here: they are launched now, not kept open through the decisions.
    if (hasPlain) subjects.splice(1, 0, await launchSubject('bare'), await launchSubject('floor'));
    const overhead = hasPlain ? await measureOverhead(subjects, server, overheadOptions) : null;

    const results: BenchResults = {
      startedAt: new Date(started),
      durationS: (Date.now() - started) / 1000,
      machine: machineInfo(),
      settings: { runs: decisions.rounds, timeoutMs: decisionOptions.timeoutMs, overheadRuns: overheadOptions.runs, settleMs: overheadOptions.settleMs, loadBefore, loadAfter: loadavg() },
      ...selection,
      decisions: decisions.runs,
      controls: decisions.controls,
      overhead,
      sizes: { ours: contentScriptSizes(oursDir()), reference: contentScriptSizes(REFERENCE_DIR) },
      referenceConfig: await referenceConfig(reference),
    };
    const report = renderReport(results);
    log(`\n${report.console}\n`);
    // A partial run (--pages) only prints, unless told where to write.
    const target = args.out ?? (args.pages ? '-' : join(ROOT, 'docs/benchmarks.md'));
    if (target !== '-') {
      const out = resolve(target);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, report.markdown);
      log(`Wrote ${relative(ROOT, out)} (${Math.round(results.durationS)} s).`);
    }
  } finally {
    for (const s of subjects) await s.browser.close().catch(() => {});
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
