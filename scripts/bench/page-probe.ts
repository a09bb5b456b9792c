/**
 * What the benchmark runs inside each page, before the page's own scripts:
 * it watches the CMP's stored record and the banner, identically whichever
 * extension (or none) is installed. Times are `performance.now()`, that is
 * milliseconds since the navigation started.
 *
 * The functions here are sent to the page as source text, so they must not
 * use anything from this module's scope.
 */
import type { BenchPage, StoreRef } from './pages';

export interface ProbeOptions {
  answered: StoreRef[];
  banner: string[];
  /** Stop watching this long after the navigation started. */
  timeoutMs: number;
  /** Stop at the first frame that shows the banner (the no-extension control run). */
  stopAtBanner: boolean;
}

/** Marks a tab whose storage the probe already emptied, so a reload by the page keeps what it stored since. */
const FRESH_FLAG = '__privacyLedgerBenchFresh';

export interface ProbeResult {
  /** Wall-clock time of the navigation start (ms since the epoch). */
  timeOrigin: number;
  /** When the CMP's record first appeared in an answered state; null if it never did. */
  decisionAt: number | null;
  /** What noticed it: the page writing `document.cookie` / `localStorage`, or the per-frame poll. */
  decisionVia: 'write' | 'frame' | null;
  decisionValue: string | null;
  /** The record was there before the page ran: leftover state, the run is void. */
  presentAtStart: boolean;
  /** Animation frames seen before the decision (or the timeout). */
  frames: number;
  /** Of those, the frames in which the banner was visible. */
  bannerFrames: number;
  firstFrameAt: number | null;
  firstBannerAt: number | null;
  timedOut: boolean;
}

declare global {
  interface Window {
    __privacyLedgerBench?: { done: Promise<ProbeResult> };
  }
}

export function probeOptions(page: BenchPage, timeoutMs: number, stopAtBanner = false): ProbeOptions {
  return { answered: page.answered, banner: page.banner, timeoutMs, stopAtBanner };
}

/** Reads one store in the page: the decoded value, or null. Runs in the page. */
function readStoreInPage(s: StoreRef): string | null {
  const decode = (v: string, urlEncoded: boolean) => {
    let text = v;
    try {
      if (urlEncoded) text = decodeURIComponent(v);
    } catch {
      // not URL-encoded after all
    }
    if (s.decode !== 'base64') return text;
    try {
      const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
      return atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    } catch {
      return text;
    }
  };
  if ('cookie' in s) {
    const prefix = s.cookie.endsWith('*');
    const name = prefix ? s.cookie.slice(0, -1) : s.cookie;
    for (const part of document.cookie.split(';')) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim();
      if (prefix ? key.startsWith(name) : key === name) return decode(eq < 0 ? '' : part.slice(eq + 1).trim(), true);
    }
    return null;
  }
  try {
    const value = window.localStorage.getItem(s.localStorage);
    return value === null ? null : decode(value, false);
  } catch {
    return null;
  }
}

