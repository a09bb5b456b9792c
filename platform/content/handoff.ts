import type { PageConfig } from '../../core/messaging/protocol';

/**
 * What the always-on content script hands to the consent engine, which the
 * background injects later into the same frame (and the same isolated world,
 * so the page never sees it): the page's configuration and the prehide it
 * started at document_start.
 */
export interface EngineHandoff {
  /** The page's configuration, asked of the background on first call. */
  page: () => Promise<PageConfig | null>;
  prehide: { release: () => void };
}

/** Also marks the frame as one the content script runs in (platform/tabFrames.ts asks). */
export const HANDOFF_KEY = 'privacy-ledger.consent-engine';
const KEY = Symbol.for(HANDOFF_KEY);
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
