/**
 * Collects the uncaught errors the extension causes in Firefox while pages
 * run. Firefox reports an uncaught error or unhandled rejection of a content
 * script (the extension's sandbox on the page, and what it injects there with
 * `scripting.executeScript`) to the page's console, and WebDriver BiDi hands
 * it on as a `log.entryAdded` entry of type "javascript" for the page's
 * browsing context. The entry names the page's realm, not the sandbox, so
 * whose error it is comes from its stack: the extension's files
 * (moz-extension://) or code injected into the sandbox ("sandbox eval code").
 * The background page is not a browsing context BiDi reports, so it is
 * watched from inside: listeners the test adds to its window.
 */
import type { Page } from 'puppeteer-core';
import { PAGE_THROW_MARK } from '../../../scripts/lib/fuzzPages';

export interface CollectedError {
  where: 'content scripts' | 'unattributed' | 'background';
  message: string;
  /** The page the tab showed (with its seed), or the background page. */
  source: string;
}

/** What a BiDi `log.entryAdded` event carries, as far as the collector reads it. */
export interface LogEntry {
  type: string;
  level?: string;
  text?: string | null;
  source: { realm?: string; context?: string };
  stackTrace?: { callFrames: { url: string; functionName?: string; lineNumber?: number; columnNumber?: number }[] };
}

/** How Firefox names the source of a function injected into a content-script sandbox. */
export const SANDBOX_CODE = 'sandbox eval code';

/**
 * Whose an error entry is: the content scripts' when a frame of its stack is
 * an extension file or injected sandbox code and the page did not throw it on
 * purpose (the generated pages mark their own throws); an entry with no stack
 * at all is kept as unattributed when its text is an exception's ("Error: …",
 * "TypeError: …"; Firefox gives a content script's unhandled rejection no
 * stack), unless it carries the page's mark. Firefox's own messages about a
 * page's calls ("… may only be requested in a secure context") come as
 * stackless entries of the same type and are not exceptions; console calls
 * are not uncaught errors either. Both are left out.
 */
export function classifyLogEntry(entry: LogEntry, extensionOrigin: string): CollectedError['where'] | null {
  if (entry.type !== 'javascript') return null;
  const text = entry.text ?? '';
  if (text.includes(PAGE_THROW_MARK)) return null;
  const urls = (entry.stackTrace?.callFrames ?? []).map((f) => f.url);
  if (urls.some((u) => u.startsWith(extensionOrigin) || u === SANDBOX_CODE)) return 'content scripts';
  if (urls.every((u) => !u) && EXCEPTION_TEXT.test(text)) return 'unattributed';
  return null;
}

/** How Firefox words an uncaught exception or rejection: the error's name first. */
const EXCEPTION_TEXT = /^(uncaught )?(\w*Error|DOMException|InternalError|uncaught exception)\b/i;

/** The core BiDi session under puppeteer's page: its events are every browsing context's. */
interface BidiSession {
  on(event: 'log.entryAdded', listener: (entry: LogEntry) => void): void;
  off(event: 'log.entryAdded', listener: (entry: LogEntry) => void): void;
}

function sessionOf(page: Page): BidiSession {
  const frame = page.mainFrame() as unknown as { browsingContext: { userContext: { browser: { session: BidiSession } } } };
  return frame.browsingContext.userContext.browser.session;
}

/** The BiDi id of a frame's browsing context. */
export const contextIdOf = (page: Page): string => (page.mainFrame() as unknown as { _id: string })._id;

/**
 * Watches every browsing context of the browser for the extension's errors.
 * `sourceOf` names what the context showed when the entry came (the tab's
 * page); `onOther` hears the entries left out. The returned function stops
 * watching.
 */
export function watchLog(page: Page, extensionOrigin: string, sink: (error: CollectedError) => void, sourceOf: (context: string) => string, onOther?: (entry: LogEntry) => void): () => void {
  const session = sessionOf(page);
  const listener = (entry: LogEntry) => {
    const where = classifyLogEntry(entry, extensionOrigin);
    if (!where) {
      onOther?.(entry);
      return;
    }
    const stack = (entry.stackTrace?.callFrames ?? []).map((f) => `    at ${f.functionName || '<anonymous>'} (${f.url}:${(f.lineNumber ?? 0) + 1})`).join('\n');
    sink({ where, message: `${entry.text ?? ''}\n${stack}`.slice(0, 800), source: sourceOf(entry.source.context ?? '') });
  };
  session.on('log.entryAdded', listener);
  return () => session.off('log.entryAdded', listener);
}

type BackgroundWindow = Window & typeof globalThis & { __ledgerTestErrors?: string[] };
type Runtime = { runtime: { getBackgroundPage(): Promise<BackgroundWindow> } };

/**
 * Adds listeners for uncaught errors and unhandled rejections, and a wrapper
 * around console.error, to the extension's background page, from an
 * extension page (`ext`, which must stay open: the listeners are its
 * functions). Errors land in a list on the background window.
 */
export async function watchBackground(ext: Page): Promise<void> {
  await ext.evaluate(async () => {
    const bg = await (globalThis as unknown as { browser: Runtime }).browser.runtime.getBackgroundPage();
    if (bg.__ledgerTestErrors) return;
    const errors: string[] = (bg.__ledgerTestErrors = []);
    const describe = (value: unknown) => (value instanceof bg.Error || value instanceof Error ? `${String(value)}\n${(value as Error).stack ?? ''}` : String(value));
    bg.addEventListener('error', (event) => errors.push(`uncaught: ${describe(event.error ?? event.message)}`));
    bg.addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${describe(event.reason)}`));
    const original = bg.console.error;
    bg.console.error = function (...args: unknown[]) {
      errors.push(`console.error: ${args.map(describe).join(' ')}`);
      return original.apply(this, args);
    };
  });
}

/**
 * The background page's errors so far, or null when the watched page is gone
 * (the background was restarted, and what it did since was not watched).
 */
export async function backgroundErrors(ext: Page): Promise<CollectedError[] | null> {
  const list = await ext.evaluate(async () => {
    const bg = await (globalThis as unknown as { browser: Runtime }).browser.runtime.getBackgroundPage();
    return bg.__ledgerTestErrors ? [...bg.__ledgerTestErrors] : null;
  });
  return list && list.map((message) => ({ where: 'background', message: message.slice(0, 800), source: 'the background page' }));
}
