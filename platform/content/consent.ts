import AutoConsent from '@duckduckgo/autoconsent';
import type { AutoconsentMessage } from '../../core/messaging/protocol';
import { send } from '../messaging/client';
import { watchForUnknownBanner } from './unknownBannerWatch';

/**
 * Starts autoconsent in this frame, and our own watch for banners it does not know. Each of its messages goes to the
 * background as `consent.ac`; the background's reply (rules and settings,
 * an eval result, opt-out or opt-in) is fed back to it.
 */
export function startConsentEngine(): void {
  let engine: AutoConsent | null = null;
  let ruleFoundBanner = false;
  const relay = async (message: unknown): Promise<void> => {
    if ((message as { type?: unknown }).type === 'popupFound') ruleFoundBanner = true;
    try {
      const reply = await send('consent.ac', { message: message as AutoconsentMessage });
      if (reply && engine) await engine.receiveMessageCallback(reply as never);
    } catch {
      // The background refused or the extension reloaded: leave the page as it is.
    }
  };
  engine = new AutoConsent(relay);
  // Banners no rule knows, in the languages our users read.
  watchForUnknownBanner(() => ruleFoundBanner);
}
