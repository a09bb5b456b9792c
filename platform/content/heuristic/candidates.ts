import { CONSENT_THRESHOLD, consentScore, mentionsAge } from '../../../core/consent/heuristic/classify';
import { isDialogLike } from '../dialogLike';
import { frameDocument, isShown, isSilent, now, styleOf, textOf } from './dom';

/** An element that looks like a dialog and speaks of consent (or of age). */
export interface Candidate {
  root: Element;
  /** The same-origin frame element holding `root`, when it is in one. */
  frame: Element | null;
  text: string;
  /** Distinct consent phrases in what the dialog says (its buttons and links left out). */
  score: number;
  /** The text asks for an age. */
  age: boolean;
}

export interface WalkLimits {
  /** `now()` value after which the walk stops and returns what it has. */
  deadline: number;
  /** A candidate with more text than this is page content, not a banner: the walk looks inside it instead. */
  textCap: number;
  /** Also walk into same-origin frames' documents. */
  frames: boolean;
}

/**
 * The root qualifies when it is visible, small enough to be a banner, and
 * speaks of consent in its own words (its links and buttons do not count:
 * a sticky footer of "Privacy · Cookie settings" links is not a banner), or
 * asks for an age.
 */
function qualify(root: Element, frame: Element | null, cap: number): Candidate | 'tooBig' | null {
  const text = textOf(root, cap, { shownOnly: true });
  if (text.length > cap) return 'tooBig';
  const score = consentScore(textOf(root, cap, { shownOnly: true, prose: true }));
  const age = mentionsAge(text);
  if (score < CONSENT_THRESHOLD && !age) return null;
  if (!isShown(root) || (frame && !isShown(frame))) return null;
  return { root, frame, text, score, age };
}

interface Step {
  el: Element;
  frame: Element | null;
}

/**
 * Walks the document (open shadow roots and, if asked, same-origin frames
 * included) for dialog-like elements that speak of consent. Hidden and
 * transparent subtrees are skipped whole; a qualifying candidate's inside is
 * not walked again. The walk checks the clock every few elements and stops at
 * the deadline: `complete` says whether it saw everything. It moves from an
 * element to its first child and its next sibling rather than listing each
 * element's children, so that a body of 70,000 children costs no more than
 * the elements the walk reaches before its deadline.
 */
export function findCandidates(doc: Document, limits: WalkLimits): { candidates: Candidate[]; complete: boolean } {
  const candidates: Candidate[] = [];
  // Each step is visited, then its next sibling; a shadow root's children come before the host's own.
  const stack: Step[] = [];
  const pushChildren = (el: Element, frame: Element | null) => {
    const light = el.firstElementChild;
    if (light) stack.push({ el: light, frame });
    const shadow = el.shadowRoot?.firstElementChild;
    if (shadow) stack.push({ el: shadow, frame });
  };
  pushChildren(doc.documentElement, null);

  let visited = 0;
  while (stack.length > 0) {
    if (++visited % 16 === 0 && now() > limits.deadline) return { candidates, complete: false };
    const { el, frame } = stack.pop()!;
    const next = el.nextElementSibling;
    if (next) stack.push({ el: next, frame });
    if (isSilent(el)) continue;
    const style = styleOf(el);
    if (!style || style.display === 'none' || (style.opacity !== '' && Number(style.opacity) === 0)) continue;

    const inner = limits.frames ? frameDocument(el) : null;
    if (inner?.body) {
      // A small same-origin frame is itself the banner (its body fills it); a big one is a page to walk.
      const found = qualify(inner.body, el, limits.textCap);
      if (found && found !== 'tooBig') candidates.push(found);
      else pushChildren(inner.body, el);
      continue;
    }

    if (isDialogLike(el, style)) {
      const found = qualify(el, frame, limits.textCap);
      if (found && found !== 'tooBig') {
        candidates.push(found);
        continue;
      }
    }
    pushChildren(el, frame);
  }
  return { candidates, complete: true };
}
