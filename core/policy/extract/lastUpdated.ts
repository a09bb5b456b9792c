/** The date the policy says it was last updated or took effect. */
import { terms } from '../lexicon';
import { compileTerms, firstHit } from '../match';
import { evidence, type Doc } from '../segment';
import type { Field, PolicyLanguage } from '../types';
import { findDate } from './dates';

const UPDATED = compileTerms(terms('updated'));

export function extractLastUpdated(doc: Doc, language: PolicyLanguage): Field<string | null> {
  const monthFirst = language === 'en';
  for (const s of doc.sentences) {
    const hit = firstHit(UPDATED, s.lower);
    if (!hit) continue;
    // The date follows the words ("Last updated: May 25, 2018") or, less often, precedes them.
    const from = Math.max(0, hit.index - 40);
    const window = s.lower.slice(from, hit.index + hit.term.length + 80);
    const date = findDate(window, monthFirst);
    if (!date) continue;
    // "effective from June 24, 2021, until October 6, 2025" describes the previous version: the current one starts at the end date.
    const afterAt = from + date.index + date.length;
    const until = /^,?\s?(?:until|through|bis(?! dahin)|jusqu’au|jusqu'au|hasta el)\s/.exec(s.lower.slice(afterAt, afterAt + 16));
    if (until) {
      const end = findDate(s.lower.slice(afterAt + until[0].length, afterAt + until[0].length + 40), monthFirst);
      if (!end || end.index !== 0) continue;
      const endStart = s.start + afterAt + until[0].length;
      return { value: end.iso, confidence: 0.5, evidence: [evidence(doc.text, s.start + afterAt, endStart + end.length)] };
    }
    const start = s.start + from + date.index;
    return { value: date.iso, confidence: 0.8, evidence: [evidence(doc.text, Math.min(start, s.start + hit.index), Math.max(start + date.length, s.start + hit.index + hit.term.length))] };
  }
  return { value: null, confidence: 0.5, evidence: [] };
}
