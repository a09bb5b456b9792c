import { OVERLAY_Z_INDEX } from '../../core/consent/signals';

/**
 * Looks like a dialog: an open `<dialog>`, a dialog role or `aria-modal`, a
 * fixed or sticky box, or a positioned box at an overlay's z-index. What
 * autoconsent's detector looks for, plus high z-index overlays (absolute
 * banners in a relative wrapper).
 */
export function isDialogLike(el: Element, style: CSSStyleDeclaration): boolean {
  if (el.localName === 'body' || el.localName === 'html') return false;
  if (el.localName === 'dialog' && el.hasAttribute('open')) return true;
  const role = el.getAttribute('role');
  if (role === 'dialog' || role === 'alertdialog' || el.getAttribute('aria-modal') === 'true') return true;
  if (style.position === 'fixed' || style.position === 'sticky') return true;
  return style.position !== 'static' && style.position !== '' && Number.parseInt(style.zIndex, 10) >= OVERLAY_Z_INDEX;
}
