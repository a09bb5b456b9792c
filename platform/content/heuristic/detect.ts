import { guessLanguage } from '../../../core/consent/heuristic/classify';
import { chooseButton, type Decision } from '../../../core/consent/heuristic/choose';
import type { HeuristicReport } from '../../../core/consent/heuristic/report';
import { collectControls, type FoundButton } from './buttons';
import { findCandidates, type Candidate } from './candidates';
import { isShadowRoot, now } from './dom';

export type { HeuristicButton, HeuristicReport } from '../../../core/consent/heuristic/report';

/** Live references for `pressChoice`: not enumerable, so structured cloning and JSON leave them out. */
export interface HeuristicElements {
  doc: Document;
  dialog: Element | null;
  frame: Element | null;
  button: HTMLElement | null;
}

export interface HeuristicFinding extends HeuristicReport {
  readonly elements: HeuristicElements;
}

export interface ScanOptions {
  /** Stop walking after this long and decide on what was seen (autoconsent allows itself 100 ms). */
  budgetMs?: number;
  /** Text over this size is page content, not a banner. */
  textCap?: number;
  /** Walk into same-origin frames (the top frame of a same-origin group should; see `shouldScanFrame`). */
  frames?: boolean;
}

const SAMPLE = 200;
const MAX_BUTTONS = 40;

interface Evaluated {
  candidate: Candidate;
  buttons: FoundButton[];
  decision: Decision;
}

function evaluate(candidate: Candidate): Evaluated {
  const { buttons, toggles } = collectControls(candidate.root);
  const decision = chooseButton({
    buttons: buttons.map(({ role, age, navigates }) => ({ role, age, navigates })),
    ageText: candidate.age,
    toggles,
  });
  return { candidate, buttons, decision };
}

/** A dialog we can answer beats one we cannot; then the one that speaks more of consent. */
function rank(a: Evaluated, b: Evaluated): number {
  const answerable = Number(b.decision.index !== null) - Number(a.decision.index !== null);
  return answerable || b.candidate.score - a.candidate.score;
}

function finding(report: HeuristicReport, elements: HeuristicElements): HeuristicFinding {
  return Object.defineProperty({ ...report }, 'elements', { value: elements, enumerable: false }) as HeuristicFinding;
}

/**
 * Looks for a consent dialog no rule knows, and for the button on its first
 * layer that refuses. Runs in the content script's isolated world; reads the
 * DOM only, presses nothing. When unsure it chooses nothing and says why.
 */
export function findUnknownBanner(doc: Document = document, options: ScanOptions = {}): HeuristicFinding {
  const started = now();
  const { budgetMs = 30, textCap = 5_000, frames = true } = options;
  const deadline = started + budgetMs;
  const walk = findCandidates(doc, { deadline, textCap, frames });
  const elapsed = () => Math.round((now() - started) * 10) / 10;

  // The most consent-like first; past the deadline, stop after the first (reading buttons costs a few ms each dialog).
  const evaluated: Evaluated[] = [];
  for (const candidate of [...walk.candidates].sort((a, b) => b.score - a.score)) {
    if (evaluated.length > 0 && now() > deadline) break;
    evaluated.push(evaluate(candidate));
  }
  const complete = walk.complete && evaluated.length === walk.candidates.length;
  const best = evaluated.sort(rank)[0];
  if (!best) {
    return finding(
      { found: false, text: '', language: null, score: 0, buttons: [], choice: null, reason: null, inShadowRoot: false, inFrame: false, complete, elapsedMs: elapsed() },
      { doc, dialog: null, frame: null, button: null },
    );
  }
  const { candidate, buttons, decision } = best;
  const chosen = decision.index === null ? null : buttons[decision.index]!;
  const declared = candidate.root.ownerDocument.documentElement.getAttribute('lang');
  const report: HeuristicReport = {
    found: true,
    text: candidate.text.slice(0, SAMPLE),
    language: guessLanguage(`${candidate.text} ${buttons.map((b) => b.text).join(' ')}`, declared),
    score: candidate.score,
    buttons: buttons.slice(0, MAX_BUTTONS).map(({ text, role }) => ({ text: text.slice(0, SAMPLE), role })),
    choice: chosen && decision.role ? { text: chosen.text.slice(0, SAMPLE), role: decision.role } : null,
    reason: decision.reason,
    inShadowRoot: isShadowRoot(candidate.root.getRootNode()),
    inFrame: candidate.frame !== null,
    complete,
    elapsedMs: elapsed(),
  };
  return finding(report, { doc, dialog: candidate.root, frame: candidate.frame, button: chosen?.el ?? null });
}
