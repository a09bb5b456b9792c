import lexicon from './lexicon.json';
import { FIELD_KINDS, type FieldKind } from '../records';
import type { FieldEvidence } from '../../messaging/protocol';
import { PhraseSet } from './words';

/**
 * What a page says about one form control. Attributes and label text only:
 * what the user typed is never part of it.
 */
export interface FieldDescription {
  /** `input`, `select` or `textarea`. */
  tag: string;
  /** The input's `type` attribute, lower case; empty when absent. */
  type: string;
  autocomplete: string;
  name: string;
  id: string;
  /** Its `<label>`s, `aria-label` and `aria-labelledby` text, joined. */
  label: string;
  placeholder: string;
}

export interface FieldMatch {
  kind: FieldKind;
  via: FieldEvidence;
  /** What gave it away: `type=email`, `autocomplete=bday`, or the lexicon's phrase. */
  hint: string;
}

/** Input types that never carry personal data typed by the user. */
const NOT_DATA_ENTRY = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'checkbox', 'file', 'range', 'color', 'search', 'url']);

/** On a tie in length, the more sensitive kind wins; an ignore phrase loses every tie. */
const PRIORITY: FieldKind[] = ['card', 'governmentId', 'password', 'birthDate', 'email', 'phone', 'gender', 'address', 'name'];

type Found = FieldKind | 'ignore';

interface Tables {
  types: Map<string, FieldKind>;
  autocomplete: Map<string, FieldKind | null>;
  phrases: PhraseSet<Found>;
  skip: PhraseSet<true>;
}

let tables: Tables | null = null;

function isKind(value: unknown): value is FieldKind {
  return typeof value === 'string' && (FIELD_KINDS as readonly string[]).includes(value);
}

/** Built on first use, so a page without forms never pays for it. */
function load(): Tables {
  if (tables) return tables;
  const phrases = new PhraseSet<Found>();
  for (const [kind, list] of Object.entries(lexicon.words)) {
    if (!isKind(kind)) throw new Error(`lexicon: unknown kind ${kind}`);
    for (const phrase of list) phrases.add(phrase, kind);
  }
  for (const phrase of lexicon.ignore) phrases.add(phrase, 'ignore');
  const skip = new PhraseSet<true>();
  for (const phrase of lexicon.skip) skip.add(phrase, true);
  const types = new Map<string, FieldKind>();
  for (const [type, kind] of Object.entries(lexicon.types)) if (isKind(kind)) types.set(type, kind);
  const autocomplete = new Map<string, FieldKind | null>();
  for (const [token, kind] of Object.entries(lexicon.autocomplete)) autocomplete.set(token, isKind(kind) ? kind : null);
  tables = { types, autocomplete, phrases, skip };
  return tables;
}

function rank(found: Found): number {
  return found === 'ignore' ? -1 : PRIORITY.length - PRIORITY.indexOf(found);
}

/** The kind a text names: its longest matching phrase, ties to the more sensitive kind; null for none or a non-personal name. */
function kindInText(text: string, phrases: PhraseSet<Found>): { kind: FieldKind; phrase: string } | null {
  let best: { value: Found; phrase: string; length: number } | null = null;
  for (const match of phrases.find(text)) {
    if (!best || match.length > best.length || (match.length === best.length && rank(match.value) > rank(best.value))) best = match;
  }
  return best && best.value !== 'ignore' ? { kind: best.value, phrase: best.phrase } : null;
}

/**
 * The personal data a form control asks for, and the evidence, or null.
 * Evidence is tried from the most to the least explicit: the input type, the
 * autocomplete token, the field's name and id, its label, its placeholder.
 */
export function classifyField(field: FieldDescription): FieldMatch | null {
  const tag = field.tag.toLowerCase();
  if (tag !== 'input' && tag !== 'select' && tag !== 'textarea') return null;
  const type = tag === 'input' ? field.type.trim().toLowerCase() || 'text' : '';
  if (NOT_DATA_ENTRY.has(type)) return null;
  const { types, autocomplete, phrases, skip } = load();
  const described = [field.name, field.id, field.label, field.placeholder];
  if (described.some((text) => skip.find(text).length > 0)) return null;

  const byType = types.get(type);
  if (byType) return { kind: byType, via: 'type', hint: `type=${type}` };
  // `section-x shipping email webauthn`: the field name is the last token but `webauthn`.
  const tokens = field.autocomplete.trim().toLowerCase().split(/\s+/).filter((t) => t && t !== 'webauthn');
  const token = tokens[tokens.length - 1];
  const byAutocomplete = token ? autocomplete.get(token) : undefined;
  if (byAutocomplete) return { kind: byAutocomplete, via: 'autocomplete', hint: `autocomplete=${token}` };

  // A radio button's own label is an option ("Nữ", "Madame"); only its group name speaks for it.
  const sources: [FieldEvidence, string][] = type === 'radio'
    ? [['name', field.name]]
    : [['name', field.name], ['name', field.id], ['label', field.label], ['placeholder', field.placeholder]];
  for (const [via, text] of sources) {
    const found = text ? kindInText(text, phrases) : null;
    if (found) return { kind: found.kind, via, hint: found.phrase };
  }
  return null;
}
