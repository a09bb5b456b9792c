import type { ConsentSignal } from './consentSignals';
import { send } from '../messaging/contentClient';

/**
 * Asks the background to inject the consent engine into this frame, naming
 * the known CMP whose container was seen, if any; if it cannot, the page is
 * left as it is.
 */
export function requestConsentEngine(signal: ConsentSignal, prehide: { release: () => void }): void {
  void send('consent.load', { adapter: signal.adapter }).then(
    (loaded) => loaded || prehide.release(),
    () => prehide.release(),
  );
}
