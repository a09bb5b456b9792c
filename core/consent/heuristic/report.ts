import type { ButtonRole } from './classify';
import type { UnsureReason } from './choose';
import type { Lang } from './lexicon';

export interface HeuristicButton {
  text: string;
  role: ButtonRole | null;
}

/** What the heuristic saw and decided: plain data, safe to send as a message and to keep in the ledger. */
export interface HeuristicReport {
  /** A dialog that speaks of consent (or asks for an age) is showing. */
  found: boolean;
  /** The first 200 characters of its text. */
  text: string;
  language: Lang | null;
  /** Distinct consent phrases in its text. */
  score: number;
  buttons: HeuristicButton[];
  /** The button to press: a refusal, or "save" with every switch off. */
  choice: (HeuristicButton & { role: 'reject' | 'save' }) | null;
  /** Why nothing is chosen on a found dialog; null when something is, or nothing was found. */
  reason: UnsureReason | null;
  inShadowRoot: boolean;
  inFrame: boolean;
  /** False when the time budget ran out before the whole page was seen. */
  complete: boolean;
  elapsedMs: number;
}

