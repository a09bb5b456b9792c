/**
 * autoconsent's Admiral rule looks for its VRM notice by reading the text of
 * every child div of the body before asking whether the div is a fixed,
 * visible box: on a huge page that text is the whole page, laid out, a task of
 * 80 ms and more at every retry. The same test with the cheap questions
 * first: style and size, then the text only of a fixed, visible box.
 */
function vrmNotice(): HTMLElement | undefined {
  return Array.from(document.querySelectorAll<HTMLElement>('body > div')).find((div) => {
    if (getComputedStyle(div).position !== 'fixed') return false;
    const box = div.getBoundingClientRect();
    if (!(box.width > 0 && box.height > 0)) return false;
    const text = div.innerText || '';
    return text.includes('Your Privacy') && text.includes('VRM') && text.includes('Admiral');
  });
}

interface NamedRule {
  name: string;
}

/** Gives the engine's rules that read the whole page the same checks in a cheaper order. */
export function cheapenRuleChecks(rules: readonly NamedRule[]): void {
  for (const rule of rules) {
    const admiral = rule as NamedRule & { getVrmNotice?: unknown };
    if (admiral.name === 'Admiral' && typeof admiral.getVrmNotice === 'function') admiral.getVrmNotice = vrmNotice;
  }
}
