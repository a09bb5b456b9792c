/**
 * The closed-vocabulary fields: data categories, purposes, legal bases,
 * regimes and how rights are exercised. Each is a term set from the lexicons.
 */
import { groups } from '../lexicon';
import type { Doc } from '../segment';
import { DATA_CATEGORIES, LEGAL_BASES, PURPOSES, REGIMES, type DataCategory, type Field, type LegalBasis, type Purpose, type Regime } from '../types';
import { compileGroups, extractTermSet } from './termSet';

const CATEGORIES = compileGroups(DATA_CATEGORIES, groups('categories'));
const PURPOSE_GROUPS = compileGroups(PURPOSES, groups('purposes'));
const BASES = compileGroups(LEGAL_BASES, groups('legalBases'));
const REGIME_GROUPS = compileGroups(REGIMES, groups('regimes'));

const COLLECTION_CONTEXT = /collect|gather|receive|obtain|process|provide us|we use|information|data|erheb|verarbeit|daten|collect|donnée|recueill|recab|datos|thu thập|dữ liệu|thông tin|date/;

export function extractDataCategories(doc: Doc): Field<DataCategory[]> {
  return extractTermSet(doc, CATEGORIES, { accept: (s) => COLLECTION_CONTEXT.test(s.lower) || COLLECTION_CONTEXT.test(s.heading) });
}

export function extractPurposes(doc: Doc): Field<Purpose[]> {
  return extractTermSet(doc, PURPOSE_GROUPS);
}

const LEGAL_CONTEXT = /legal basis|lawful basis|legal bases|rechtsgrundlage|art\. 6|article 6|base légale|fondement|base jurídica|legitimación|cơ sở pháp lý|temei|basis|grounds/;

export function extractLegalBases(doc: Doc): Field<LegalBasis[]> {
  return extractTermSet(doc, BASES, { accept: (s) => LEGAL_CONTEXT.test(s.lower) || LEGAL_CONTEXT.test(s.heading) || /^\|/.test(s.text) });
}

export function extractRegimes(doc: Doc): Field<Regime[]> {
  const field = extractTermSet(doc, REGIME_GROUPS);
  // "UK GDPR" also contains "GDPR"; both are then named, which is right: the UK text is the GDPR's copy.
  return field;
}
