/**
 * Whether the policy says it sells personal data. Negation-aware ("we do not
 * sell", "verkaufen … nicht", "ne vendons pas", "không bán"); transfers in a
 * merger, acquisition or bankruptcy are not a sale; a CCPA-style statement
 * that data is "shared" for cross-context behavioural advertising (or that
 * such sharing may count as a "sale") is its own value. Statements limited
 * to children's data and the bare text of a right ("the right to opt out of
 * the sale") say nothing about what the company does.
 */
import { terms } from '../lexicon';
import { allHits, compileTerms, firstHit, hasTerm, type TermHit } from '../match';
import { sentenceEvidence, type Doc, type Sentence } from '../segment';
import type { Evidence, Field, SaleValue } from '../types';

const SELL = compileTerms(terms('sell'));
const NEGATION = compileTerms(terms('negation'));
const BUSINESS_TRANSFER = compileTerms(terms('businessTransfer'));
const AFFIRM = compileTerms(terms('saleAffirm'));
const ADS = compileTerms(terms('sharesForAds'));
const BOILERPLATE = compileTerms(terms('rightsBoilerplate'));
const DATA = compileTerms(terms('dataWords'));
const CHILDREN = compileTerms(terms('children'));

/** Negation within a short window before the verb (en, fr, es, vi, ro) or after it (de "verkaufen … nicht", fr "vendons pas"). */
function negated(lower: string, at: number, len: number): boolean {
  const before = lower.slice(Math.max(0, at - 150), at).split(/\b(?:but|however|although|aber|mais|pero|nhưng|dar)\b/).pop() ?? '';
  const after = lower.slice(at + len, at + len + 40);
  return hasTerm(NEGATION, before) || /^\S*\s+(?:\S+\s+){0,3}(?:nicht|pas|jamais|niemals|keine?)(?![\p{L}])/u.test(after);
}

/** "share … for targeted / behavioural / cross-context advertising", not denied. */
function sharesForAdvertising(lower: string): boolean {
  const m = /shar(?:e|es|ing)\b.{0,80}?(?:targeted|behaviou?ral|cross-context|interest-based|personali[sz]ed) advertising/.exec(lower);
  return m !== null && !negated(lower, m.index, 5);
}

type Verdict = 'sells' | 'doesNotSell' | 'sharesForAds';
interface Reading {
  verdict: Verdict;
  /** A weak "sells" (a pronoun object: "we may sell it") loses to an explicit denial elsewhere; a strong one does not. */
  strong: boolean;
}

