import { containerAdapter, KNOWN_CONTAINER_SELECTOR as KNOWN } from '../../core/consent/containers';
import { mentionsDialogWords } from '../../core/consent/signals';
import { isDialogLike } from './dialogLike';

/** The unknown-banner watch ends then; a banner later than this is left to the user either way. */
const WATCH_FOR_MS = 20_000;
/** Shadow roots and frames are not seen by the mutation observer: look into them again after the page's own start-up. */
const RESCAN_AT_MS = [1000, 2300];

/** Never part of what a dialog says. */
const SILENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'title']);

/**
 * Every element that may hold a shadow root: the standard elements allowed
 * one (https://dom.spec.whatwg.org/#dom-element-attachshadow), and any other
 * name that is not a standard element (custom elements). Whole subtrees of
 * common elements that cannot hold one (links, list items, table cells, SVG)
 * are thereby skipped without a look.
 */
const SHADOW_HOSTS = [
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span',
  `:not(${[
    'html', 'head', 'meta', 'link', 'title', 'style', 'script', 'noscript', 'template', 'base',
    'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'menu', 'figure', 'figcaption', 'hr', 'pre', 'address', 'details', 'summary', 'dialog', 'search', 'hgroup',
    'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
    'form', 'fieldset', 'legend', 'label', 'input', 'button', 'select', 'datalist', 'optgroup', 'option', 'textarea', 'output', 'progress', 'meter',
    'img', 'picture', 'source', 'track', 'video', 'audio', 'canvas', 'map', 'area', 'iframe', 'frame', 'frameset', 'embed', 'object', 'slot',
    'svg', 'svg *', 'math', 'math *',
  ].join(',')})`,
].join(',');

const isShadowRoot = (node: Node | null): node is ShadowRoot => !!node && node.nodeType === 11 && 'host' in node;

/** What was seen: a known CMP's container (its adapter id), or only words in a dialog-like box (null). */
export type ConsentSignal = { adapter: string | null };
type Found = ConsentSignal | null;

/** A known container at or under `root`. */
function known(root: Document | ShadowRoot | Element): Found {
  const el = (root as Element).matches?.(KNOWN) ? (root as Element) : root.querySelector(KNOWN);
  return el ? { adapter: containerAdapter((selector) => el.matches(selector)) } : null;
}

/** Whether the node sits in a dialog-like box (through shadow hosts), or in a frame whose element is one. `plain`: elements already found to be in no such box. */
function inDialog(node: Node, frame: Element | null, plain: WeakSet<Element> = new WeakSet()): boolean {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const passed: Element[] = [];
  while (el && !plain.has(el)) {
    const style = el.ownerDocument.defaultView?.getComputedStyle(el);
    if (style && isDialogLike(el, style)) return true;
    passed.push(el);
    const root: Node | null = el.parentElement ? null : el.parentNode;
    el = el.parentElement ?? (isShadowRoot(root) ? root.host : null);
  }
  if (frame && inDialog(frame, null, plain)) return true;
  // Each box's style is looked up once per look, however many words sit in it.
  for (const each of passed) plain.add(each);
  return false;
}

/**
 * Text nodes read per look, half from each end of the page: consent managers add their banner at the
 * start or the end of the body, and a page of tens of thousands of paragraphs that speak of cookies
 * must not cost a long task. A banner further in is left to the mutation watch and to the engine.
 */
export const MAX_TEXT_NODES = 4000;
/** Elements asked for a shadow root per look, half from each end of the page, for the same reason. */
export const MAX_SHADOW_HOSTS = 4000;

/** The items of `list`, at most `max`: from the end backwards, then, when there are more, from the start. */
function* fromBothEnds<T>(list: ArrayLike<T>, max: number): Generator<T> {
  const count = list.length;
  const half = count <= max ? count : max / 2;
  for (let i = count - 1; i >= count - half; i--) yield list[i]!;
  if (count > max) for (let i = 0; i < half; i++) yield list[i]!;
}

/** Characters of the page's text searched for the words at once, half from each end, for the same reason. */
export const MAX_TEXT_CHARS = 400_000;

/** What the looks have learnt of the page's own text. */
interface Notes {
  /** Dialog words were seen in the page's own tree (not only inside shadow roots or frames), dialog or not. */
  words: boolean;
}

