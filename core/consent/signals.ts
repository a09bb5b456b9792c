/**
 * Cheap signs that a page may be showing a consent (or age) dialog, used to
 * decide whether the consent engine is worth loading into a frame at all.
 * Deliberately broad: a false alarm only costs loading the engine, a miss
 * costs an unanswered banner. The engine itself decides what is a banner.
 */

/**
 * Words nearly every consent or age dialog contains, in the twelve languages
 * of the unknown-banner lexicons (core/consent/heuristic/lexicon/): cookies,
 * consent, privacy, and ages ("18+", "18 years", "of age"). Words common in
 * ordinary prose (partners, tracking, a bare 18) are left out: each match
 * costs a look at the computed style of the text's ancestors. All lower case:
 * the text is lower-cased once and searched with `includes`, because this
 * runs on every page and one large case-insensitive regular expression costs
 * each page a compilation or two (about half a millisecond each) before it
 * says no.
 */
export const DIALOG_STEMS: readonly string[] = [
  'cookie', 'kakor', 'ciasteczk', 'témoin', 'traceur',
  'consent', 'consens', 'consimț', 'consimţ', 'einwillig', 'zustimm', 'toestemming', 'samtycke', 'souhlas',
  'zgoda', 'zgodę', 'zgody', 'zgodą', 'đồng ý',
  'datenschutz', 'privac', 'prywatn', 'soukrom', 'confidential', 'confidenți', 'vie privée', 'integritet', 'riêng tư',
  'vârst', 'volljährig', 'majeur', 'maggiorenn', 'meerderjarig', 'pełnoletn', 'plnolet', 'myndig',
  'mayor de edad', 'maior de idade', 'sunt major', 'đủ tuổi',
];

/** Words that count only whole (an ASCII word character on neither side), as "age" in "of age" but not in "page". */
export const DIALOG_WHOLE_WORDS: readonly string[] = [
  'age', 'âge', 'edad', 'età', 'idade', 'leeftijd', 'wiek', 'wieku', 'věk', 'věku', 'ålder', 'alter', 'altersverifikation',
];

/** An age limit: 18 or 21 (not part of a longer number), then "+" or "years" in one of the languages. */
const AGE_LIMIT = /(?<!\d)(?:18|21)\s*(?:\+|years?\b|jahre|ans\b|años|anni\b|anos\b|jaar\b|lat\b|let\b|ani\b|år\b|tuổi)/;

const isWordChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** A word boundary at `at` in the sense of a regular expression's `\b`: a word character on exactly one side. */
function boundary(text: string, at: number): boolean {
  const before = at > 0 && isWordChar(text.charCodeAt(at - 1));
  const after = at < text.length && isWordChar(text.charCodeAt(at));
  return before !== after;
}

function hasWholeWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (boundary(text, at) && boundary(text, at + word.length)) return true;
  }
  return false;
}

/** At or above this z-index a positioned element is an overlay (the unknown-banner heuristic's threshold). */
export const OVERLAY_Z_INDEX = 1000;

/** Whether text contains any of the words, in any case. */
export function mentionsDialogWords(text: string): boolean {
  const lower = text.toLowerCase();
  return (
    DIALOG_STEMS.some((stem) => lower.includes(stem)) ||
    DIALOG_WHOLE_WORDS.some((word) => hasWholeWord(lower, word)) ||
    // The expression is compiled only on text that has one of the numbers.
    ((lower.includes('18') || lower.includes('21')) && AGE_LIMIT.test(lower))
  );
}
