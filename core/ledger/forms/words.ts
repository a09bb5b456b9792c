/**
 * Words of a field's name, label or placeholder, folded so that spelling
 * differences do not matter: lower case, no diacritics (NFD, combining marks
 * dropped, đ -> d, ß -> ss), camelCase, snake_case, kebab-case, brackets and
 * punctuation split into words, and letters split from digits ("email2").
 * Lexicon phrases go through the same function, so both sides always agree.
 */
export function words(text: string): string[] {
  return text
    .slice(0, 400)
    .replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** A set of phrases, each a run of whole words, found in a text by exact word comparison. */
export class PhraseSet<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T; phrase: string }[]>();

  add(phrase: string, value: T): void {
    const folded = words(phrase);
    const first = folded[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ words: folded, value, phrase });
    this.byFirst.set(first, list);
  }

  /** Every phrase occurring in `text` as whole consecutive words, with its length in words. */
  find(text: string): { value: T; phrase: string; length: number }[] {
    const tokens = words(text);
    const found: { value: T; phrase: string; length: number }[] = [];
    tokens.forEach((token, at) => {
      for (const entry of this.byFirst.get(token) ?? []) {
        if (entry.words.every((word, i) => tokens[at + i] === word)) found.push({ value: entry.value, phrase: entry.phrase, length: entry.words.length });
      }
    });
    return found;
  }
}