/** A text node inside `root` that says a dialog's words and sits in a dialog-like box. */
function dialogText(root: Node, frame: Element | null, anywhere: boolean, notes: Notes | null): boolean {
  const doc = root.ownerDocument ?? (root as Document);
  // One pass of the words over all the text first: on most pages that is the end of it.
  const all = (root === doc ? (doc.body ?? doc.documentElement)?.textContent : root.textContent) ?? '';
  const ends = all.length > MAX_TEXT_CHARS ? `${all.slice(0, MAX_TEXT_CHARS / 2)} ${all.slice(-MAX_TEXT_CHARS / 2)}` : all;
  if (!mentionsDialogWords(ends)) return false;
  if (notes) notes.words = true;
  const plain = new WeakSet<Element>();
  const says = (node: Node) => {
    const parent = node.parentElement;
    return !(parent && SILENT.has(parent.localName)) && mentionsDialogWords(node.nodeValue ?? '') && (anywhere || inDialog(node, frame, plain));
  };
  // From the end backwards first, then, on a long page, from the start.
  const half = MAX_TEXT_NODES / 2;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let read = 0;
  let last = walker.lastChild();
  while (last && walker.lastChild()) last = walker.currentNode;
  for (let node: Node | null = last; node && read < half; node = walker.previousNode(), read++) {
    if (node.nodeType === 3 && says(node)) return true;
  }
  if (read < half) return false;
  const forward = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = forward.nextNode(), more = half; node && more > 0; node = forward.nextNode(), more--) {
    if (says(node)) return true;
  }
  return false;
}

/**
 * A known CMP's container, or dialog words in a dialog-like box, under `root` (open shadow roots and
 * same-origin frames included). With `notes`, `root` is the page's own tree: finding its words is noted,
 * and `lightText: false` leaves them out (shadow roots and frames are still read).
 */
function scan(root: Document | ShadowRoot | Element, frame: Element | null, anywhere: boolean, notes: Notes | null = null, lightText = true): Found {
  const container = known(root);
  if (container) return container;
  if (lightText && dialogText(root, frame, anywhere, notes)) return { adapter: null };
  // The selectors pick the candidates natively: an element handed to script costs a wrapper.
  for (const host of fromBothEnds(root.querySelectorAll(SHADOW_HOSTS), MAX_SHADOW_HOSTS)) {
    const inShadow = host.shadowRoot && scan(host.shadowRoot, frame, anywhere);
    if (inShadow) return inShadow;
  }
  for (const el of root.querySelectorAll<HTMLIFrameElement>('iframe,frame')) {
    let inner: Document | null = null;
    try {
      inner = el.contentDocument;
    } catch {
      // Another origin's frame has its own content script.
    }
    const inFrame = inner?.documentElement ? scan(inner, el, anywhere) : null;
    if (inFrame) return inFrame;
  }
  return null;
}

/** What was added since the last look: known containers, or dialog words in a dialog-like box. */
function added(records: MutationRecord[], anywhere: boolean, notes: Notes): Found {
  for (const record of records) {
    for (const node of Array.from(record.addedNodes)) {
      if (node.nodeType === 3) {
        const parent = node.parentElement;
        if (!parent || SILENT.has(parent.localName) || !mentionsDialogWords(node.nodeValue ?? '')) continue;
        notes.words = true;
        if (anywhere || inDialog(node, null)) return { adapter: null };
      } else if (node.nodeType === 1) {
        const el = node as Element;
        if (SILENT.has(el.localName)) continue;
        const found =
          known(el) ??
          (el.shadowRoot ? scan(el.shadowRoot, null, anywhere) : null) ??
          (dialogText(el, null, anywhere, notes) ? { adapter: null } : null) ??
          (el.localName === 'iframe' || el.querySelector('iframe') ? scan(el, null, anywhere) : null);
        if (found) return found;
      }
    }
  }
  return null;
}

/**
 * Calls `onSignal` once, as soon as this frame may be showing a consent
 * dialog: a known CMP's container (with its adapter's id), or consent (or age) words inside a
 * dialog-like box (fixed, sticky, a dialog, an overlay). In a frame inside
 * another page the words alone are enough: consent managers put their
 * message in a frame of its own. Looks when the document is parsed, then at
 * each DOM change, and once more after load for shadow roots and frames, for
 * at most 20 s. On a page with no such thing it costs a text walk or two.
 */
export function watchForConsentSignals(onSignal: (signal: ConsentSignal) => void): void {
  const anywhere = window !== window.top;
  let done = false;
  let observer: MutationObserver | undefined;
  const timers: ReturnType<typeof setTimeout>[] = [];
  const stop = () => {
    done = true;
    observer?.disconnect();
    timers.forEach(clearTimeout);
  };
  const fire = (signal: Found) => {
    if (done || !signal) return;
    stop();
    onSignal(signal);
  };
  const notes: Notes = { words: false };
  // A later look reads the page's own text again only where it has dialog words somewhere (a box
  // may have become dialog-like since); new text was read as it was added.
  const look = (first: boolean) => {
    if (!done && document.documentElement) fire(scan(document, null, anywhere, notes, first || notes.words));
  };
  const start = () => {
    look(true);
    if (done) return;
    observer = new MutationObserver((records) => {
      fire(added(records, anywhere, notes));
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    for (const at of RESCAN_AT_MS) timers.push(setTimeout(() => look(false), Math.max(0, at - performance.now())));
    timers.push(setTimeout(stop, Math.max(0, WATCH_FOR_MS - performance.now())));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
