/**
 * Pieces the fuzz runs in Chromium (tests/e2e/security-fuzz.e2e.ts) and in
 * Firefox (tests/firefox/security-fuzz.e2e.ts) share, whatever drives the browser.
 */
import { until } from '../../../scripts/lib/until';

/** Collected extension errors, one per paragraph, for a failure message. */
export const reportErrors = (list: { where: string; source: string; message: string }[]) =>
  list.map((e) => `[${e.where}] on ${e.source}\n  ${e.message.replace(/\n/g, '\n  ')}`).join('\n');

/**
 * The page's load count (read by `loads`, kept in its session storage by the generated reload page)
 * once it has settled: no new load for 6 s, since the heuristic answers 2.5 s after the engine starts.
 */
export async function settledLoads(loads: () => Promise<number>, timeoutMs: number, what: string): Promise<number> {
  let count = await loads();
  let still = Date.now();
  await until(what, async () => {
    const now = await loads().catch(() => count);
    if (now !== count) [count, still] = [now, Date.now()];
    return Date.now() - still > 6000;
  }, timeoutMs);
  return count;
}

/**
 * Run in a scroll-lock fuzz page (passed to `evaluate`, so self-contained):
 * whether the page is taller than the window, whether its root or body still
 * clips, how far `scrollTo(0, 300)` moved it, and whether its dialog is still there.
 */
export function scrollLockState(): { tall: boolean; locked: boolean; scrollY: number; dialog: boolean } {
  const locked = (el: Element) => ['hidden', 'clip'].includes(getComputedStyle(el).overflowY);
  window.scrollTo(0, 300);
  const tall = document.documentElement.scrollHeight > window.innerHeight + 1;
  return { tall, locked: locked(document.documentElement) || locked(document.body), scrollY: window.scrollY, dialog: !!document.querySelector('[data-fuzz-dialog]') };
}
