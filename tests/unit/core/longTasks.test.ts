import { describe, expect, it } from 'vitest';
import { longTasksOf, tracedPageOf, type TraceEvent } from '../../../scripts/lib/longTasks';

const EXT = 'chrome-extension://abcdefghijklmnop';
const PAGE = 'http://fuzz.test:8080/page';

/** A renderer main thread, as the trace names it. */
const thread = (pid: number): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid: 1, ts: 0, args: { name: 'CrRendererMain' } });

const commit = (pid: number, ts: number, frame: string, url: string): TraceEvent => ({
  name: 'CommitLoad',
  ph: 'X',
  pid,
  tid: 1,
  ts,
  dur: 10,
  args: { data: { frame, url, isOutermostMainFrame: true } },
});

const task = (pid: number, ts: number, ms: number): TraceEvent => ({ name: 'RunTask', ph: 'X', pid, tid: 1, ts, dur: ms * 1000 });

const call = (pid: number, ts: number, ms: number, cpuMs: number, url: string, frame?: string, functionName?: string): TraceEvent => ({
  name: 'FunctionCall',
  ph: 'X',
  pid,
  tid: 1,
  ts,
  dur: ms * 1000,
  tdur: cpuMs * 1000,
  args: { data: { url, frame, functionName } },
});

describe('tracedPageOf', () => {
  it('reads the seed and kind of a generated page and nothing else', () => {
    expect(tracedPageOf(`${PAGE}?seed=12&kind=huge`)).toEqual({ seed: 12, kind: 'huge' });
    expect(tracedPageOf('http://fuzz.test/other?seed=12&kind=huge')).toBeNull();
    expect(tracedPageOf(`${PAGE}?seed=0&kind=dom`)).toBeNull();
    expect(tracedPageOf(`${PAGE}?seed=x&kind=dom`)).toBeNull();
    expect(tracedPageOf(`${PAGE}?seed=3`)).toBeNull();
    expect(tracedPageOf('not a url')).toBeNull();
    expect(tracedPageOf(undefined)).toBeNull();
  });
});

describe('longTasksOf', () => {
  it('ties each task of a trace spanning several pages to the page committed last in its tab', () => {
    const events: TraceEvent[] = [
      thread(10),
      thread(11),
      commit(10, 1_000, 'TAB', `${PAGE}?seed=1&kind=dom`),
      // Page 1: a long task whose frame events name the tab.
      task(10, 100_000, 80),
      call(10, 100_100, 60, 30, `${EXT}/frame-start.js`, 'TAB', 'look'),
      // Nested inside the call above: not counted twice.
      call(10, 100_200, 20, 10, `${EXT}/frame-start.js`, 'TAB', 'inner'),
      // The page's own script: not the extension's.
      call(10, 170_000, 9, 9, `${PAGE}?seed=1&kind=dom`, 'TAB'),
      // Short: not a long task.
      task(10, 300_000, 49),
      // Page 2 commits in another process (another site) in the same tab.
      commit(11, 500_000, 'TAB', `${PAGE}?seed=2&kind=shadow`),
      task(11, 600_000, 70),
      call(11, 600_100, 5, 5, `${EXT}/consent-engine.js`, 'TAB'),
      // Page 3 back in the first process: its commit falls inside the task that runs its start.
      task(10, 900_000, 60),
      commit(10, 900_010, 'TAB', `${PAGE}?seed=3&kind=huge`),
      // A task naming no frame: tied by its thread's last commit (page 3).
      task(10, 1_200_000, 55),
    ];
    const tasks = longTasksOf(events, EXT);
    expect(tasks.map((t) => [t.seed, t.kind, t.durationMs])).toEqual([
      [1, 'dom', 80],
      [3, 'huge', 60],
      [3, 'huge', 55],
      [2, 'shadow', 70],
    ]);
    const first = tasks[0]!;
    expect(first.extensionMs).toBe(60);
    expect(first.extensionCpuMs).toBe(30);
    expect(first.extensionCode).toEqual([{ code: '/frame-start.js look', ms: 60 }]);
    expect(tasks[3]!.extensionCode).toEqual([{ code: '/consent-engine.js', ms: 5 }]);
    expect(tasks.every((t) => !t.extensionPage)).toBe(true);
  });

  it("reports the extension's own pages apart and leaves tasks of no known page unnamed", () => {
    const events: TraceEvent[] = [
      thread(20),
      thread(30),
      { name: 'FrameCommittedInBrowser', ph: 'I', pid: 1, tid: 1, ts: 10, args: { data: { frame: 'ONB', url: `${EXT}/onboarding.html`, processId: 20 } } },
      commit(20, 20, 'ONB', `${EXT}/onboarding.html`),
      task(20, 1_000, 61),
      call(20, 1_100, 58, 58, `${EXT}/chunks/onboarding.js`, 'ONB'),
      // A frame of another process that no tab committed: no page to name.
      task(30, 2_000, 51),
      call(30, 2_100, 1, 1, `${EXT}/frame-start.js`, 'SUBFRAME'),
      // Not a renderer's main thread: ignored.
      { name: 'RunTask', ph: 'X', pid: 40, tid: 1, ts: 3_000, dur: 90_000 },
    ];
    const tasks = longTasksOf(events, EXT);
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({ extensionPage: true, seed: null, extensionMs: 58 });
    expect(tasks[1]).toMatchObject({ extensionPage: false, seed: null, kind: null, extensionMs: 1 });
  });
});
