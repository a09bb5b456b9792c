import { describe, expect, it } from 'vitest';
import { longTasksOf, tracedPageOf, type TraceEvent } from '../../../scripts/lib/longTasks';

const EXT = 'chrome-extension://abcdefghijklmnop';
const PAGE = 'http://fuzz.test:8080/page';

/** A renderer main thread, as the trace names it. */
const thread = (pid: number): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid: 1, ts: 0, args: { name: 'CrRendererMain' } });

const commit = (pid: number, ts: number, frame: string, url: string, isOutermostMainFrame = true): TraceEvent => ({
  name: 'CommitLoad',
  ph: 'X',
  pid,
  tid: 1,
  ts,
  dur: 10,
  args: { data: { frame, url, isOutermostMainFrame } },
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
    expect(tracedPageOf(`${PAGE}?seed=120&kind=form&framed=1`)).toEqual({ seed: 120, kind: 'form', framed: true });
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

  it('ties a task in a frame of another site to the page that frame shows, and one in a srcdoc frame to its tab', () => {
    const events: TraceEvent[] = [
      thread(10),
      thread(12),
      commit(10, 1_000, 'TAB', `${PAGE}?seed=7&kind=dom`),
      commit(10, 2_000, 'SRCDOC', 'about:srcdoc', false),
      // The frames of the other site, in their own process: no tab ever commits there.
      commit(12, 3_000, 'F1', `${PAGE}?seed=70&kind=form&framed=1`, false),
      commit(12, 4_000, 'F2', `${PAGE}?seed=71&kind=hostile&framed=1`, false),
      task(12, 100_000, 52),
      call(12, 100_100, 51, 51, `${EXT}/consent-engine.js`, 'F1'),
      task(12, 200_000, 53),
      call(12, 200_100, 2, 2, `${EXT}/frame-start.js`, 'F2'),
      // Naming no frame: the thread's last commit.
      task(12, 300_000, 54),
      // In the tab's process, a task naming only the srcdoc frame: the tab's page.
      task(10, 400_000, 55),
      call(10, 400_100, 3, 3, `${EXT}/frame-start.js`, 'SRCDOC'),
    ];
    const tasks = longTasksOf(events, EXT);
    expect(tasks.map((t) => [t.seed, t.kind, t.framed, t.durationMs])).toEqual([
      [7, 'dom', false, 55],
      [70, 'form', true, 52],
      [71, 'hostile', true, 53],
      [71, 'hostile', true, 54],
    ]);
    expect(tasks[1]!.extensionCpuMs).toBe(51);
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
