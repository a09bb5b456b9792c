/**
 * Collects the uncaught errors the extension causes while pages run: in its
 * isolated world (every content script and the injected consent engine), in
 * its main-world scripts (the permission watcher, GPC, functions it injects),
 * and in its service worker. Page errors of the page's own making are left
 * out; errors with no source at all are kept, since the generated pages never
 * run code without a URL.
 */
import type { CDPSession, Frame, Page, Worker } from 'playwright-core';
import { PAGE_THROW_MARK } from '../../../scripts/lib/fuzzPages';
import type { Harness } from './harness';

export interface CollectedError {
  where: 'isolated world' | 'main world' | 'a frame of the tab' | 'unattributed' | 'service worker';
  message: string;
  /** The page (with its seed) the tab showed, or the worker. */
  source: string;
}

interface ContextInfo {
  origin: string;
  name: string;
  type: string;
}

interface CallFrame {
  url: string;
  functionName: string;
  lineNumber: number;
  columnNumber: number;
}

interface StackTrace {
  callFrames: CallFrame[];
  parent?: StackTrace;
}

interface ExceptionDetails {
  text: string;
  url?: string;
  executionContextId?: number;
  stackTrace?: StackTrace;
  exception?: { description?: string };
}

function stackUrls(stack: StackTrace | undefined): string[] {
  const urls: string[] = [];
  for (let s = stack; s; s = s.parent) for (const f of s.callFrames) urls.push(f.url);
  return urls;
}

/**
 * Whose an exception is: the extension's when it was thrown in the
 * extension's isolated world or its top frame is an extension file, or when
 * an extension frame is on the stack and the page did not throw it on purpose.
 */
export function classifyException(details: ExceptionDetails, context: ContextInfo | undefined, extensionOrigin: string): CollectedError['where'] | null {
  const message = `${details.text} ${details.exception?.description ?? ''}`;
  if (context?.origin === extensionOrigin) return 'isolated world';
  const urls = [details.url ?? '', ...stackUrls(details.stackTrace)];
  const fromExtension = (u: string) => u.startsWith(extensionOrigin);
  const top = details.stackTrace?.callFrames[0]?.url ?? details.url ?? '';
  if (fromExtension(top)) return 'main world';
  if (urls.some(fromExtension) && !message.includes(PAGE_THROW_MARK)) return 'main world';
  if (urls.every((u) => !u)) return 'unattributed';
  return null;
}

export interface PageWatch {
  cdp: CDPSession;
  /**
   * What the tab shows now, for the error reports (set before each
   * navigation). An error reported just after a navigation may belong to the
   * page before, so reports name that one too.
   */
  label: string;
  /** The ids of the extension's isolated-world contexts seen so far in the tab's own process, newest last. */
  isolatedContexts: () => number[];
  /** The same for each frame of another site that runs in a process of its own (a session per frame). */
  outOfProcessFrames: () => { url: string; cdp: CDPSession; isolatedContexts: number[] }[];
  detach: () => Promise<void>;
}

interface WatchedSession {
  cdp: CDPSession;
  contexts: Map<number, ContextInfo>;
}

/** Listens to one DevTools session's contexts and exceptions; `report` gets the extension's. */
async function watchSession(cdp: CDPSession, extensionOrigin: string, report: (where: CollectedError['where'], message: string) => void): Promise<WatchedSession> {
  const contexts = new Map<number, ContextInfo>();
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: { id: number; origin: string; name: string; auxData?: { type?: string } } }) => {
    contexts.set(context.id, { origin: context.origin, name: context.name, type: context.auxData?.type ?? '' });
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) => {
    // Kept a little: an exception can be reported after its context is gone.
    setTimeout(() => contexts.delete(executionContextId), 30_000);
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }: { exceptionDetails: ExceptionDetails }) => {
    const where = classifyException(exceptionDetails, contexts.get(exceptionDetails.executionContextId ?? -1), extensionOrigin);
    if (where) report(where, (exceptionDetails.exception?.description ?? exceptionDetails.text).slice(0, 800));
  });
  await cdp.send('Runtime.enable');
  return { cdp, contexts };
}

