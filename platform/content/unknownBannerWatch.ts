import { send } from '../messaging/contentClient';
import { answerUnknownBanner, scanForUnknownBanner, shouldScanFrame, toReport } from './heuristic';
import { afterNextFrame } from './nextTask';

/** Give autoconsent's rules (and its prehide) this long before looking for banners no rule knows. */
const START_AFTER_MS = 2500;
/** Banners can appear late; stop looking after this. */
const WATCH_FOR_MS = 20_000;
const DEBOUNCE_MS = 500;

/**
 * Looks for a consent dialog no rule knows, in this frame, unless autoconsent
 * found a banner here first. Scans once, then again after DOM changes until
 * one is found or the watch ends; the background decides whether to press.
 * Each scan starts just after a frame: a page that changed since its last one
 * would otherwise have its whole style worked out inside the scan's task, on
 * top of the scan's own budget.
 */
export function watchForUnknownBanner(ruleFoundBanner: () => boolean): void {
  if (!shouldScanFrame()) return;
  let finished = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;
  const stop = () => {
    finished = true;
    observer?.disconnect();
    clearTimeout(debounce);
  };
  const scan = async () => {
    if (finished) return;
    if (ruleFoundBanner()) return stop();
    const finding = scanForUnknownBanner(document);
    if (!finding.found) return;
    stop();
    const { press } = await send('consent.heuristic', { report: toReport(finding) });
    if (press) await send('consent.heuristicResult', await answerUnknownBanner(finding));
  };
  const scanAfterFrame = () => afterNextFrame(() => void scan().catch(stop));
  const scanSoon = () => {
    clearTimeout(debounce);
    debounce = setTimeout(scanAfterFrame, DEBOUNCE_MS);
  };
  setTimeout(() => {
    if (finished) return;
    scanAfterFrame();
    observer = new MutationObserver(scanSoon);
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class', 'open', 'hidden'] });
  }, START_AFTER_MS);
  setTimeout(stop, WATCH_FOR_MS);
}
