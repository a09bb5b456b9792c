/**
 * Runs in the page's main world after a banner is answered: undoes a scroll
 * lock the banner left behind (overflow hidden on html/body, or a body fixed
 * in place with a negative top). Self-contained, as executeScript requires.
 * Returns what it changed, for the record.
 */
export function restoreScroll(): string[] {
  const changed: string[] = [];
  const page = document.scrollingElement ?? document.documentElement;
  if (page.scrollHeight <= window.innerHeight + 1) return changed;
  for (const el of [document.documentElement, document.body]) {
    if (!el) continue;
    const style = getComputedStyle(el);
    if (style.overflowY === 'hidden' || style.overflow === 'hidden') {
      el.style.setProperty('overflow', 'auto', 'important');
      changed.push(`${el.tagName.toLowerCase()} overflow`);
    }
  }
  const body = document.body;
  if (body && getComputedStyle(body).position === 'fixed') {
    const top = parseInt(body.style.top || '0', 10) || 0;
    body.style.setProperty('position', 'static', 'important');
    body.style.removeProperty('top');
    if (top < 0) window.scrollTo(0, -top);
    changed.push('body position');
  }
  return changed;
}
