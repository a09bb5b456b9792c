import { hasLayout, styleOf } from './dom';

/** Overflow values that stop the page from scrolling. */
const LOCKED = new Set(['hidden', 'clip']);

/**
 * Undoes one locking property: first the inline value (what banner scripts
 * set), and only if a stylesheet still locks (a `no-scroll` class on body)
 * an inline override.
 */
function release(el: HTMLElement, property: string, unlocked: string, isLocked: () => boolean): void {
  if (el.style.getPropertyValue(property)) el.style.removeProperty(property);
  if (isLocked()) el.style.setProperty(property, unlocked, 'important');
}

/**
 * Undoes a scroll lock a banner left behind once it is gone (autoconsent
 * #259 yum.com, Ghostery reports of overlays that stay): `overflow: hidden`
 * on html or body, and the "position: fixed; top: -Ypx" lock that keeps the
 * reading position, which is restored. Call it only after the banner is gone.
 * Returns what was changed, for the record ("body.overflow", "body.position").
 */
export function restoreScroll(doc: Document = document): string[] {
  const view = doc.defaultView;
  const changed: string[] = [];
  if (!view) return changed;
  const roots = [doc.documentElement, doc.body].filter((el): el is HTMLElement => !!el);
  let scrollTo: number | null = null;

  // Positions first: while body is fixed the document is as short as the window, and the overflow check below would be fooled.
  for (const el of roots) {
    const style = () => styleOf(el)!;
    if (style().position !== 'fixed') continue;
    const top = Number.parseFloat(el.style.top || style().top) || 0;
    release(el, 'position', 'static', () => style().position === 'fixed');
    if (el.style.top) el.style.removeProperty('top');
    if (top < 0) scrollTo = -top;
    changed.push(`${el.localName}.position`);
  }

  // A page whose content fits the window may keep its overflow on purpose (an app shell that scrolls inside).
  const tallerThanWindow = !hasLayout(doc) || doc.documentElement.scrollHeight > view.innerHeight + 1;
  for (const el of tallerThanWindow ? roots : []) {
    const style = () => styleOf(el)!;
    if (!LOCKED.has(style().overflowY) && !LOCKED.has(style().overflow)) continue;
    release(el, 'overflow', 'visible', () => LOCKED.has(style().overflow));
    release(el, 'overflow-y', 'auto', () => LOCKED.has(style().overflowY));
    changed.push(`${el.localName}.overflow`);
  }
  if (scrollTo !== null) view.scrollTo(0, scrollTo);
  return changed;
}
