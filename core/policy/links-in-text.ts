/**
 * Link targets in the document: Markdown `[text](url)` and bare URLs in text
 * input, plus the anchors kept by htmlToStructuredText for HTML input. Each
 * carries where its visible text sits, so contacts quote the page.
 */
export interface TextLink {
  href: string;
  text: string;
  start: number;
  end: number;
}

const MARKDOWN_LINK = /\[([^\]\n]{0,300})\]\(((?:https?:|mailto:)[^\s)]{1,1000})(?:\s+"[^"\n]{0,200}")?\)/g;
const BARE_URL = /(?<![(\w/])https?:\/\/[^\s)<>\]"'|]{1,1000}/g;

export function linksInText(text: string, known: readonly TextLink[] = []): TextLink[] {
  const out: TextLink[] = [...known];
  const covered: [number, number][] = [];
  MARKDOWN_LINK.lastIndex = 0;
  for (let m = MARKDOWN_LINK.exec(text); m; m = MARKDOWN_LINK.exec(text)) {
    const label = m[1] ?? '';
    out.push({ href: m[2]!, text: label, start: m.index + 1, end: m.index + 1 + label.length });
    covered.push([m.index, m.index + m[0].length]);
  }
  BARE_URL.lastIndex = 0;
  // Both lists run in text order, so one pointer walks the Markdown links (a search per URL was quadratic).
  let c = 0;
  for (let m = BARE_URL.exec(text); m; m = BARE_URL.exec(text)) {
    const at = m.index;
    while (c < covered.length && covered[c]![1] <= at) c++;
    if (c < covered.length && at >= covered[c]![0]) continue;
    const href = m[0].replace(/[.,;:]+$/, '');
    out.push({ href, text: href, start: at, end: at + href.length });
  }
  return out.sort((a, b) => a.start - b.start);
}
