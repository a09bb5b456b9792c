/**
 * Undoes a scroll lock a banner left behind once it is gone (autoconsent
 * #259 yum.com, Ghostery reports of overlays that stay): `overflow: hidden`
 * on html or body, and the "position: fixed; top: -Ypx" lock that keeps the
 * reading position, which is restored. Call it only after the banner is gone.
 * Returns what was changed, for the record ("body.overflow", "body.position").
 *
 * Self-contained, because the background also runs it in a page's main world
 * through executeScript; the content script calls it directly.
 */
export function restoreScroll(doc: Document = document): string[] {
  const view = doc.defaultView;
  const changed: string[] = [];
  if (!view) return changed;
  const locked = (value: string) => value === 'hidden' || value === 'clip';
  /** Undoes one property: the inline value banner scripts set, then, only if a stylesheet still locks, an inline override. */
  const release = (el: HTMLElement, property: string, unlocked: string, isLocked: () => boolean) => {
    if (el.style.getPropertyValue(property)) el.style.removeProperty(property);
    if (isLocked()) el.style.setProperty(property, unlocked, 'important');
  };
  const roots = [doc.documentElement, doc.body].filter((el): el is HTMLElement => !!el);
  let scrollTo: number | null = null;

  // Positions first: while body is fixed the document is as short as the window, and the overflow check below would be fooled.
  for (const el of roots) {
    const style = () => view.getComputedStyle(el);
    if (style().position !== 'fixed') continue;
    const top = Number.parseFloat(el.style.top || style().top) || 0;
    release(el, 'position', 'static', () => style().position === 'fixed');
    if (el.style.top) el.style.removeProperty('top');
    if (top < 0) scrollTo = -top;
    changed.push(`${el.localName}.position`);
  }

  // A page whose content fits the window may keep its overflow on purpose (an app shell that scrolls inside).
  // Without layout (a DOM without rendering) there is no height to compare: treat it as tall.
  const hasLayout = doc.documentElement.getBoundingClientRect().width > 0;
  const tallerThanWindow = !hasLayout || doc.documentElement.scrollHeight > view.innerHeight + 1;
  for (const el of tallerThanWindow ? roots : []) {
    const style = () => view.getComputedStyle(el);
    if (!locked(style().overflowY) && !locked(style().overflow)) continue;
    release(el, 'overflow', 'visible', () => locked(style().overflow));
    release(el, 'overflow-y', 'auto', () => locked(style().overflowY));
    changed.push(`${el.localName}.overflow`);
  }
  if (scrollTo !== null) view.scrollTo(0, scrollTo);
  return changed;
}
