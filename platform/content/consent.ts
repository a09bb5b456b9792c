import AutoConsent from '@duckduckgo/autoconsent';
import type { AutoconsentMessage, PageConfig } from '../../core/messaging/protocol';
import { send } from '../messaging/contentClient';
import { watchForUnknownBanner } from './unknownBannerWatch';

/**
 * Above this many elements autoconsent's own heuristics are turned off in the frame: its popup search
 * visits every element (past its time limit too) and its pattern check reads the whole page's
 * innerText, at each retry, each a long task on a huge page. Our own watch for unknown banners,
 * bounded in time, still looks.
 */
export const HEURISTIC_ELEMENT_LIMIT = 10_000;

/** autoconsent's settings for this frame: the background's, without its heuristics on a huge page. */
export function forThisFrame(reply: AutoconsentMessage | null, doc: Document = document): AutoconsentMessage | null {
  if (reply?.type !== 'initResp' || doc.getElementsByTagName('*').length <= HEURISTIC_ELEMENT_LIMIT) return reply;
  const config = reply.config as Record<string, unknown>;
  return { ...reply, config: { ...config, heuristicMode: 'off', enableHeuristicDetection: false } };
}

/**
 * Starts autoconsent in this frame, and our own watch for banners it does not know; `prehide` is the
 * always-on script's, released here once autoconsent's own has taken over. Each of its messages goes to the
 * background as `consent.ac`; the background's reply (rules and settings,
 * an eval result, opt-out or opt-in) is fed back to it.
 */
export function startConsentEngine(page: () => Promise<PageConfig | null>, prehide: { release: () => void }): void {
  let engine: AutoConsent | null = null;
  let ruleFoundBanner = false;
  const relay = async (message: unknown): Promise<void> => {
    if ((message as { type?: unknown }).type === 'popupFound') ruleFoundBanner = true;
    try {
      const type = (message as { type?: unknown }).type;
      const reply = forThisFrame(await send('consent.ac', { message: message as AutoconsentMessage }));
      if (reply && engine) await engine.receiveMessageCallback(reply as never);
      // Keep known banners hidden until the background has answered one, unless this page is not to be answered.
      const config = reply?.type === 'initResp' ? (reply.config as { enabled?: boolean; enablePrehide?: boolean }) : null;
      if ((config && !(config.enabled && config.enablePrehide)) || type === 'popupFound') prehide.release();
    } catch {
      // The background refused or the extension reloaded: leave the page as it is.
      prehide.release();
    }
  };
  // Started at once, not after the page's configuration arrives: the background
  // answers autoconsent's init with `enabled: false` where the page is paused.
  engine = new AutoConsent(relay);
  void page().then((config) => {
    if (!config?.active) return prehide.release();
    // Banners no rule knows, in the languages our users read.
    watchForUnknownBanner(() => ruleFoundBanner);
  });
}
