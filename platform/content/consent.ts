import type AutoConsent from '@duckduckgo/autoconsent';
import type { AutoconsentMessage, PageConfig } from '../../core/messaging/protocol';
import { send } from '../messaging/contentClient';
import { findAutoConsent } from './autoconsentSlot';
import { cheapenRuleChecks } from './cheaperRuleChecks';
import { takeTurns } from './ruleTurns';
import { watchForUnknownBanner } from './unknownBannerWatch';

/**
 * A frame of more than this many elements is huge. There autoconsent's own heuristics are turned off: its
 * popup search visits every element (past its time limit too) and its pattern check reads the whole page's
 * innerText, at each retry, each a long task. So is its prehide: it adds each rule's selectors to a style
 * element through `innerText`, which lays out the whole page each time. Our own watch for unknown banners,
 * bounded in time, still looks, and our own prehide still hides the known CMPs' containers.
 * Its rules' checks take turns with the page (`ruleTurns.ts`).
 */
export const HUGE_FRAME_ELEMENTS = 10_000;

export const isHugeFrame = (doc: Document = document): boolean => doc.getElementsByTagName('*').length > HUGE_FRAME_ELEMENTS;

/** autoconsent's settings for a huge frame: the background's, without its heuristics and its prehide. */
export function forHugeFrame(reply: AutoconsentMessage): AutoconsentMessage {
  if (reply.type !== 'initResp') return reply;
  const config = reply.config as Record<string, unknown>;
  return { ...reply, config: { ...config, heuristicMode: 'off', enableHeuristicDetection: false, enablePrehide: false } };
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
      const answer = await send('consent.ac', { message: message as AutoconsentMessage });
      const init = answer?.type === 'initResp' ? answer : null;
      // Whether the frame is huge is decided once, when autoconsent gets its rules and settings.
      const huge = init !== null && isHugeFrame();
      const reply = init && huge ? forHugeFrame(init) : answer;
      if (reply && engine) await engine.receiveMessageCallback(reply as never);
      // Its rules exist now, and their first check is still to come (autoconsent starts when idle).
      if (init && engine) cheapenRuleChecks(engine.rules);
      if (huge && engine) takeTurns(engine.rules);
      // Keep known banners hidden until the background has answered one, unless this page is not to be answered.
      // The background's settings decide, not autoconsent's prehide, which is off in a huge frame.
      const config = init ? (init.config as { enabled?: boolean; enablePrehide?: boolean }) : null;
      if ((config && !(config.enabled && config.enablePrehide)) || type === 'popupFound') prehide.release();
    } catch {
      // The background refused or the extension reloaded: leave the page as it is.
      prehide.release();
    }
  };
  // autoconsent's own script runs first (engineLoader.ts); without it there is nothing to start.
  const Lib = findAutoConsent();
  if (!Lib) return prehide.release();
  // Started at once, not after the page's configuration arrives: the background
  // answers autoconsent's init with `enabled: false` where the page is paused.
  engine = new Lib(relay);
  void page().then((config) => {
    if (!config?.active) return prehide.release();
    // Banners no rule knows, in the languages our users read.
    watchForUnknownBanner(() => ruleFoundBanner);
  });
}
