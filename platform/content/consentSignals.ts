import { containerAdapter, KNOWN_CONTAINER_IDS, KNOWN_CONTAINER_OTHERS, KNOWN_CONTAINER_SELECTOR as KNOWN } from '../../core/consent/containers';
import { mentionsDialogWords } from '../../core/consent/signals';
import { isDialogLike } from './dialogLike';
import { afterNextFrame, inSlices } from './nextTask';

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

/** `known` over a whole document, the containers named by id looked up by id; the first in the document wins, as with one query. */
function knownInDocument(doc: Document): Found {
  const hits: Element[] = [];
  for (const id of KNOWN_CONTAINER_IDS) {
    const el = doc.getElementById(id);
    if (el) hits.push(el);
  }
  const other = doc.querySelector(KNOWN_CONTAINER_OTHERS);
  if (other) hits.push(other);
  const first = hits.reduce<Element | null>((a, b) => (a && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING ? b : (a ?? b)), null);
  return first ? { adapter: containerAdapter((selector) => first.matches(selector)) } : null;
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
 * Text nodes read per look, from both ends of the page (half from the end, the rest from the start):
 * consent managers add their banner at the
 * start or the end of the body, and a page of tens of thousands of paragraphs that speak of cookies
 * must not cost a long task. A banner further in is left to the mutation watch and to the engine.
 */
export const MAX_TEXT_NODES = 4000;
/** Elements asked for a shadow root per look, half from each end of the page, for the same reason. */
export const MAX_SHADOW_HOSTS = 4000;

/**
 * Up to this many elements, a page is of ordinary size: its text is searched for the words in one
 * native read, and its possible shadow hosts picked by one native query (an element handed to
 * script costs a wrapper). A bigger page is walked, a bounded number of nodes from each end.
 */
const ORDINARY_PAGE_ELEMENTS = 5_000;

function isOrdinarySize(root: Document | ShadowRoot | Element): boolean {
  const all = 'getElementsByTagName' in root ? root.getElementsByTagName('*') : root.querySelectorAll('*');
  return all.length <= ORDINARY_PAGE_ELEMENTS;
}

/**
 * Nodes of `root` that `show` (a NodeFilter mask) lets through, at most `max`: from the end
 * backwards, then, on a long page, from the start until the two ends meet. A walk rather than a
 * query, so that a huge page costs no more than `max`. `more(fromEnd)` answering false ends that
 * half early. Each node comes with the end it was read from.
 */
function* fromBothEnds(root: Node, show: number, max: number, more: (fromEnd: boolean) => boolean = () => true): Generator<[Node, boolean]> {
  const doc = root.ownerDocument ?? (root as Document);
  const back = doc.createTreeWalker(root, show);
  let node: Node | null = back.lastChild();
  while (node && back.lastChild()) node = back.currentNode;
  let earliest: Node | null = null;
  let read = 0;
  for (; node && read < max / 2 && more(true); node = back.previousNode(), read++) yield [(earliest = node), true];
  if (!node) return;
  const forward = doc.createTreeWalker(root, show);
  for (let next = forward.nextNode(); next && next !== earliest && read < max && more(false); next = forward.nextNode(), read++) yield [next, false];
}

function* elementsFromBothEnds(root: Node, max: number): Generator<Element> {
  for (const [el] of fromBothEnds(root, NodeFilter.SHOW_ELEMENT, max)) yield el as Element;
}

/** Characters of the page's text searched for the words at once, half from each end, for the same reason. */
export const MAX_TEXT_CHARS = 400_000;

/** What the looks have learnt of the page's own text. */
interface Notes {
  /** Dialog words were seen in the page's own tree (not only inside shadow roots or frames), dialog or not. */
  words: boolean;
}

/** A look at the page, in steps: each `yield` is a point where the page may have the thread back. */
type Look<T> = Generator<void, T, void>;

/** Units of work (text nodes, boxes, hosts) between two points where a look may pause. */
const STEP = 64;

/** The look, ended with nothing found where the page made it throw (a hostile getter, a node gone mid-walk): that look ends, not the watch. */
function* guarded(look: Look<Found>): Look<Found> {
  try {
    return yield* look;
  } catch {
    return null;
  }
}

/**
 * The text nodes of `root` a look reads, from both ends (`fromBothEnds`): at most MAX_TEXT_NODES,
 * and about half of MAX_TEXT_CHARS from each end, none inside a script, style or other silent element.
 */
function* textNodes(root: Node): Look<Text[]> {
  const found: Text[] = [];
  let fromStart = 0;
  let fromEnd = 0;
  let read = 0;
  const more = (end: boolean) => (end ? fromEnd : fromStart) < MAX_TEXT_CHARS / 2;
  for (const [node, end] of fromBothEnds(root, NodeFilter.SHOW_TEXT, MAX_TEXT_NODES, more)) {
    if (++read % STEP === 0) yield;
    const parent = node.parentElement;
    if (parent && SILENT.has(parent.localName)) continue;
    const text = node as Text;
    if (end) fromEnd += text.length;
    else fromStart += text.length;
    found.push(text);
  }
  return found;
}

/** The part of one text node read for the words: a longer one is an article, not a dialog's message. */
const MAX_NODE_CHARS = 10_000;

const readable = (text: Text) => (text.length > MAX_NODE_CHARS ? text.data.slice(0, MAX_NODE_CHARS) : text.data);

/** A text node inside `root` that says a dialog's words and sits in a dialog-like box. */
function* dialogText(root: Document | ShadowRoot | Element, frame: Element | null, anywhere: boolean, notes: Notes | null, ordinary: boolean): Look<boolean> {
  if (ordinary) {
    const doc = root.ownerDocument ?? (root as Document);
    const all = root === doc ? (doc.body ?? doc.documentElement)?.textContent : root.textContent;
    // Most pages end here.
    if (!mentionsDialogWords(all ?? '')) return false;
    yield;
  }
  const nodes = yield* textNodes(root);
  const plain = new WeakSet<Element>();
  for (let at = 0; at < nodes.length; at += STEP) {
    yield;
    const group = nodes.slice(at, at + STEP);
    // One pass of the words over a run of text first: on most pages that is the end of it.
    if (!mentionsDialogWords(group.map(readable).join('\n'))) continue;
    if (notes) notes.words = true;
    for (const node of group) if (mentionsDialogWords(readable(node)) && (anywhere || inDialog(node, frame, plain))) return true;
  }
  return false;
}

/** The frame elements of `root`: by tag name where it can be asked so (a list kept by the browser), else by a query. */
function framesIn(root: Document | ShadowRoot | Element): Element[] {
  if (!('getElementsByTagName' in root)) return Array.from(root.querySelectorAll('iframe,frame'));
  return [...Array.from(root.getElementsByTagName('iframe')), ...Array.from(root.getElementsByTagName('frame'))];
}

/**
 * A known CMP's container, or dialog words in a dialog-like box, under `root` (open shadow roots and
 * same-origin frames included). With `notes`, `root` is the page's own tree: finding its words is noted,
 * and `lightText: false` leaves them out (shadow roots and frames are still read); `knownToo: false`
 * skips the known containers of `root` itself, already looked for.
 */
function* scan(root: Document | ShadowRoot | Element, frame: Element | null, anywhere: boolean, notes: Notes | null = null, lightText = true, knownToo = true): Look<Found> {
  const container = knownToo ? known(root) : null;
  if (container) return container;
  yield;
  const ordinary = isOrdinarySize(root);
  if (lightText && (yield* dialogText(root, frame, anywhere, notes, ordinary))) return { adapter: null };
  let asked = 0;
  const hosts = ordinary ? root.querySelectorAll(SHADOW_HOSTS) : elementsFromBothEnds(root, MAX_SHADOW_HOSTS);
  for (const el of hosts) {
    if (++asked % STEP === 0) yield;
    const shadow = el.shadowRoot;
    const inShadow = shadow && (yield* scan(shadow, frame, anywhere));
    if (inShadow) return inShadow;
  }
  for (const el of framesIn(root)) {
    yield;
    let inner: Document | null = null;
    try {
      inner = (el as HTMLIFrameElement).contentDocument;
    } catch {
      // Another origin's frame has its own content script.
    }
    const inFrame = inner?.documentElement ? yield* scan(inner, el, anywhere) : null;
    if (inFrame) return inFrame;
  }
  return null;
}

/** What was added since the last look: known containers, or dialog words in a dialog-like box. */
function* added(records: MutationRecord[], anywhere: boolean, notes: Notes): Look<Found> {
  for (let r = 0; r < records.length; r++) {
    const nodes = records[r]!.addedNodes;
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]!;
      if (n % STEP === STEP - 1) yield;
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
          (el.shadowRoot ? yield* scan(el.shadowRoot, null, anywhere) : null) ??
          ((yield* dialogText(el, null, anywhere, notes, isOrdinarySize(el))) ? { adapter: null } : null) ??
          (el.localName === 'iframe' || el.querySelector('iframe') ? yield* scan(el, null, anywhere) : null);
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
 * message in a frame of its own. Looks for known containers when the document
 * is parsed, reads the page once it has painted, then each DOM change, and
 * once more after load for shadow roots and frames, for at most 20 s. Every
 * look runs in slices of a few milliseconds, one at a time, so that even a
 * huge page never waits on it for long. On a page with no such thing it costs
 * a text walk or two. Returns what ends the watch early.
 */
export function watchForConsentSignals(onSignal: (signal: ConsentSignal) => void): () => void {
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
  const stopped = () => done;
  const notes: Notes = { words: false };

  // One look at a time, in order.
  const queue: (() => Look<Found>)[] = [];
  let running = false;
  const next = () => {
    const job = queue.shift();
    if (!job || done) return void (running = false);
    running = true;
    inSlices(guarded(job()), (found) => (fire(found), next()), stopped);
  };
  const enqueue = (job: () => Look<Found>) => {
    queue.push(job);
    if (!running) next();
  };

  // Additions wait in one list until a look takes them, however many batches arrive meanwhile.
  let pending: MutationRecord[] = [];
  const onMutations = (records: MutationRecord[]) => {
    const waiting = pending.length > 0;
    for (const record of records) pending.push(record);
    if (waiting) return;
    enqueue(() => {
      const taken = pending;
      pending = [];
      return added(taken, anywhere, notes);
    });
  };
  // A later look reads the page's own text again only where it has dialog words somewhere (a box
  // may have become dialog-like since); new text was read as it was added.
  // Known containers in the page's own tree were looked for when it was parsed, and are looked for in what is added.
  const look = (first: boolean) => () => scan(document, null, anywhere, notes, first || notes.words, false);

  const start = () => {
    if (done || !document.documentElement) return;
    // A known container at once: the consent engine is asked for before the first paint.
    fire(knownInDocument(document));
    if (done) return;
    observer = new MutationObserver(onMutations);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    // Once the page has painted, its style is worked out by then. Even a small page's can take tens of
    // milliseconds to work out before (its frames laid out, its fonts), inside the look's first step.
    afterNextFrame(() => enqueue(look(true)));
    // Each later look also starts just after a frame, when the page's style is worked out: on a huge page
    // that a script has changed since, a style lookup made before it would style all of the page at once.
    for (const at of RESCAN_AT_MS) timers.push(setTimeout(() => afterNextFrame(() => enqueue(look(false))), Math.max(0, at - performance.now())));
    timers.push(setTimeout(stop, Math.max(0, WATCH_FOR_MS - performance.now())));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  return stop;
}
