import cs from './lexicon/cs.json';
import de from './lexicon/de.json';
import en from './lexicon/en.json';
import es from './lexicon/es.json';
import fr from './lexicon/fr.json';
import it from './lexicon/it.json';
import nl from './lexicon/nl.json';
import pl from './lexicon/pl.json';
import pt from './lexicon/pt.json';
import ro from './lexicon/ro.json';
import sv from './lexicon/sv.json';
import vi from './lexicon/vi.json';

/**
 * What the unknown-banner heuristic knows of one language. Every entry is a
 * phrase in the form `normalise` (classify.ts) produces: lower-case, NFC,
 * apostrophes dropped ("j'accepte" -> "jaccepte"), other punctuation as
 * spaces. A word may end in `*` to stand for every word it starts
 * ("abonn*": abonnieren, abonnement). Phrases match whole words, in order.
 */
export interface Lexicon {
  /** Words that make a dialog a consent dialog (cookies, consent, partners...). */
  consentWords: string[];
  /** Buttons that refuse: reject, only necessary, continue without accepting. */
  reject: string[];
  /** Buttons that store the choices shown (safe only when every toggle is off). */
  save: string[];
  /** Buttons that open more choices; never pressed (heise.de: a second layer we may not handle). */
  settings: string[];
  accept: string[];
  /** Pay, subscribe, log in, sign up, donate: never pressed, whatever else the text says. */
  never: string[];
  /** Age confirmation, for buttons and dialog text alike: never pressed, and the dialog is left alone. */
  age: string[];
  /** Words that, right before an accept phrase, make it a refusal ("không" đồng ý, "do not" accept). */
  negation: string[];
  /** Words that, right after an accept phrase and ending the text, make it a refusal ("godkänn inte"). */
  negationAfter: string[];
}

export const LEXICON_KEYS = [
  'consentWords', 'reject', 'save', 'settings', 'accept', 'never', 'age', 'negation', 'negationAfter',
] as const satisfies readonly (keyof Lexicon)[];

/** Vietnamese first: the project's users; the order only breaks ties in language guesses. */
export const LEXICONS = { vi, en, de, fr, es, it, nl, pt, pl, sv, cs, ro } satisfies Record<string, Lexicon>;

export type Lang = keyof typeof LEXICONS;

export const LANGS = Object.keys(LEXICONS) as Lang[];
