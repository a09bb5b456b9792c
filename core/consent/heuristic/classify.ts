import { LANGS, type Lang } from './lexicon';
import { findPhrases, tokenise, type Match } from './phrases';

export { normalise } from './phrases';

/** What pressing a button would do, as far as its words tell. */
export type ButtonRole = 'reject' | 'save' | 'settings' | 'accept' | 'never';

type ReadRole = Exclude<ButtonRole, 'never'>;

/** Distinct consent phrases a dialog's text needs before it counts as a consent dialog. */
export const CONSENT_THRESHOLD = 2;

/** Past this many words an element is a passage of text (a link around a paragraph), not a label. */
const MAX_BUTTON_WORDS = 16;

/** Enough of a dialog's text to judge it; the detector caps far below this. */
const MAX_TEXT = 20_000;

// A price on a button means money changes hands ("Werbefrei für 2,99 €",
// "99.000đ/tháng"), whatever the words around it say.
const PRICE = /[€$£₫¥]\s*\d|\d\s*(?:[€$£₫¥]|(?:eur|usd|vnd|vnđ|đ|zł|kč|czk|lei|ron|sek|kr|chf)(?![\p{L}\p{M}]))/iu;

// "18+" / "21+": the "+" is lost in normalisation, so it is read from the raw text.
const AGE_PLUS = /(?<!\d)(?:18|21)\s*\+/;

/** Roles whose buttons we may press: a tie involving one of them is not a clear reading. */
const PRESSED: ReadonlySet<ReadRole> = new Set(['reject', 'save']);

/** Order among equally long readings that involve no pressed role (settings beats accept: both are left alone). */
const ORDER: readonly ReadRole[] = ['reject', 'save', 'settings', 'accept'];

/**
 * How long a refusal an accept phrase becomes with a negation of its own
 * language right before it ("không" đồng ý, "do not" accept, "nicht"
 * akzeptieren), or right after it and ending the text ("godkänn inte",
 * "ik accepteer niet"). 0 when it is not negated. Only adjacent words count:
 * "nicht notwendige Cookies akzeptieren" accepts more, it refuses nothing.
 */
function negatedLength(accept: Match, matches: Match[], total: number): number {
  let length = 0;
  for (const m of matches) {
    if (m.lang !== accept.lang) continue;
    if (m.key === 'negation' && m.end === accept.start) length = Math.max(length, accept.end - m.start);
    if (m.key === 'negationAfter' && m.start === accept.end && m.end === total) length = Math.max(length, m.end - accept.start);
  }
  return length;
}

/**
 * What a button's text says it does, in any of the lexicon languages.
 * `never` (pay, subscribe, log in, sign up, age confirmation, a price) wins
 * over everything. Otherwise the longest phrase found decides, so
 * "Nur notwendige Cookies akzeptieren" is a refusal and "Speichern und alle
 * akzeptieren" an acceptance; a negated accept phrase counts as a refusal.
 * A tie between a role we would press and another one is not a clear reading:
 * null, and nothing is pressed.
 */
export function classifyButton(text: string): ButtonRole | null {
  if (PRICE.test(text) || AGE_PLUS.test(text)) return 'never';
  const tokens = tokenise(text);
  if (tokens.length === 0) return null;
  const matches = findPhrases(tokens);
  if (matches.some((m) => m.key === 'never' || m.key === 'age')) return 'never';
  if (tokens.length > MAX_BUTTON_WORDS) return null;

  const best: Record<ReadRole, number> = { reject: 0, save: 0, settings: 0, accept: 0 };
  for (const m of matches) {
    const length = m.end - m.start;
    if (m.key === 'reject' || m.key === 'save' || m.key === 'settings') {
      best[m.key] = Math.max(best[m.key], length);
    } else if (m.key === 'accept') {
      const negated = negatedLength(m, matches, tokens.length);
      if (negated > 0) best.reject = Math.max(best.reject, negated);
      else best.accept = Math.max(best.accept, length);
    }
  }
  const ranked = ORDER.filter((role) => best[role] > 0).sort((a, b) => best[b] - best[a]);
  const [top, second] = ranked;
  if (!top) return null;
  if (second && best[second] === best[top] && (PRESSED.has(top) || PRESSED.has(second))) return null;
  return top;
}

/** How much a dialog's text reads like a consent dialog: the number of distinct consent phrases in it. */
export function consentScore(text: string): number {
  const found = findPhrases(tokenise(text.slice(0, MAX_TEXT)), ['consentWords']);
  return new Set(found.map((m) => m.phrase)).size;
}

/** Whether a text asks for or confirms an age ("Are you 18 or older?", "Tôi đã đủ 18 tuổi"). */
export function mentionsAge(text: string): boolean {
  const sample = text.slice(0, MAX_TEXT);
  return AGE_PLUS.test(sample) || findPhrases(tokenise(sample), ['age']).length > 0;
}

/**
 * The lexicon language whose phrases a text uses most; the page's declared
 * language (`<html lang>`) breaks ties and answers when no phrase is known.
 */
export function guessLanguage(text: string, declared?: string | null): Lang | null {
  const hint = LANGS.find((lang) => declared?.toLowerCase().split(/[-_]/)[0] === lang) ?? null;
  const phrases = new Map<Lang, Set<string>>();
  for (const m of findPhrases(tokenise(text.slice(0, MAX_TEXT)))) {
    if (m.key === 'negation' || m.key === 'negationAfter') continue;
    const set = phrases.get(m.lang) ?? new Set<string>();
    set.add(m.phrase);
    phrases.set(m.lang, set);
  }
  let best: Lang | null = null;
  let bestCount = 0;
  for (const lang of LANGS) {
    const count = phrases.get(lang)?.size ?? 0;
    if (count > bestCount || (count === bestCount && count > 0 && lang === hint)) {
      best = lang;
      bestCount = count;
    }
  }
  return best ?? hint;
}
