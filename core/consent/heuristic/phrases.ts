import { LANGS, LEXICONS, LEXICON_KEYS, type Lang, type Lexicon } from './lexicon';

/**
 * Text normalisation and whole-word phrase matching for the lexicons. No
 * RegExp is ever built from data: phrases are split into words once and
 * compared word by word, so a lexicon entry cannot change what code runs.
 */

// Vietnamese has two accepted tone placements: "hoá"/"hóa", "tuỳ"/"tùy".
// Sites use both, so old-style syllable endings become new style (the one the
// lexicons use). Only at the end of a syllable: "hoàn", "toán" are the same in
// both; after "q" the "u" is part of the consonant ("quý" stays).
const OLD_TONE: Record<string, string> = {
  oà: 'òa', oá: 'óa', oả: 'ỏa', oã: 'õa', oạ: 'ọa',
  oè: 'òe', oé: 'óe', oẻ: 'ỏe', oẽ: 'õe', oẹ: 'ọe',
  uỳ: 'ùy', uý: 'úy', uỷ: 'ủy', uỹ: 'ũy', uỵ: 'ụy',
};
const OLD_TONE_ENDING = /(?<!q)(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}\p{M}])/gu;

/**
 * One comparable form for page text and lexicon phrases: NFC, lower-case,
 * Romanian comma letters (sites still type the cedilla look-alikes ş ţ),
 * apostrophes dropped so "don't" is "dont" and "j'accepte" "jaccepte",
 * everything else that is not a letter or digit (punctuation, emoji, arrows)
 * turned into a space, spaces collapsed.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ş/g, 'ș')
    .replace(/ţ/g, 'ț')
    .replace(OLD_TONE_ENDING, (pair) => OLD_TONE[pair] ?? pair)
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

export function tokenise(text: string): string[] {
  const normal = normalise(text);
  return normal ? normal.split(' ') : [];
}

export type PhraseKey = (typeof LEXICON_KEYS)[number];

interface Phrase {
  lang: Lang;
  key: PhraseKey;
  text: string;
  words: string[];
  /** Per word: true when the lexicon wrote it with a trailing `*`. */
  stems: boolean[];
}

export interface Match {
  lang: Lang;
  key: PhraseKey;
  phrase: string;
  start: number;
  /** Exclusive. */
  end: number;
}

function compile(lang: Lang, key: PhraseKey, text: string): Phrase {
  const raw = text.split(' ');
  return {
    lang,
    key,
    text,
    words: raw.map((w) => (w.endsWith('*') ? w.slice(0, -1) : w)),
    stems: raw.map((w) => w.endsWith('*')),
  };
}

/** Phrases by their first word; those whose first word is a stem, by the stem's first three letters (stems have at least three). */
const BY_FIRST = new Map<string, Phrase[]>();
const BY_STEM = new Map<string, Phrase[]>();

function add(index: Map<string, Phrase[]>, key: string, phrase: Phrase): void {
  const list = index.get(key);
  if (list) list.push(phrase);
  else index.set(key, [phrase]);
}

for (const lang of LANGS) {
  const lexicon: Lexicon = LEXICONS[lang];
  for (const key of LEXICON_KEYS) {
    for (const text of lexicon[key]) {
      const phrase = compile(lang, key, text);
      if (phrase.stems[0]) add(BY_STEM, phrase.words[0]!.slice(0, 3), phrase);
      else add(BY_FIRST, phrase.words[0]!, phrase);
    }
  }
}

function wordMatches(phrase: Phrase, index: number, token: string | undefined): boolean {
  if (token === undefined) return false;
  const word = phrase.words[index]!;
  return phrase.stems[index] ? token.startsWith(word) : token === word;
}

function matchesAt(phrase: Phrase, tokens: string[], start: number): boolean {
  for (let i = 0; i < phrase.words.length; i++) {
    if (!wordMatches(phrase, i, tokens[start + i])) return false;
  }
  return true;
}

/** Every lexicon phrase found in `tokens`, optionally only those of some keys. */
export function findPhrases(tokens: string[], keys?: readonly PhraseKey[]): Match[] {
  const wanted = keys ? new Set<PhraseKey>(keys) : null;
  const found: Match[] = [];
  for (let start = 0; start < tokens.length; start++) {
    const token = tokens[start]!;
    for (const list of [BY_FIRST.get(token), BY_STEM.get(token.slice(0, 3))]) {
      for (const phrase of list ?? []) {
        if ((wanted && !wanted.has(phrase.key)) || !matchesAt(phrase, tokens, start)) continue;
        found.push({ lang: phrase.lang, key: phrase.key, phrase: phrase.text, start, end: start + phrase.words.length });
      }
    }
  }
  return found;
}

/**
 * Whether a lexicon entry is written in the form matching expects: already
 * normalised, and `*` only at the end of a word of at least three letters
 * (a shorter stem would match too much).
 */
export function isWellFormedPhrase(entry: string): boolean {
  if (!entry || entry !== entry.normalize('NFC')) return false;
  const words = entry.split(' ');
  if (words.some((w) => w === '' || w.slice(0, -1).includes('*') || (w.endsWith('*') && w.length < 4))) return false;
  const plain = words.map((w) => w.replace(/\*$/, '')).join(' ');
  return normalise(plain) === plain;
}
