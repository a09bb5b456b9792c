/**
 * Segmentation of normalised text into headings and sentences, each with its
 * offsets, so every extractor quotes exact text and knows its section.
 * Headings: Markdown `#` lines, lines that are only bold, short numbered
 * titles ("3. Who can you contact"), and short lines without end punctuation
 * followed by a longer line.
 */
import { lowerSameLength } from './normalise';
import type { Evidence } from './types';

export interface Sentence {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Lower-cased text of the heading of the section it sits in ('' before the first), at most MAX_SECTION_HEADING_CHARS. */
  heading: string;
  /** This sentence is itself a heading line. */
  isHeading: boolean;
}

export interface Doc {
  text: string;
  lower: string;
  sentences: Sentence[];
  headings: { text: string; start: number; level: number }[];
}

const MAX_HEADING_CHARS = 140;
/**
 * A sentence carries at most this much of its section's heading. Extractors test the heading once per
 * sentence, so a Markdown heading of a whole text ("# " and 500,000 characters) made every sentence after it
 * cost its length: quadratic.
 */
export const MAX_SECTION_HEADING_CHARS = 300;

const SETEXT_UNDERLINE = /^(?:=+|-+)$/;

function headingLevel(line: string, next: string | undefined): number {
  const md = /^(#{1,6}) /.exec(line);
  if (md) return md[1]!.length;
  if (line.length > MAX_HEADING_CHARS) return 0;
  // Setext: "Privacy Policy" underlined with === (level 1) or --- (level 2).
  if (next !== undefined && SETEXT_UNDERLINE.test(next) && !SETEXT_UNDERLINE.test(line) && !line.startsWith('|')) return next.startsWith('=') ? 1 : 2;
  if (/^\*\*[^*]{2,}\*\*:?$/.test(line) || /^__[^_]{2,}__$/.test(line)) return 4;
  if (/^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.|[A-H]\.)\s+\p{Lu}/u.test(line) && !/[.;:,]$/.test(line)) return 3;
  if (
    next !== undefined &&
    next.length > line.length * 2 &&
    line.split(' ').length <= 12 &&
    /^\p{Lu}/u.test(line) &&
    !/[.;:,!]$/.test(line) &&
    !line.startsWith('|')
  ) {
    return 5;
  }
  return 0;
}

/** Sentence ends: . ! ? … followed by a space and not after a one-letter or common abbreviation. */
const SENTENCE_END = /[.!?…](?=\s)/g;
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|inc|ltd|co|no|nr|art|abs|abs|z\.b|bzw|ca|vgl|dr|mr|mrs|st|s\.a|b\.v|n\.v|sp|\p{L})$/iu;

export function segment(text: string): Doc {
  const lower = lowerSameLength(text);
  const sentences: Sentence[] = [];
  const headings: Doc['headings'] = [];
  let heading = '';
  const lines: { start: number; end: number }[] = [];
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl === -1) nl = text.length;
    if (nl > at) lines.push({ start: at, end: nl });
    at = nl + 1;
  }
  let skipUnderline = false;
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i]!;
    const line = text.slice(start, end);
    if (skipUnderline) {
      skipUnderline = false;
      continue;
    }
    const nextLine = lines[i + 1];
    const level = headingLevel(line.trim(), nextLine ? text.slice(nextLine.start, nextLine.end).trim() : undefined);
    if (level > 0) {
      const clean = line.replace(/^#+\s*|\*\*|__/g, '').trim();
      headings.push({ text: clean, start, level });
      heading = lower.slice(start, Math.min(end, start + MAX_SECTION_HEADING_CHARS));
      sentences.push({ start, end, text: line, lower: lower.slice(start, end), heading, isHeading: true });
      skipUnderline = nextLine !== undefined && SETEXT_UNDERLINE.test(text.slice(nextLine.start, nextLine.end).trim());
      continue;
    }
    let from = start;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(line); m; m = SENTENCE_END.exec(line)) {
      const cut = start + m.index + 1;
      const before = text.slice(Math.max(from, cut - 8), cut - 1);
      if (ABBREVIATION.test(before) || /\d$/.test(before)) continue;
      pushSentence(from, cut);
      from = cut + 1;
    }
    pushSentence(from, end);
  }
  return { text, lower, sentences, headings };

  function pushSentence(s: number, e: number): void {
    while (s < e && text[s] === ' ') s++;
    if (e - s < 2) return;
    sentences.push({ start: s, end: e, text: text.slice(s, e), lower: lower.slice(s, e), heading, isHeading: false });
  }
}

/** Evidence for text[start, end), trimmed and capped to a readable quote. */
export function evidence(text: string, start: number, end: number, max = 300): Evidence {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end, s + max);
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { quote: text.slice(s, e), start: s, end: e };
}

/** Evidence for a whole sentence, or a window around `index` when the sentence is long. */
export function sentenceEvidence(doc: Doc, sentence: Sentence, index?: number, max = 300): Evidence {
  if (sentence.end - sentence.start <= max || index === undefined) return evidence(doc.text, sentence.start, sentence.end, max);
  const from = Math.max(sentence.start, index - Math.floor(max / 3));
  return evidence(doc.text, from, Math.min(sentence.end, from + max), max);
}
