/**
 * Turns the raw runs into the numbers the report shows: per page and overall,
 * per extension, and the ratios ours / reference.
 */
import type { ControlRun, DecisionRun } from './measure-decision';
import { METRICS, type MetricName, type OverheadRun } from './measure-overhead';
import type { BenchPage } from './pages';
import { geometricMean, max, median, percentile, ratio } from './stats';
import { OVERHEAD_SUBJECTS, type SubjectId } from './subjects';

export type ExtensionId = 'ours' | 'reference';
export const EXTENSIONS: ExtensionId[] = ['ours', 'reference'];

export interface SideSummary {
  runs: number;
  decided: number;
  /** Decided in at least half its runs. */
  handles: boolean;
  /** Not run again after its first runs reached no decision. */
  gaveUp: boolean;
  decisionMs: number[];
  median: number | null;
  p95: number | null;
  /** Ours only: ms from navigation start to the verdict, per run that reached one. */
  verdictMs: number[];
  verdictMedian: number | null;
  verdictP95: number | null;
  outcomes: Record<string, number>;
  bannerFrames: number[];
  bannerFramesMedian: number | null;
  bannerFramesMax: number | null;
  runsWithBanner: number;
  /** Runs whose stored answer refused optional purposes, of the runs checked. */
  deniedChecked: number;
  denied: number;
  errors: string[];
}

export interface PageSummary {
  page: BenchPage;
  control: ControlRun | null;
  side: Record<ExtensionId, SideSummary>;
  bothHandle: boolean;
  ratioMedian: number | null;
  ratioP95: number | null;
}

export interface OverallSummary {
  /** Pooled over the decided runs of the pages both extensions handle. */
  both: Record<ExtensionId, { median: number | null; p95: number | null; verdictMedian: number | null; verdictP95: number | null; n: number }>;
  bothPages: number;
  ratioMedian: number | null;
  ratioP95: number | null;
  /** Geometric mean of the per-page median ratios. */
  ratioGeoMean: number | null;
  /** Pooled over every page each extension handles. */
  each: Record<ExtensionId, { median: number | null; p95: number | null; pages: number; n: number }>;
  bannerFrames: Record<ExtensionId, { total: number; runsWithBanner: number; runs: number }>;
}

export interface OverheadRow {
  n: number;
  medians: Record<MetricName, number | null>;
  /** The middle half of the loads: 25th and 75th percentiles. */
  quartiles: Record<MetricName, [number, number] | null>;
  added: Record<MetricName, number | null>;
}

export interface OverheadSummary {
  /** Only the subjects that were measured. */
  rows: Partial<Record<SubjectId, OverheadRow>>;
}

