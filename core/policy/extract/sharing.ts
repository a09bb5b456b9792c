/**
 * Who receives data: categories of recipients mentioned next to a sharing
 * verb, and whether the text says it shares at all ("we do not share your
 * data with third parties" alone makes `shares` false).
 */
import { groups, terms } from '../lexicon';
import { allHits, compileTerms, firstHit, hasTerm, type TermHit } from '../match';
import { sentenceEvidence, type Doc, type Sentence } from '../segment';
import { RECIPIENT_KINDS, type Evidence, type Field, type Sharing } from '../types';
import { compileGroups, extractTermSet } from './termSet';

const RECIPIENTS = compileGroups(RECIPIENT_KINDS, groups('recipients'));
const SHARE = compileTerms(terms('shareVerb'));
const NEGATION = compileTerms(terms('negation'));
const THIRD_PARTY = compileTerms(['third part*', 'dritte*', 'tiers', 'terceros', 'bên thứ ba', 'terț*', 'terte']);
const SHARING_SECTION = /shar|disclos|recipient|third part|empfänger|weitergabe|übermittlung|dritte|destinataire|partage|tiers|destinatario|cesion|terceros|chia sẻ|bên thứ ba|destinatar/;

/** Where a clause starts over: "we do not sell it; we share it with…", "…, but we share it with…". */
const CLAUSE_BREAK = /[.;:!?]|(?<![\p{L}])(?:but|however|although|whereas|instead|rather|aber|jedoch|mais|cependant|pero|sin embargo|nhưng|dar|însă)(?![\p{L}])/gu;
/** "…except", "other than": recipients after it are the ones shared with, even after a denial. */
const EXCEPTION = /(?<![\p{L}])(?:except|excepting|other than|apart from|besides|save for|unless|only with|only to|außer|ausgenommen|mit ausnahme|sauf|à l’exception|à l'exception|excepto|salvo|con excepción|ngoại trừ|trừ|cu excepția|exceptând)(?![\p{L}])/u;
/** A denial right before a recipient: "…, but not with advertisers", "nor to advertisers", "jamais à des annonceurs". */
const DENIED_HERE = /(?<![\p{L}])(?:not|nor|never|nicht|niemals|pas|jamais|ni|nunca|không|nu)(?:\s[^\s]{1,20}){0,2}\s*$/u;
/** German and French put the negation after the verb: "übermitteln Ihre Daten nicht", "ne partageons pas". */
const NEGATION_AFTER = /^[^\s]*(?:\s[^\s]{1,20}){0,3}?\s(?:nicht|niemals|keine?|pas|jamais)(?![\p{L}])/u;

/** The text after the last clause break. */
function lastClause(text: string): string {
  let from = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) from = m.index + m[0].length;
  return text.slice(from);
}

/** Whether a sharing verb is denied in its own clause: "we do not share", "we never disclose", "wir übermitteln … nicht". */
function verbDenied(lower: string, verb: TermHit): boolean {
  const before = lastClause(lower.slice(Math.max(0, verb.index - 40), verb.index));
  return hasTerm(NEGATION, before) || NEGATION_AFTER.test(lower.slice(verb.index + verb.term.length, verb.index + verb.term.length + 60));
}

/**
 * A recipient named in a denial ("we do not share it with advertisers", "…but not with advertisers") is not one the
 * data goes to; "we do not share it with third parties except service providers" still names service providers.
 */
function deniedRecipient(s: Sentence, index: number): boolean {
  const lower = s.lower;
  if (DENIED_HERE.test(lastClause(lower.slice(Math.max(0, index - 60), index)))) return true;
  // The last sharing verb in the 200 characters before the recipient: a bounded look, so a long sentence stays linear.
  const from = Math.max(0, index - 200);
  const near = allHits(SHARE, lower.slice(from, index)).pop();
  if (!near) return false;
  const verb: TermHit = { index: from + near.index, term: near.term };
  const between = lower.slice(verb.index + verb.term.length, index);
  if (lastClause(between) !== between || EXCEPTION.test(between)) return false;
  return verbDenied(lower, verb);
}

export function extractSharing(doc: Doc): Field<Sharing> {
  const recipients = extractTermSet(doc, RECIPIENTS, {
    accept: (s) => hasTerm(SHARE, s.lower) || SHARING_SECTION.test(s.heading),
    acceptHit: (s, index) => !deniedRecipient(s, index),
  });
  const affirm: Evidence[] = [];
  const deny: Evidence[] = [];
  for (const s of doc.sentences) {
    const verb = firstHit(SHARE, s.lower);
    if (!verb || !hasTerm(THIRD_PARTY, s.lower)) continue;
    const ev = sentenceEvidence(doc, s, s.start + verb.index, 240);
    if (hasTerm(NEGATION, s.lower.slice(Math.max(0, verb.index - 40), verb.index))) {
      if (deny.length < 2) deny.push(ev);
    } else if (affirm.length < 2) affirm.push(ev);
  }
  const shares = recipients.value.length > 0 || affirm.length > 0;
  const evidence = shares ? [...affirm, ...recipients.evidence].slice(0, 8) : deny;
  return {
    value: { shares, recipients: recipients.value },
    confidence: shares ? Math.max(recipients.confidence, affirm.length ? 0.7 : 0.5) : deny.length ? 0.65 : 0.35,
    evidence,
  };
}
