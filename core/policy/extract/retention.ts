/**
 * How long data is kept: a specific period (a duration next to a retention
 * verb, normalised to days), criteria only ("as long as necessary"), or not
 * stated. Deadlines for answering requests are not retention periods.
 */
import { terms } from '../lexicon';
import { compileTerms, firstHit, hasTerm } from '../match';
import { sentenceEvidence, type Doc } from '../segment';
import type { Evidence, Field, Retention } from '../types';
import { findDurations } from './duration';

const VERB = compileTerms(terms('retentionVerb'));
const CRITERIA = compileTerms(terms('retentionCriteria'));
const RESPONSE = compileTerms(terms('responseTime'));
const HEADING = /retention|retain|keep|how long|storage|speicherdauer|aufbewahr|löschung|speicher|conservation|conserv|durée|plazo|conservación|lưu giữ|lưu trữ|thời gian|păstr|stocare/;

export function extractRetention(doc: Doc): Field<Retention> {
  const periods: { days: number; ev: Evidence }[] = [];
  const criteria: Evidence[] = [];
  for (const s of doc.sentences) {
    if (s.isHeading) continue;
    const durations = findDurations(s.lower);
    const inSection = HEADING.test(s.heading);
    if (durations.length > 0 && (hasTerm(VERB, s.lower) || inSection) && !hasTerm(RESPONSE, s.lower)) {
      // Ages ("18 years old") and law citations are not periods.
      const usable = durations.filter((d) => !/^\S+\s(?:old|alt|de edad|tuổi)/.test(s.lower.slice(d.index, d.index + d.length + 12)));
      for (const d of usable) {
        if (periods.length < 12) periods.push({ days: d.days, ev: sentenceEvidence(doc, s, d.index + s.start) });
      }
      continue;
    }
    if (criteria.length < 3 && hasTerm(CRITERIA, s.lower) && (hasTerm(VERB, s.lower) || inSection)) {
      const hit = firstHit(CRITERIA, s.lower);
      criteria.push(sentenceEvidence(doc, s, hit ? s.start + hit.index : undefined));
    }
  }
  if (periods.length > 0) {
    const longest = periods.reduce((a, b) => (b.days > a.days ? b : a));
    const evidence = [longest.ev, ...periods.filter((p) => p !== longest).slice(0, 2).map((p) => p.ev)];
    return { value: { kind: 'period', days: longest.days }, confidence: periods.length > 1 ? 0.8 : 0.65, evidence };
  }
  if (criteria.length > 0) return { value: { kind: 'criteria', days: null }, confidence: 0.7, evidence: criteria };
  return { value: { kind: 'notStated', days: null }, confidence: 0.5, evidence: [] };
}
