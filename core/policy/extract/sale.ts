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
import { allHits, compileTerms, firstHit, hasTerm } from '../match';
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

function classify(s: Sentence): Verdict | null {
  const lower = s.lower;
  if (hasTerm(BUSINESS_TRANSFER, lower) && !hasTerm(AFFIRM, lower)) return null;
  const ads = firstHit(ADS, lower);
  const sell = firstHit(SELL, lower);
  const affirm = firstHit(AFFIRM, lower);
  // "Although we do not sell for money, our sharing … may be considered a 'sale'": the admission about sharing wins.
  const admission = affirm !== null && allHits(AFFIRM, lower).some((h) => /consider|qualif|constitut|deemed|may be a sale/.test(h.term));
  if (admission && (ads || /shar|advertis/.test(lower)) && !hasTerm(CHILDREN, lower)) return 'sharesForAds';
  if (affirm && !negated(lower, affirm.index, affirm.term.length)) {
    return hasTerm(CHILDREN, lower) ? null : ads || /shar|advertis/.test(lower) ? 'sharesForAds' : 'sells';
  }
  // A denial needs no data word: "…and will never be sold" follows a sentence about the data.
  if (sell && !hasTerm(CHILDREN, lower) && allHits(SELL, lower).some((h) => negated(lower, h.index, h.term.length)) && !hasTerm(BUSINESS_TRANSFER, lower)) return 'doesNotSell';
  if (!sell || !hasTerm(DATA, lower)) return (ads || sharesForAdvertising(lower)) && !hasTerm(CHILDREN, lower) && !hasTerm(BOILERPLATE, lower) ? 'sharesForAds' : null;
  if (hasTerm(CHILDREN, lower)) return null;
  // Any denial in the sentence ("except for this kind of selling, we don't otherwise sell…") makes it a denial.
  for (const hit of allHits(SELL, lower)) if (negated(lower, hit.index, hit.term.length)) return 'doesNotSell';
  if (ads) return 'sharesForAds';
  if (hasTerm(BOILERPLATE, lower) || /opt[- ]?out|do not sell|right|recht|droit|derecho|quyền/.test(lower)) return null;
  // Selling homes, cars or tickets is not selling data: the object after the verb must be data.
  const object = lower.slice(sell.index + sell.term.length, sell.index + sell.term.length + 70);
  if (!/(?:data|information|daten|données|datos|dữ liệu|thông tin|date|informații|it\b|them\b)/.test(object)) return null;
  return 'sells';
}

export function extractSale(doc: Doc): Field<SaleValue> {
  const found: Record<Verdict, Evidence[]> = { sells: [], doesNotSell: [], sharesForAds: [] };
  for (const s of doc.sentences) {
    if (s.isHeading && !/do not sell|we do not sell|nicht verkauf|ne vendons/.test(s.lower)) continue;
    if (!hasTerm(SELL, s.lower) && !hasTerm(ADS, s.lower) && !hasTerm(AFFIRM, s.lower) && !sharesForAdvertising(s.lower)) continue;
    const v = classify(s);
    if (v && found[v].length < 3) found[v].push(sentenceEvidence(doc, s));
  }
  // A stated sale outweighs a denial elsewhere (policies often deny "selling for money" and then admit CCPA sharing).
  if (found.sells.length > 0) return { value: 'sells', confidence: found.doesNotSell.length ? 0.55 : 0.75, evidence: found.sells };
  if (found.sharesForAds.length > 0) return { value: 'sharesForAds', confidence: 0.7, evidence: found.sharesForAds };
  if (found.doesNotSell.length > 0) return { value: 'doesNotSell', confidence: found.doesNotSell.length > 1 ? 0.9 : 0.75, evidence: found.doesNotSell };
  return { value: 'notMentioned', confidence: 0.6, evidence: [] };
}
