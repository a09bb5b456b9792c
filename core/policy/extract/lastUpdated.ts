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
    const start = s.start + from + date.index;
    return { value: date.iso, confidence: 0.8, evidence: [evidence(doc.text, Math.min(start, s.start + hit.index), Math.max(start + date.length, s.start + hit.index + hit.term.length))] };
  }
  return { value: null, confidence: 0.5, evidence: [] };
}
