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

/**
 * What may follow an age limit (18 or 21), after optional white space: "+" or "years" in one of the
 * languages. `whole`: the word must end there (a word boundary, as `\b` in a regular expression).
 */
const AGE_UNITS: readonly { unit: string; whole: boolean }[] = [
  { unit: '+', whole: false },
  { unit: 'years', whole: true },
  { unit: 'year', whole: true },
  { unit: 'jahre', whole: false },
  { unit: 'ans', whole: true },
  { unit: 'años', whole: false },
  { unit: 'anni', whole: true },
  { unit: 'anos', whole: true },
  { unit: 'jaar', whole: true },
  { unit: 'lat', whole: true },
  { unit: 'let', whole: true },
  { unit: 'ani', whole: true },

  { unit: 'år', whole: true },
  { unit: 'tuổi', whole: false },
];

const isDigit = (code: number) => code >= 48 && code <= 57;
/** White space as `\s` in a regular expression knows it. */
const isSpace = (code: number) =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

const isWordChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** A word boundary at `at` in the sense of a regular expression's `\b`: a word character on exactly one side. */
function boundary(text: string, at: number): boolean {
  const before = at > 0 && isWordChar(text.charCodeAt(at - 1));
  const after = at < text.length && isWordChar(text.charCodeAt(at));
  return before !== after;
}

/**
 * An age limit: 18 or 21 (no digit just before it), then "+" or "years" in one of the languages. Scanned
 * by hand rather than with a regular expression, because this runs on every page and dates and times
 * hold an 18 or a 21 on most of them: compiling an expression would cost each such page more than the scan.
 */
function hasAgeLimit(text: string): boolean {
  for (const number of ['18', '21']) {
    for (let at = text.indexOf(number); at !== -1; at = text.indexOf(number, at + 1)) {
      if (at > 0 && isDigit(text.charCodeAt(at - 1))) continue;
      let next = at + 2;
      while (next < text.length && isSpace(text.charCodeAt(next))) next++;
      for (const { unit, whole } of AGE_UNITS) {
        if (text.startsWith(unit, next) && (!whole || boundary(text, next + unit.length))) return true;
      }
    }
  }
  return false;
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
    hasAgeLimit(lower)
  );
}
