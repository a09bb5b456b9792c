/**
 * HTML to text that keeps its structure, with htmlparser2 (a streaming
 * parser in plain JavaScript: the MV3 service worker has no DOMParser, and
 * core also runs in Node). Headings become `#` lines, list items `- `
 * lines, table rows cells joined by ` | `; links keep their target
 * (mailto included) and where their text sits. Scripts, styles,
 * navigation, forms and hidden templates are dropped.
 */
import { Parser } from 'htmlparser2';
import { normaliseText } from './normalise';
import type { StructuredText } from './types';

/** HTML beyond this many characters is not parsed (a policy page is rarely over 1 MB). */
export const MAX_HTML_CHARS = 3_000_000;
/** Elements nested deeper than this stop the reading: real pages stay far below, and the parser's implied-close search grows with depth. */
export const MAX_HTML_DEPTH = 1_500;
/**
 * Headings and links are found again in the normalised text; all those searches together may read at most this
 * many times the text (plus {@link MAX_HTML_SEARCH_EXTRA} characters). A real page reads it about once.
 */
export const MAX_HTML_SEARCH_FACTOR = 4;
export const MAX_HTML_SEARCH_EXTRA = 1_000_000;

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'iframe', 'object', 'select', 'button', 'head', 'canvas', 'math', 'dialog']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'address', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'figure', 'figcaption', 'details', 'summary', 'form', 'fieldset', 'hr', 'body', 'html',
]);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);

interface RawLink {
  href: string;
  text: string;
}

export function htmlToStructuredText(html: string): StructuredText {
  let raw = '';
  let skipDepth = 0;
  const stack: string[] = [];
  let title: string | null = null;
  let inTitle = false;
  let lang: string | null = null;
  const headingTexts: { level: number; text: string }[] = [];
  let heading: { level: number; text: string } | null = null;
  const links: RawLink[] = [];
  let link: RawLink | null = null;
  let cellInRow = 0;
  let tooDeep = false;

  // The line breaks at the end of `raw`, kept as a count: reading the growing text (a /\n*$/ test, or even
  // charCodeAt, which flattens the concatenated string) at every block was quadratic in the page.
  let trailing = 0;
  const append = (s: string) => {
    if (!s) return;
    raw += s;
    let k = 0;
    while (k < s.length && s.charCodeAt(s.length - 1 - k) === 10) k++;
    trailing = k === s.length ? trailing + k : k;
  };
  const breakLine = (n = 1) => {
    if (raw.length > 0 && trailing < n) append('\n'.repeat(n - trailing));
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (tooDeep) return;
        if (!VOID.has(name)) stack.push(name);
        if (stack.length > MAX_HTML_DEPTH) {
          tooDeep = true;
          parser.pause();
          return;
        }
        if (name === 'html' && attrs.lang) lang = attrs.lang.trim().toLowerCase() || null;
        if (name === 'title') inTitle = true;
        if (skipDepth > 0 || SKIP.has(name) || attrs.hidden !== undefined || attrs['aria-hidden'] === 'true') {
          if (!VOID.has(name)) skipDepth++;
          return;
        }
        if (/^h[1-6]$/.test(name)) {
          breakLine(2);
          const level = Number(name[1]);
          append(`${'#'.repeat(level)} `);
          heading = { level, text: '' };
        } else if (name === 'li') {
          breakLine();
          append('- ');
        } else if (name === 'tr') {
          breakLine();
          cellInRow = 0;
        } else if (name === 'td' || name === 'th') {
          if (cellInRow++ > 0) append(' | ');
        } else if (name === 'br') {
          append('\n');
        } else if (BLOCK.has(name)) {
          breakLine(name === 'p' ? 2 : 1);
        }
        if (name === 'a' && attrs.href) link = { href: attrs.href.trim(), text: '' };
      },
      ontext(data) {
        if (tooDeep) return;
        if (inTitle) {
          title = ((title ?? '') + data).replace(/\s+/g, ' ');
          return;
        }
        if (skipDepth > 0) return;
        const t = data.replace(/\s+/g, ' ');
        append(t);
        if (heading) heading.text += t;
        if (link) link.text += t;
      },
      onclosetag(name, implied) {
        if (tooDeep) return;
        if (!VOID.has(name)) {
          const i = stack.lastIndexOf(name);
          if (i >= 0) stack.length = i;
        }
        if (name === 'title') inTitle = false;
        if (skipDepth > 0) {
          if (!VOID.has(name) || implied) skipDepth = Math.max(0, skipDepth - (VOID.has(name) ? 0 : 1));
          return;
        }
        if (name === 'a' && link) {
          links.push(link);
          link = null;
        }
        if (/^h[1-6]$/.test(name) && heading) {
          headingTexts.push(heading);
          heading = null;
          breakLine(2);
        } else if (name === 'li' || name === 'tr') {
          breakLine();
        } else if (BLOCK.has(name)) {
          breakLine(name === 'p' ? 2 : 1);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html.slice(0, MAX_HTML_CHARS));
  if (!tooDeep) parser.end();

  const text = normaliseText(raw);
  // Find each heading and link again in the normalised text, in document order. A label that normalises
  // differently alone than in its place (a combining mark after the letter before it) is not found, and each
  // miss reads to the end of the text: the reading allowed for all searches is capped, and past the cap
  // headings are dropped and links placed where the last one ended.
  let budget = text.length * MAX_HTML_SEARCH_FACTOR + MAX_HTML_SEARCH_EXTRA;
  let searchCut = false;
  const find = (needle: string, from: number): number => {
    if (budget <= 0) {
      searchCut = true;
      return -1;
    }
    const at = text.indexOf(needle, from);
    budget -= at < 0 ? text.length - from : at + needle.length - from;
    return at;
  };
  const outHeadings: StructuredText['headings'] = [];
  let from = 0;
  for (const h of headingTexts) {
    const line = `${'#'.repeat(h.level)} ${normaliseText(h.text)}`;
    const at = find(line, from);
    if (at < 0) continue;
    outHeadings.push({ level: h.level, text: normaliseText(h.text), start: at });
    from = at + line.length;
  }
  const outLinks: StructuredText['links'] = [];
  from = 0;
  for (const l of links) {
    const label = normaliseText(l.text);
    const at = label ? find(label, from) : -1;
    if (at >= 0) {
      outLinks.push({ href: l.href, text: label, start: at, end: at + label.length });
      from = at + label.length;
    } else {
      outLinks.push({ href: l.href, text: label, start: from, end: from });
    }
  }
  const cleanTitle = title === null ? null : normaliseText(title) || null;
  return {
    text,
    title: cleanTitle,
    lang,
    headings: outHeadings,
    links: outLinks,
    ...(tooDeep ? { truncated: true } : {}),
    ...(searchCut ? { searchCut: true } : {}),
  };
}
