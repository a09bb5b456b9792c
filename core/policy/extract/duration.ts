/**
 * Durations in text ("90 days", "drei Jahre", "10 ans", "90 ngày",
 * "eighteen (18) months"), normalised to days: a week is 7, a month 30, a
 * year 365. Dates ("tháng 1 năm 2025") are not durations.
 */
import { groups, numberMap } from '../lexicon';
import { compileTerms } from '../match';

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const UNITS = groups('units');
const UNIT_RES = Object.entries(UNITS).map(([unit, list]) => ({ days: UNIT_DAYS[unit] ?? 1, re: compileTerms(list) }));
const NUMBER_WORDS = numberMap('numberWords');
const NUMBER_WORD_RE = compileTerms([...NUMBER_WORDS.keys()]);

export interface DurationHit {
  days: number;
  index: number;
  length: number;
}

/** Number (digits or word, optional "(18)") followed by a unit, in a lower-cased string. */
export function findDurations(lower: string): DurationHit[] {
  const out: DurationHit[] = [];
  const NUMBER = /(?<![\p{L}\p{N}.,/])(\d{1,4})(?:[.,]\d)?(?:\s?(?:-|–|to|bis|à|a|đến)\s?\d{1,4})?(?![\p{N}])/gu;
  const candidates: { value: number; index: number; end: number }[] = [];
  for (let m = NUMBER.exec(lower); m; m = NUMBER.exec(lower)) {
    candidates.push({ value: Number(m[1]), index: m.index, end: m.index + m[0].length });
  }
  NUMBER_WORD_RE.lastIndex = 0;
  for (let m = NUMBER_WORD_RE.exec(lower); m; m = NUMBER_WORD_RE.exec(lower)) {
    let end = m.index + m[0].length;
    const paren = /^\s?\(\d{1,4}\)/.exec(lower.slice(end, end + 8));
    if (paren) end += paren[0].length;
    candidates.push({ value: NUMBER_WORDS.get(m[0]) ?? 0, index: m.index, end });
  }
  for (const c of candidates) {
    if (c.value <= 0) continue;
    // "ngày 1 tháng 1 năm 2025" and "1er mai": a date, not a duration.
    const before = lower.slice(Math.max(0, c.index - 7), c.index);
    if (/(tháng|ngày)\s?$/.test(before)) continue;
    const rest = lower.slice(c.end, c.end + 24);
    const gap = /^\s?(?:-\s?)?(?:(?:full|calendar|kalender|volle[n]?|complete|consecutive)\s)?/.exec(rest)?.[0] ?? '';
    for (const { days, re } of UNIT_RES) {
      re.lastIndex = 0;
      const tail = rest.slice(gap.length);
      const m = re.exec(tail);
      if (m && m.index === 0) {
        if (days === 365 && /^\s?\d{4}/.test(tail.slice(m[0].length))) break;
        out.push({ days: c.value * days, index: c.index, length: c.end - c.index + gap.length + m[0].length });
        break;
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