function side(runs: DecisionRun[], rounds: number): SideSummary {
  const decided = runs.filter((r) => r.decisionMs !== null);
  const decisionMs = decided.map((r) => r.decisionMs!);
  const verdicts = runs.map((r) => r.verdictMs).filter((v): v is number => v !== null);
  const outcomes: Record<string, number> = {};
  for (const r of runs) {
    if (r.outcome === null) continue;
    const key = r.method && r.method !== 'none' ? `${r.outcome} (${r.method})` : r.outcome;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  const frames = decided.map((r) => r.bannerFrames);
  const checked = decided.filter((r) => r.denied !== null);
  return {
    runs: runs.length,
    decided: decided.length,
    handles: decided.length > 0 && decided.length * 2 >= runs.length,
    gaveUp: runs.length < rounds && decided.length === 0,
    decisionMs,
    verdictMs: verdicts,
    median: median(decisionMs),
    p95: percentile(decisionMs, 95),
    verdictMedian: median(verdicts),
    verdictP95: percentile(verdicts, 95),
    outcomes,
    bannerFrames: frames,
    bannerFramesMedian: median(frames),
    bannerFramesMax: max(frames),
    runsWithBanner: frames.filter((f) => f > 0).length,
    deniedChecked: checked.length,
    denied: checked.filter((r) => r.denied).length,
    errors: runs.map((r) => r.error).filter((e): e is string => e !== null),
  };
}

/** `rounds`: how many runs each page had per extension, unless the extension was stopped early. */
export function summarizePages(pages: BenchPage[], runs: DecisionRun[], controls: ControlRun[], rounds: number): PageSummary[] {
  return pages.map((page) => {
    const mine = runs.filter((r) => r.host === page.host);
    const s = { ours: side(mine.filter((r) => r.subject === 'ours'), rounds), reference: side(mine.filter((r) => r.subject === 'reference'), rounds) };
    const bothHandle = s.ours.handles && s.reference.handles;
    return {
      page,
      control: controls.find((c) => c.host === page.host) ?? null,
      side: s,
      bothHandle,
      ratioMedian: bothHandle ? ratio(s.ours.median, s.reference.median) : null,
      ratioP95: bothHandle ? ratio(s.ours.p95, s.reference.p95) : null,
    };
  });
}

export function summarizeOverall(pages: PageSummary[]): OverallSummary {
  const both = pages.filter((p) => p.bothHandle);
  const pooled = (list: PageSummary[], id: ExtensionId) => list.flatMap((p) => p.side[id].decisionMs);
  const bothSide = (id: ExtensionId) => {
    const values = pooled(both, id);
    const verdicts = both.flatMap((p) => p.side[id].verdictMs);
    return { median: median(values), p95: percentile(values, 95), verdictMedian: median(verdicts), verdictP95: percentile(verdicts, 95), n: values.length };
  };
  const summary = { ours: bothSide('ours'), reference: bothSide('reference') };
  const each = (id: ExtensionId) => {
    const handled = pages.filter((p) => p.side[id].handles);
    const values = pooled(handled, id);
    return { median: median(values), p95: percentile(values, 95), pages: handled.length, n: values.length };
  };
  const frames = (id: ExtensionId) => ({
    total: pages.reduce((sum, p) => sum + p.side[id].bannerFrames.reduce((a, b) => a + b, 0), 0),
    runsWithBanner: pages.reduce((sum, p) => sum + p.side[id].runsWithBanner, 0),
    runs: pages.reduce((sum, p) => sum + p.side[id].bannerFrames.length, 0),
  });
  return {
    both: summary,
    bothPages: both.length,
    ratioMedian: ratio(summary.ours.median, summary.reference.median),
    ratioP95: ratio(summary.ours.p95, summary.reference.p95),
    ratioGeoMean: geometricMean(both.map((p) => p.ratioMedian).filter((r): r is number => r !== null)),
    each: { ours: each('ours'), reference: each('reference') },
    bannerFrames: { ours: frames('ours'), reference: frames('reference') },
  };
}

export function summarizeOverhead(runs: OverheadRun[]): OverheadSummary {
  const ids = OVERHEAD_SUBJECTS.filter((id) => runs.some((r) => r.subject === id));
  const values = (id: SubjectId, m: MetricName) => runs.filter((r) => r.subject === id).map((r) => r.metrics[m]).filter(Number.isFinite);
  const medians = (id: SubjectId) => Object.fromEntries(METRICS.map((m) => [m, median(values(id, m))])) as Record<MetricName, number | null>;
  const base = medians('none');
  const rows = Object.fromEntries(
    ids.map((id) => {
      const m = medians(id);
      const added = Object.fromEntries(METRICS.map((k) => [k, m[k] === null || base[k] === null ? null : m[k]! - base[k]!])) as Record<MetricName, number | null>;
      const quartiles = Object.fromEntries(
        METRICS.map((k) => {
          const v = values(id, k);
          return [k, v.length ? [percentile(v, 25)!, percentile(v, 75)!] : null];
        }),
      ) as Record<MetricName, [number, number] | null>;
      return [id, { n: runs.filter((r) => r.subject === id).length, medians: m, quartiles, added }];
    }),
  );
  return { rows };
}
