import type AutoConsent from '@duckduckgo/autoconsent';

/**
 * autoconsent's class, left in the frame's isolated world by its own injected
 * script (entrypoints/autoconsent-lib.ts) for the consent engine injected
 * just after it. Two scripts, so that compiling and setting up the larger
 * part (autoconsent, about two thirds of the engine's code) is a task of its
 * own, and the page gets the thread back before the engine's own part.
 */
export type AutoConsentClass = typeof AutoConsent;

const KEY = Symbol.for('privacy-ledger.autoconsent');
const slots = globalThis as unknown as Record<symbol, AutoConsentClass | undefined>;

export function leaveAutoConsent(lib: AutoConsentClass): void {
  slots[KEY] = lib;
}

/** The class, once its script has run in this frame; null before. */
export function findAutoConsent(): AutoConsentClass | null {
  return slots[KEY] ?? null;
}
