import { CONSENT_THRESHOLD, consentScore } from '../../../core/consent/heuristic/classify';
import { roleOf } from './buttons';
import type { HeuristicFinding } from './detect';
import { isShown, now, textOf } from './dom';

export interface PressResult {
  /** The chosen button was clicked. */
  pressed: boolean;
  /** The dialog then went away (removed, hidden, or no longer speaking of consent). */
  gone: boolean;
}

export interface PressOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

const TEXT_CAP = 5_000;

/** Whether the finding's dialog has left the screen. */
export function isGone(finding: HeuristicFinding): boolean {
  const { dialog, frame } = finding.elements;
  if (!dialog) return true;
  if (frame && (!frame.isConnected || !isShown(frame))) return true;
  if (!dialog.isConnected || !isShown(dialog)) return true;
  // A wrapper that stays (a fixed corner that also holds a chat button) counts as gone once the consent text is.
  return consentScore(textOf(dialog, TEXT_CAP, { shownOnly: true, prose: true })) < CONSENT_THRESHOLD;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Clicks the chosen button and waits (up to about a second) for the dialog
 * to go. The page may have changed since the scan, so the button must still
 * be on the page, visible, and still read as the same role; otherwise nothing
 * is clicked. `element.click()` is an untrusted click: CMPs that insist on
 * `isTrusted` (Transcend, Consent-O-Matic #38) stay, and `gone` says so.
 */
export async function pressChoice(finding: HeuristicFinding, options: PressOptions = {}): Promise<PressResult> {
  const { timeoutMs = 1_000, intervalMs = 50 } = options;
  const { button } = finding.elements;
  if (!finding.choice || !button) return { pressed: false, gone: false };
  if (!button.isConnected || !isShown(button) || roleOf(button) !== finding.choice.role) return { pressed: false, gone: false };
  button.click();
  const deadline = now() + timeoutMs;
  for (;;) {
    if (isGone(finding)) return { pressed: true, gone: true };
    if (now() >= deadline) return { pressed: true, gone: false };
    await sleep(intervalMs);
  }
}
