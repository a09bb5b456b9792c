import type { PageConfig } from '../../core/messaging/protocol';

/**
 * What the always-on content script hands to the consent engine, which the
 * background injects later into the same frame (and the same isolated world,
 * so the page never sees it): the page's configuration and the prehide it
 * started at document_start.
 */
export interface EngineHandoff {
  page: Promise<PageConfig | null>;
  prehide: { release: () => void };
}

const KEY = Symbol.for('privacy-ledger.consent-engine');
type Slot = { handoff: EngineHandoff; taken: boolean };
const slots = globalThis as unknown as Record<symbol, Slot | undefined>;

export function offerToEngine(handoff: EngineHandoff): void {
  slots[KEY] = { handoff, taken: false };
}

/** The handoff, once per frame: a second injection finds nothing and starts nothing. */
export function takeForEngine(): EngineHandoff | null {
  const slot = slots[KEY];
  if (!slot || slot.taken) return null;
  slot.taken = true;
  return slot.handoff;
}
