/**
 * Text normalisation before any matching: NFC (some published texts carry
 * combining marks), no byte-order mark, no soft hyphens or zero-width
 * characters, one kind of line break, runs of spaces collapsed, line
 * structure kept (headings and list items stay on their own lines).
 */

/** Inputs longer than this are cut (a policy is rarely over 200 kB); see analysePolicy's warnings. */
export const MAX_INPUT_CHARS = 600_000;

// Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM anywhere.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// NUL and other C0 controls except tab and line feed (binary input).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const HORIZONTAL_SPACE = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

export function normaliseText(s: string): string {
  return s
    .slice(0, MAX_INPUT_CHARS)
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .normalize('NFC')
    .replace(HORIZONTAL_SPACE, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Lower case with exactly one output character per input character, so offsets stay shared with the original. */
export function lowerSameLength(s: string): string {
  const lowered = s.toLowerCase();
  if (lowered.length === s.length) return lowered;
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Lower case without diacritics (đ -> d), for URL slugs and short labels; not offset-preserving. */
export function foldDiacritics(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l');
}
