/**
 * The unknown-banner heuristic, as the consent engine calls it: scan for a
 * consent dialog no rule knows, then (if the user's choice is "refuse") press
 * the refusal it chose and tidy up after it.
 */
import { findUnknownBanner, type HeuristicFinding, type HeuristicReport, type ScanOptions } from './detect';
import { pressChoice } from './press';
import { restoreScroll } from '../../consent/pageFixes';

export type { HeuristicButton, HeuristicFinding, HeuristicReport, ScanOptions } from './detect';
export { REASONS, type UnsureReason } from '../../../core/consent/heuristic/choose';
export { findUnknownBanner, pressChoice, restoreScroll };

/** Banners often unlock scrolling in their own close animation: give them this long before we do it. */
const SETTLE_MS = 300;

export function scanForUnknownBanner(doc: Document = document, options?: ScanOptions): HeuristicFinding {
  return findUnknownBanner(doc, options);
}

/** The finding as plain data (what to send to the background and keep in the ledger). */
export function toReport(finding: HeuristicFinding): HeuristicReport {
  const { found, text, language, score, buttons, choice, reason, inShadowRoot, inFrame, complete, elapsedMs } = finding;
  return { found, text, language, score, buttons, choice, reason, inShadowRoot, inFrame, complete, elapsedMs };
}

/**
 * Presses the finding's choice; once the dialog is gone, undoes a scroll lock
 * it left (`unlocked` lists what was changed). Presses nothing when the
 * finding has no choice.
 */
export async function answerUnknownBanner(finding: HeuristicFinding): Promise<{ pressed: boolean; gone: boolean; unlocked: string[] }> {
  const { pressed, gone } = await pressChoice(finding);
  if (!gone) return { pressed, gone, unlocked: [] };
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  return { pressed, gone, unlocked: restoreScroll(finding.elements.doc) };
}

/**
 * Whether this frame should scan for itself. The content script runs in
 * every frame; a scan walks into same-origin frames, so a frame whose parent
 * can read it is covered by the parent's scan (and would otherwise press the
 * same button twice). The top frame and frames of another origin than their
 * parent scan.
 */
export function shouldScanFrame(win: Window = window): boolean {
  if (win.parent === win) return true;
  try {
    return !win.parent.document;
  } catch {
    return true;
  }
}