/** The init script: installed with `page.addInitScript` through `probeScript`. */
function probe(o: ProbeOptions, read: typeof readStoreInPage, freshFlag: string): void {
  if (window !== window.top) return;
  // A fresh visit: the site's localStorage and sessionStorage are emptied before any of its scripts run
  // (cookies are cleared by the harness). Cheaper than clearing the origin's data over CDP before every run.
  try {
    if (!sessionStorage.getItem(freshFlag)) {
      localStorage.clear();
      sessionStorage.clear();
      sessionStorage.setItem(freshFlag, '1');
    }
  } catch {
    // storage unavailable (sandboxed page): nothing to clear
  }
  const result: ProbeResult = {
    timeOrigin: performance.timeOrigin,
    decisionAt: null,
    decisionVia: null,
    decisionValue: null,
    presentAtStart: false,
    frames: 0,
    bannerFrames: 0,
    firstFrameAt: null,
    firstBannerAt: null,
    timedOut: false,
  };
  let finish: () => void = () => {};
  const done = new Promise<ProbeResult>((resolve) => {
    finish = () => resolve(result);
  });
  window.__privacyLedgerBench = { done };
  let over = false;
  const end = () => {
    if (over) return;
    over = true;
    finish();
  };

  const answeredValue = (): string | null => {
    for (const s of o.answered) {
      const value = read(s);
      if (value !== null && (s.match === undefined || new RegExp(s.match).test(value))) return value;
    }
    return null;
  };
  const check = (via: 'write' | 'frame') => {
    if (result.decisionAt !== null) return;
    const value = answeredValue();
    if (value === null) return;
    result.decisionAt = performance.now();
    result.decisionVia = via;
    result.decisionValue = value.slice(0, 2000);
    if (!o.stopAtBanner) end();
  };

  result.presentAtStart = answeredValue() !== null;

  // Exact times: notice the page's own writes as they happen (the original setter runs first, unchanged).
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie?.get && cookie.set) {
    const { get, set } = cookie;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable ?? true,
      get,
      set(this: Document, value: string) {
        set.call(this, value);
        if (this === document && !over) check('write');
      },
    });
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    setItem.call(this, key, value);
    if (!over) check('write');
  };

  // Elements matching a selector; ' >>> ' steps into the shadow root of what matched so far.
  const matching = (selector: string): Element[] => {
    let roots: ParentNode[] = [document];
    const parts = selector.split('>>>').map((s) => s.trim());
    for (let i = 0; i < parts.length; i++) {
      const found = roots.flatMap((r) => Array.from(r.querySelectorAll(parts[i]!)));
      if (i === parts.length - 1) return found;
      roots = found.map((e) => e.shadowRoot).filter((r): r is ShadowRoot => r !== null);
    }
    return [];
  };
  const visible = (el: Element): boolean => {
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return false;
    if (rect.bottom <= 0 || rect.right <= 0 || rect.top >= innerHeight || rect.left >= innerWidth) return false;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    // Opacity does not inherit in computed style: a hidden ancestor (or shadow host) hides the banner too.
    for (let n: Element | null = el; n; ) {
      if (getComputedStyle(n).opacity === '0') return false;
      n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null);
    }
    return true;
  };
  const bannerVisible = () => {
    try {
      return o.banner.some((s) => matching(s).some(visible));
    } catch {
      return false;
    }
  };

  const frame = (t: number) => {
    if (over) return;
    result.frames++;
    result.firstFrameAt ??= t;
    if (bannerVisible()) {
      result.bannerFrames++;
      result.firstBannerAt ??= performance.now();
      if (o.stopAtBanner) return end();
    }
    check('frame');
    if (!over) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  setTimeout(() => {
    result.timedOut = !over;
    end();
  }, Math.max(0, o.timeoutMs - performance.now()));
}

/**
 * Source text that runs `fn(arg, readStore)` in a page. tsx names functions
 * through a `__name` helper that the page does not have; the wrapper supplies it.
 */
function pageScript<A>(fn: (arg: A, read: typeof readStoreInPage, freshFlag: string) => unknown, arg: A): string {
  return `(() => { const __name = (f) => f; const read = (${readStoreInPage.toString()}); return (${fn.toString()})(${JSON.stringify(arg)}, read, ${JSON.stringify(FRESH_FLAG)}); })()`;
}

/** The probe, as an init script for `page.addInitScript({ content })`. */
export const probeScript = (o: ProbeOptions) => pageScript(probe, o);

/** An expression for `page.evaluate` that resolves with the probe's result. */
export const probeResult = () => 'window.__privacyLedgerBench ? window.__privacyLedgerBench.done : null';

/** An expression for `page.evaluate`: the decoded value of a store, or null. */
export const readStoreScript = (s: StoreRef) => pageScript((x: StoreRef, read) => read(x), s);
