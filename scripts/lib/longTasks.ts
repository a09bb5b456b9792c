/**
 * Long tasks in a DevTools trace, and how much of each was the extension's
 * own code: the analysis behind `npm run fuzz` (scripts/fuzz-longtasks.ts).
 *
 * A task is every `RunTask` over 50 ms on a renderer's main thread; the
 * extension's share is the time of the outermost script events inside it
 * (`EvaluateScript`, `FunctionCall`, `v8.compile`) whose script is one of the
 * extension's files. A task belongs to the generated page whose main-frame
 * commit (`CommitLoad`) came last before the task ended, in the tab named by
 * the task's own frame events or, when they name no tab, on the same thread:
 * so one trace can span many pages in a row in each tab. A task in a frame of
 * another site (its own process, where no tab commits) belongs to the page
 * that frame committed last (`framed`: the generated page the frame shows).
 */
import type { FuzzKind } from './fuzzPages';

export const LONG_TASK_MS = 50;

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the trace records it. */
  tdur?: number;
  args?: {
    name?: string;
    data?: {
      url?: string;
      frame?: string;
      functionName?: string;
      processId?: number;
      isOutermostMainFrame?: boolean;
      frames?: { url?: string; processId?: number }[];
    };
  };
}

/** A generated page, as its address names it (`/page?seed=N&kind=K`). */
export interface TracedPage {
  seed: number;
  kind: FuzzKind;
  /** A page in a frame of another site (`framed=1`), not a tab's. */
  framed?: true;
}

export interface LongTask {
  /** In one of the extension's own pages (the onboarding page its install opens), not a generated page. */
  extensionPage: boolean;
  seed: number | null;
  kind: FuzzKind | null;
  /** In a frame of another site: `seed` and `kind` are that frame's page, whose seed is ten times its tab's page's and more. */
  framed: boolean;
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

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile']);

/** The generated page an address shows, if it is one. */
export function tracedPageOf(url: string | undefined): TracedPage | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const seed = Number(parsed.searchParams.get('seed'));
  const kind = parsed.searchParams.get('kind');
  if (parsed.pathname !== '/page' || !Number.isInteger(seed) || seed <= 0 || !kind) return null;
  return parsed.searchParams.get('framed') === '1' ? { seed, kind: kind as FuzzKind, framed: true } : { seed, kind: kind as FuzzKind };
}

/** The renderer main threads of a trace, as `pid:tid`. */
function rendererMainThreads(events: TraceEvent[]): Set<string> {
  return new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
}

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

interface Commit {
  ts: number;
  page: TracedPage | null;
}

/** Commits, in time order: of tabs (main frames) and of other frames, each by frame and by the renderer thread that made them. */
class Commits {
  private readonly tabs = new Map<string, Commit[]>();
  private readonly tabThreads = new Map<string, Commit[]>();
  private readonly frames = new Map<string, Commit[]>();
  private readonly frameThreads = new Map<string, Commit[]>();

  constructor(events: TraceEvent[]) {
    for (const e of events) {
      const data = e.args?.data;
      if (e.name !== 'CommitLoad' || !data?.frame) continue;
      const commit = { ts: e.ts, page: tracedPageOf(data.url) };
      push(data.isOutermostMainFrame ? this.tabs : this.frames, data.frame, commit);
      push(data.isOutermostMainFrame ? this.tabThreads : this.frameThreads, `${e.pid}:${e.tid}`, commit);
    }
    for (const map of [this.tabs, this.tabThreads, this.frames, this.frameThreads]) for (const list of map.values()) list.sort((a, b) => a.ts - b.ts);
  }

  isTab(frame: string): boolean {
    return this.tabs.has(frame);
  }

  isFrame(frame: string): boolean {
    return this.frames.has(frame);
  }

  /**
   * The page committed last, at or before `ts`: in the tab or frame named, else
   * on the thread (a tab's page; a frame's where no tab committed there).
   */
  pageAt(ts: number, where: { tab?: string; frame?: string; thread: string }): TracedPage | null {
    if (where.tab) return lastBefore(ts, this.tabs.get(where.tab));
    // A frame showing no generated page (a srcdoc frame in the tab's process) names no page: the thread's is taken.
    const framed = where.frame ? lastBefore(ts, this.frames.get(where.frame)) : null;
    if (framed) return framed;
    const tabs = this.tabThreads.get(where.thread);
    return tabs ? lastBefore(ts, tabs) : lastBefore(ts, this.frameThreads.get(where.thread));
  }
}

function lastBefore(ts: number, commits: Commit[] | undefined): TracedPage | null {
  let found: Commit | undefined;
  for (const commit of commits ?? []) {
    if (commit.ts > ts) break;
    found = commit;
  }
  return found?.page ?? null;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  (map.get(key) ?? map.set(key, []).get(key)!).push(value);
}

/** Long tasks in one trace, each tied to the generated page it ran in. */
export function longTasksOf(events: TraceEvent[], extensionOrigin: string): LongTask[] {
  const main = rendererMainThreads(events);
  const extensionPages = extensionPageProcesses(events, extensionOrigin);
  const commits = new Commits(events);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) if (e.ph === 'X' && main.has(`${e.pid}:${e.tid}`)) push(byThread, `${e.pid}:${e.tid}`, e);
  const tasks: LongTask[] = [];
  for (const [thread, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts);
    for (let i = 0; i < list.length; i++) {
      const task = list[i]!;
      if (task.name !== 'RunTask' || (task.dur ?? 0) < LONG_TASK_MS * 1000) continue;
      const end = task.ts + task.dur!;
      let extensionUs = 0;
      let extensionCpuUs = 0;
      let coveredUntil = -1;
      let tab: string | undefined;
      let frame: string | undefined;
      const code = new Map<string, number>();
      for (let j = i + 1; j < list.length && list[j]!.ts < end; j++) {
        const e = list[j]!;
        const data = e.args?.data;
        if (!tab && data?.frame && commits.isTab(data.frame)) tab = data.frame;
        if (!frame && data?.frame && commits.isFrame(data.frame)) frame = data.frame;
        if (!SCRIPT_EVENTS.has(e.name) || !data?.url?.startsWith(extensionOrigin)) continue;
        // Outermost extension events only: nested ones are inside time already counted.
        if (e.ts < coveredUntil) continue;
        const name = `${e.name === 'FunctionCall' ? '' : `${e.name} `}${data.url.slice(extensionOrigin.length)}${data.functionName ? ` ${data.functionName}` : ''}`;
        code.set(name, (code.get(name) ?? 0) + (e.dur ?? 0));
        extensionUs += e.dur ?? 0;
        extensionCpuUs += e.tdur ?? e.dur ?? 0;
        coveredUntil = e.ts + (e.dur ?? 0);
      }
      const page = commits.pageAt(end, { tab, frame, thread });
      tasks.push({
        extensionPage: !page && extensionPages.has(task.pid),
        seed: page?.seed ?? null,
        kind: page?.kind ?? null,
        framed: page?.framed === true,
        durationMs: task.dur! / 1000,
        extensionMs: extensionUs / 1000,
        extensionCpuMs: extensionCpuUs / 1000,
        extensionCode: [...code].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ code: name, ms: us / 1000 })),
      });
    }
  }
  return tasks;
}
