/**
 * Small DOM helpers for the unknown-banner heuristic. They work across open
 * shadow roots and same-origin frames, so nothing here uses `instanceof`
 * against this window's classes (a frame's elements have their own).
 */

/** Subtrees whose text and elements are never part of a banner's answer. */
const SILENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'link', 'meta', 'canvas', 'video', 'audio', 'img', 'picture', 'object', 'embed']);

export const isSilent = (el: Element): boolean => SILENT.has(el.localName);

/** The computed style in the element's own window (each frame has its own). */
export function styleOf(el: Element): CSSStyleDeclaration | null {
  const view = el.ownerDocument.defaultView;
  return view ? view.getComputedStyle(el) : null;
}

export const isShadowRoot = (node: Node | null): node is ShadowRoot => !!node && node.nodeType === 11 && 'host' in node;

/** The parent in the rendered (flat) tree: a shadow root's host stands in for the root. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return isShadowRoot(root) ? root.host : null;
}

/** Whether the document has been laid out (a real browser) or not (happy-dom in unit tests: every box is 0x0). */
export function hasLayout(doc: Document): boolean {
  return doc.documentElement.getBoundingClientRect().width > 0;
}

const transparent = (style: CSSStyleDeclaration): boolean => style.opacity !== '' && Number(style.opacity) === 0;

/**
 * Whether a person can see the element: displayed, not hidden, not fully
 * transparent (here or in any ancestor, through shadow hosts), and with a box
 * when the page has layout. `checkVisibility` does most of this in one call
 * where the browser has it; the walk covers shadow hosts, which some engines
 * do not follow.
 */
export function isShown(el: Element): boolean {
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
    return false;
  }
  const own = styleOf(el);
  if (!own || own.visibility === 'hidden' || own.visibility === 'collapse') return false;
  for (let node: Element | null = el; node; node = composedParent(node)) {
    const style = node === el ? own : styleOf(node);
    if (!style || style.display === 'none' || transparent(style)) return false;
  }
  if (!hasLayout(el.ownerDocument)) return true;
  const box = el.getBoundingClientRect();
  return box.width >= 1 && box.height >= 1;
}

/** The document of a same-origin frame, or null (cross-origin frames are the frame's own content script's job). */
export function frameDocument(el: Element): Document | null {
  if (el.localName !== 'iframe' && el.localName !== 'frame') return null;
  try {
    return (el as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/** Elements a person presses or fills in, rather than reads. */
export function isControl(el: Element): boolean {
  const role = el.getAttribute('role');
  return ['a', 'button', 'input', 'select', 'textarea'].includes(el.localName) || role === 'button' || role === 'link';
}

export interface TextOptions {
  /** Leave out undisplayed subtrees: a banner's hidden second layer (hundreds of vendors) must not make it look like page content. */
  shownOnly?: boolean;
  /** Leave out links and buttons: what the dialog says, not what it offers (a footer of "Privacy · Cookies" links says nothing). */
  prose?: boolean;
}

/**
 * The text a person would read in `root`, open shadow roots included, with
 * whitespace collapsed and words of adjacent elements kept apart. Stops once
 * `cap` characters are collected, so a huge page region costs little.
 */
export function textOf(root: Node, cap: number, options: TextOptions = {}): string {
  let out = '';
  const stack: Node[] = [root];
  while (stack.length > 0 && out.length <= cap) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      out += (node.nodeValue ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      if (isSilent(el) || (options.prose && el !== root && isControl(el))) continue;
      if (options.shownOnly && styleOf(el)?.display === 'none') continue;
      out += ' ';
      for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push(el.childNodes[i]!);
      // Pushed last, read first: a host's shadow content renders in place of (or around) its light children.
      if (el.shadowRoot) stack.push(el.shadowRoot);
    } else if (node.nodeType === 11) {
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
    }
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, cap + 1);
}

/** Children to walk into, in document order: the open shadow root's first, then the light DOM. */
export function childrenOf(el: Element): Element[] {
  const shadow = el.shadowRoot ? Array.from(el.shadowRoot.children) : [];
  return [...shadow, ...Array.from(el.children)];
}

export const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