const isolatedIn = (contexts: Map<number, ContextInfo>, extensionOrigin: string) =>
  [...contexts].filter(([, c]) => c.origin === extensionOrigin).map(([id]) => id);

/**
 * Watches one tab across navigations: every frame in its process, every world,
 * and each frame of another site that Chromium runs in a process of its own
 * (a session of its own, opened as the frame commits; what such a frame throws
 * before that is still seen through Playwright's report, below).
 */
export async function watchPage(h: Harness, page: Page, sink: (error: CollectedError) => void): Promise<PageWatch> {
  const extensionOrigin = `chrome-extension://${h.extensionId}`;
  let label = page.url();
  let previous = '';
  const source = () => (previous ? `${label} (or the page before it, ${previous})` : label);
  const main = await watchSession(await h.context.newCDPSession(page), extensionOrigin, (where, message) => sink({ where, message, source: source() }));
  const frames = new Map<Frame, WatchedSession>();
  const onFrame = (frame: Frame) => {
    if (frame === page.mainFrame() || frames.has(frame)) return;
    // Throws for a frame that runs in its parent's process: the tab's own session already sees it.
    void h.context
      .newCDPSession(frame)
      .then(async (cdp) => {
        const url = frame.url();
        frames.set(frame, await watchSession(cdp, extensionOrigin, (where, message) => sink({ where, message, source: `${source()}, in its frame ${url}` })));
      })
      .catch(() => undefined);
  };
  page.on('framenavigated', onFrame);
  page.on('framedetached', (frame) => {
    const session = frames.get(frame);
    frames.delete(frame);
    void session?.cdp.detach().catch(() => undefined);
  });
  // Playwright's own report of errors in any frame of the tab, as a second witness.
  page.on('pageerror', (error) => {
    const stack = error.stack ?? '';
    if (stack.includes(extensionOrigin) && !error.message.includes(PAGE_THROW_MARK)) sink({ where: 'a frame of the tab', message: `${error.message}\n${stack}`.slice(0, 800), source: source() });
  });
  return {
    cdp: main.cdp,
    get label() {
      return label;
    },
    set label(next: string) {
      previous = label === 'about:blank' ? '' : label;
      label = next;
    },
    isolatedContexts: () => isolatedIn(main.contexts, extensionOrigin),
    outOfProcessFrames: () => [...frames].map(([frame, session]) => ({ url: frame.url(), cdp: session.cdp, isolatedContexts: isolatedIn(session.contexts, extensionOrigin) })),
    detach: async () => {
      page.off('framenavigated', onFrame);
      await Promise.all([main, ...frames.values()].map((s) => s.cdp.detach().catch(() => undefined)));
    },
  };
}

const WORKER_MARK = 'privacy-ledger-test: uncaught in worker';

/**
 * Watches the extension's service worker: its console errors, and its
 * uncaught exceptions and unhandled rejections (through listeners the test
 * adds to the worker's global scope, which log with a mark). A restarted
 * worker is watched again.
 */
export async function watchWorker(h: Harness, sink: (error: CollectedError) => void): Promise<() => void> {
  const attached = new WeakSet<Worker>();
  const attach = async (worker: Worker) => {
    if (attached.has(worker)) return;
    attached.add(worker);
    worker.on('console', (message) => {
      if (message.type() === 'error') sink({ where: 'service worker', message: message.text().slice(0, 800), source: worker.url() });
    });
    await worker.evaluate((mark) => {
      const scope = globalThis as unknown as { addEventListener: (type: string, listener: (event: { error?: unknown; message?: string; reason?: unknown }) => void) => void };
      const describe = (value: unknown) => (value instanceof Error ? `${value.message}\n${value.stack ?? ''}` : String(value));
      scope.addEventListener('error', (event) => console.error(mark, describe(event.error ?? event.message)));
      scope.addEventListener('unhandledrejection', (event) => console.error(mark, describe(event.reason)));
    }, WORKER_MARK);
  };
  const onWorker = (worker: Worker) => void attach(worker).catch(() => undefined);
  h.context.on('serviceworker', onWorker);
  await attach(await h.worker());
  return () => h.context.off('serviceworker', onWorker);
}