/** Affirmations that are admissions ("may be considered a sale"), not the sell verb itself ("we sell", handled by objectOfSale). */
const ADMISSION = /consider|qualif|constitut|deemed|may be a sale/;
/** Sell terms that are nouns or quotes ("sale of your…", "“sale”"): the name of a right or a definition, not a statement. */
const NOUN_TERM = /^(?:sale|verkauf |vente|venta|[“"])/;
/** What is sold must be data: "sell your personal information", "verkaufen Ihre Daten", "bán dữ liệu". */
const DATA_OBJECT = /(?:^|[^\p{L}])(?:data|information|info|details|e-?mail addresses|daten|informationen|angaben|données|informations|datos|información|dữ liệu|thông tin|date|datele|informații|informatii)(?![\p{L}])/u;
const PRONOUN_OBJECT = /^\s*(?:it|them)(?![\p{L}])/u;
/**
 * Where the object of the verb ends: punctuation, a new clause or a preposition ("rent a bike, we…", "sell products
 * that collect data", "sell access to data"); "and" too, unless another disposal verb follows ("sell and share your data").
 */
const CLAUSE_END =
  /[,;:.!?()]|(?<![\p{L}])(?:when|where|whose|if|because|while|but|unless|that|which|who|so|to|for|with|from|through|via|in|on|at|and(?! (?:also |otherwise )?(?:shar|rent|leas|trad|disclos|transfer|licen|exchang|provid|mak)))(?![\p{L}])/u;
/** "opt out of selling your data", "the right to…", "if we sell your data": the verb is hypothetical, not a statement. */
const HEDGE = /(?:opt[- ]?out|right|request|whether|if we|if you|not to|limit|direct us)[^.;:]{0,30}$/;

/**
 * The object of a sell verb: 'data' when what is sold within the clause is data, 'pronoun' for "it"/"them",
 * else null ("rent a bike", "sell your home", "sell tickets").
 */
function objectOfSale(lower: string, hit: TermHit): 'data' | 'pronoun' | null {
  if (NOUN_TERM.test(hit.term)) return null;
  let object = lower.slice(hit.index + hit.term.length, hit.index + hit.term.length + 80);
  const end = CLAUSE_END.exec(object);
  if (end) object = object.slice(0, end.index);
  // Within the first words: "sell or rent any of your personal information", not "sell bikes to people whose data…".
  object = object.trim().split(/\s+/).slice(0, 6).join(' ');
  if (DATA_OBJECT.test(object)) return 'data';
  return PRONOUN_OBJECT.test(object) ? 'pronoun' : null;
}

function classify(s: Sentence): Reading | null {
  const lower = s.lower;
  // Statements limited to children's data say nothing about what the company does with everyone else's.
  if (hasTerm(CHILDREN, lower)) return null;
  if (hasTerm(BUSINESS_TRANSFER, lower) && !hasTerm(AFFIRM, lower)) return null;
  const ads = firstHit(ADS, lower);
  const sells = allHits(SELL, lower);
  const sharingWords = ads !== null || /shar|advertis/.test(lower);
  // "Although we do not sell for money, our sharing … may be considered a 'sale'": the admission about sharing wins.
  const admission = allHits(AFFIRM, lower).find((h) => ADMISSION.test(h.term));
  if (admission && sharingWords) return { verdict: 'sharesForAds', strong: true };
  if (admission && !negated(lower, admission.index, admission.term.length)) return { verdict: 'sells', strong: true };
  // "We sell your personal information to selected advertising partners" is a sale, whoever buys it.
  let pronoun = false;
  for (const hit of sells) {
    if (negated(lower, hit.index, hit.term.length)) continue;
    const object = objectOfSale(lower, hit);
    if (!object) continue;
    const hedged = HEDGE.test(lower.slice(Math.max(0, hit.index - 40), hit.index));
    if (object === 'data' && !hedged) return { verdict: 'sells', strong: true };
    if (!hedged) pronoun = true;
  }
  // Any denial in the sentence ("except for this kind of selling, we don't otherwise sell…") makes it a denial.
  // A denial needs no data word ("…and will never be sold" follows a sentence about the data), except next to a
  // merger, where "sold" may be about the company.
  const denied = sells.some((h) => negated(lower, h.index, h.term.length));
  if (denied && (!hasTerm(BUSINESS_TRANSFER, lower) || hasTerm(DATA, lower))) return { verdict: 'doesNotSell', strong: true };
  if (sells.length === 0 || !hasTerm(DATA, lower)) {
    return (ads || sharesForAdvertising(lower)) && !hasTerm(BOILERPLATE, lower) ? { verdict: 'sharesForAds', strong: true } : null;
  }
  if (ads) return { verdict: 'sharesForAds', strong: true };
  if (hasTerm(BOILERPLATE, lower) || /opt[- ]?out|do not sell|right|recht|droit|derecho|quyền/.test(lower)) return null;
  return pronoun ? { verdict: 'sells', strong: false } : null;
}

export function extractSale(doc: Doc): Field<SaleValue> {
  const found: Record<Verdict, Evidence[]> = { sells: [], doesNotSell: [], sharesForAds: [] };
  const weakSells: Evidence[] = [];
  for (const s of doc.sentences) {
    if (s.isHeading && !/do not sell|we do not sell|nicht verkauf|ne vendons/.test(s.lower)) continue;
    if (!hasTerm(SELL, s.lower) && !hasTerm(ADS, s.lower) && !hasTerm(AFFIRM, s.lower) && !sharesForAdvertising(s.lower)) continue;
    const r = classify(s);
    if (!r) continue;
    if (r.verdict === 'sells' && !r.strong) {
      if (weakSells.length < 3) weakSells.push(sentenceEvidence(doc, s));
    } else if (found[r.verdict].length < 3) found[r.verdict].push(sentenceEvidence(doc, s));
  }
  // A stated sale outweighs a denial elsewhere (policies often deny "selling for money" and then admit CCPA sharing);
  // a sale read only from a pronoun ("we may sell it") does not outweigh "we do not sell your personal data".
  if (found.sells.length > 0) return { value: 'sells', confidence: found.doesNotSell.length ? 0.55 : 0.75, evidence: found.sells };
  if (found.sharesForAds.length > 0) return { value: 'sharesForAds', confidence: 0.7, evidence: found.sharesForAds };
  if (found.doesNotSell.length > 0) return { value: 'doesNotSell', confidence: found.doesNotSell.length > 1 ? 0.9 : 0.75, evidence: found.doesNotSell };
  if (weakSells.length > 0) return { value: 'sells', confidence: 0.55, evidence: weakSells };
  return { value: 'notMentioned', confidence: 0.6, evidence: [] };
}
