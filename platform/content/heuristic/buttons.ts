import { classifyButton, mentionsAge, type ButtonRole } from '../../../core/consent/heuristic/classify';
import { childrenOf, isShown, isSilent, textOf } from './dom';

export interface FoundButton {
  el: HTMLElement;
  text: string;
  role: ButtonRole | null;
  age: boolean;
  navigates: boolean;
}

export interface DialogControls {
  buttons: FoundButton[];
  toggles: { visible: number; on: number };
}

/** A label longer than this is not a button's label; the first words are enough to classify. */
const LABEL_CAP = 200;

const isToggle = (el: Element): boolean => {
  const role = el.getAttribute('role');
  return role === 'switch' || role === 'checkbox' || (el.localName === 'input' && (el as HTMLInputElement).type === 'checkbox');
};

/** Elements that are buttons by their markup. */
function isButton(el: Element): boolean {
  if (el.localName === 'button' || el.localName === 'a' || el.getAttribute('role') === 'button') return true;
  return el.localName === 'input' && ['button', 'submit'].includes((el as HTMLInputElement).type);
}

/** Elements that may be buttons by their looks (`div.btn` with a script listener): kept only when no button is inside. */
function mayBeButton(el: Element): boolean {
  return el.hasAttribute('onclick') || /(?:^|[\s_-])(?:btn|button)(?:$|[\s_-])/i.test(el.getAttribute('class') ?? '');
}

const isDisabled = (el: Element): boolean =>
  el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';

function isOn(el: Element): boolean {
  if (el.localName === 'input') return (el as HTMLInputElement).checked;
  return el.getAttribute('aria-checked') === 'true';
}

/**
 * A link that leaves the page: pressing it answers nothing and loads another
 * page (a policy, or a German "Widerruf" page, autoconsent #1466). Anchors
 * with `#...`, `javascript:` or no href are buttons in disguise.
 */
export function navigates(el: Element): boolean {
  if (el.localName !== 'a') return false;
  const href = el.getAttribute('href')?.trim();
  if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return false;
  if (el.getAttribute('target') === '_blank') return true;
  try {
    const target = new URL(href, el.ownerDocument.baseURI);
    const here = new URL(el.ownerDocument.URL);
    target.hash = '';
    here.hash = '';
    return target.href !== here.href;
  } catch {
    return false;
  }
}

function labelOf(el: Element): string {
  if (el.localName === 'input') return (el as HTMLInputElement).value.trim();
  return textOf(el, LABEL_CAP, { shownOnly: true }) || el.getAttribute('aria-label')?.trim() || el.getAttribute('title')?.trim() || '';
}

/** The role of a button from its label, with an accessible name that says "subscribe" or "pay" winning. */
export function roleOf(el: Element, label = labelOf(el)): ButtonRole | null {
  const role = classifyButton(label);
  const named = el.getAttribute('aria-label');
  if (named && named.trim() !== label && classifyButton(named) === 'never') return 'never';
  return role;
}

function describe(el: Element): FoundButton {
  const text = labelOf(el);
  return { el: el as HTMLElement, text, role: roleOf(el, text), age: mentionsAge(text), navigates: navigates(el) };
}

/**
 * The dialog's buttons a person can press now (visible, enabled, labelled),
 * in document order, through open shadow roots; and its category switches.
 * Every enabled switch counts for `on`, hidden ones too: a "save" on the
 * first layer stores what a hidden second layer holds.
 */
export function collectControls(root: Element): DialogControls {
  // In visit order, which is document order (a host's shadow content first).
  const found: { el: Element; weak: boolean }[] = [];
  const toggles = { visible: 0, on: 0 };
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (isSilent(el)) continue;
    if (isToggle(el)) {
      if (!isDisabled(el)) {
        if (isShown(el)) toggles.visible++;
        if (isOn(el)) toggles.on++;
      }
      continue;
    }
    if (el !== root && isButton(el)) {
      found.push({ el, weak: false });
      continue;
    }
    if (el !== root && mayBeButton(el)) found.push({ el, weak: true });
    const children = childrenOf(el);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  const buttons = found
    .filter(({ el, weak }) => !weak || !found.some((other) => other.el !== el && el.contains(other.el)))
    .filter(({ el }) => !isDisabled(el) && isShown(el))
    .map(({ el }) => describe(el))
    .filter((b) => b.text !== '');
  return { buttons, toggles };
}
