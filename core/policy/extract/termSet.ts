/**
 * The shared shape of the vocabulary extractors (data categories, purposes,
 * recipients, legal bases, rights, regimes…): which values of a closed list
 * the text mentions, each with its first quote. Confidence grows with the
 * number of sentences that mention a value.
 */
import { compileVocabulary, vocabularyHits, type Vocabulary } from '../match';
import { sentenceEvidence, type Doc, type Sentence } from '../segment';
import type { Evidence, Field } from '../types';

export interface CompiledGroups<K extends string> {
  order: readonly K[];
  vocabulary: Vocabulary<K>;
}

export function compileGroups<K extends string>(order: readonly K[], groupTerms: Record<string, string[]>): CompiledGroups<K> {
  return { order, vocabulary: compileVocabulary(order, groupTerms) };
}

export interface TermSetOptions {
  /** Only sentences that pass (e.g. in a rights section or near a sharing verb). */
  accept?: (s: Sentence) => boolean;
  /** Only hits that pass, by their index in the sentence (e.g. not in a denial). */
  acceptHit?: (s: Sentence, index: number) => boolean;
  maxEvidence?: number;
}

export function extractTermSet<K extends string>(doc: Doc, compiled: CompiledGroups<K>, options: TermSetOptions = {}): Field<K[]> {
  const counts = new Map<K, number>();
  const first = new Map<K, Evidence>();
  for (const s of doc.sentences) {
    if (options.accept && !options.accept(s)) continue;
    for (const [k, index] of vocabularyHits(compiled.vocabulary, s.lower, options.acceptHit && ((i) => options.acceptHit!(s, i)))) {
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (!first.has(k)) first.set(k, sentenceEvidence(doc, s, s.start + index, 240));
    }
  }
  const value = compiled.order.filter((k) => counts.has(k));
  const evidence = value.map((k) => first.get(k)!).slice(0, options.maxEvidence ?? 20);
  const mean = value.length ? value.reduce((n, k) => n + Math.min(counts.get(k)!, 5), 0) / value.length : 0;
  return { value, confidence: value.length ? Math.min(0.95, 0.45 + mean * 0.1) : 0.4, evidence };
}
