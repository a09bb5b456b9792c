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
import { compileTerms, firstHit, hasTerm } from '../match';
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
  const before = lower.slice(Math.max(0, at - 60), at);
  const after = lower.slice(at + len, at + len + 40);
  return hasTerm(NEGATION, before) || /^\S*\s+(?:\S+\s+){0,3}(?:nicht|pas|jamais|niemals|keine?)(?![\p{L}])/u.test(after);
}

type Verdict = 'sells' | 'doesNotSell' | 'sharesForAds';

function classify(s: Sentence): Verdict | null {
  const lower = s.lower;
  if (hasTerm(BUSINESS_TRANSFER, lower) && !hasTerm(AFFIRM, lower)) return null;
  const ads = firstHit(ADS, lower);
  const sell = firstHit(SELL, lower);
  const affirm = firstHit(AFFIRM, lower);
  if (affirm && !negated(lower, affirm.index, affirm.term.length)) {
    return hasTerm(CHILDREN, lower) ? null : ads || /shar|advertis/.test(lower) ? 'sharesForAds' : 'sells';
  }
  if (!sell || !hasTerm(DATA, lower)) return ads && !hasTerm(CHILDREN, lower) && !hasTerm(BOILERPLATE, lower) ? 'sharesForAds' : null;
  if (hasTerm(CHILDREN, lower)) return null;
  if (negated(lower, sell.index, sell.term.length)) return 'doesNotSell';
  if (ads) return 'sharesForAds';
  if (hasTerm(BOILERPLATE, lower) || /opt[- ]?out|do not sell|right|recht|droit|derecho|quyền/.test(lower)) return null;
  // "sale" as a noun about products, tickets or homes: only a sale of data counts.
  if (/\b(?:sale|sales|vente|venta|verkauf)\b/.test(sell.term) && !/\b(?:data|information|daten|données|datos|dữ liệu)\b/.test(lower.slice(sell.index, sell.index + 60))) return null;
  if (/\b(?:buy|rent|find)\b.{0,40}\bsell\b|\bsell\b.{0,20}\b(?:home|house|car|products?|tickets?)\b/.test(lower)) return null;
  return 'sells';
}

export function extractSale(doc: Doc): Field<SaleValue> {
  const found: Record<Verdict, Evidence[]> = { sells: [], doesNotSell: [], sharesForAds: [] };
  for (const s of doc.sentences) {
    if (s.isHeading && !/do not sell|we do not sell|nicht verkauf|ne vendons/.test(s.lower)) continue;
    if (!hasTerm(SELL, s.lower) && !hasTerm(ADS, s.lower) && !hasTerm(AFFIRM, s.lower)) continue;
    const v = classify(s);
    if (v && found[v].length < 3) found[v].push(sentenceEvidence(doc, s));
  }
  // A stated sale outweighs a denial elsewhere (policies often deny "selling for money" and then admit CCPA sharing).
  if (found.sells.length > 0) return { value: 'sells', confidence: found.doesNotSell.length ? 0.55 : 0.75, evidence: found.sells };
  if (found.sharesForAds.length > 0) return { value: 'sharesForAds', confidence: 0.7, evidence: found.sharesForAds };
  if (found.doesNotSell.length > 0) return { value: 'doesNotSell', confidence: found.doesNotSell.length > 1 ? 0.9 : 0.75, evidence: found.doesNotSell };
  return { value: 'notMentioned', confidence: 0.6, evidence: [] };
}
