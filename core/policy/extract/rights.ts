/**
 * Rights the policy describes (GDPR Art. 15-22 and 77, CCPA/CPRA, Vietnam's
 * decree) and how the text says to exercise them.
 */
import { groups } from '../lexicon';
import { compileTerms, firstHit } from '../match';
import { sentenceEvidence, type Doc } from '../segment';
import { EXERCISE_CHANNELS, RIGHT_KINDS, type Evidence, type ExerciseChannel, type Field, type PolicyContact, type RightKind } from '../types';
import { compileGroups, extractTermSet } from './termSet';

const RIGHTS = compileGroups(RIGHT_KINDS, groups('rights'));
const EXERCISE = groups('exercise');
const EXERCISE_RES = new Map(Object.entries(EXERCISE).map(([k, v]) => [k, compileTerms(v)]));

/** A sentence about rights: in a rights section, or naming a right, a request or the data subject. */
const RIGHTS_SECTION =
  /right|choice|control|access|request|object|withdraw|consent|subject to|recht|betroffen|auskunft|widerspruch|widerruf|einwilligung|droit|consentement|derecho|consentimiento|quyền|đồng ý|drept|consimț|complain|beschwer|réclamation|reclamación|khiếu nại|plângere|your data|ihre daten|vos données|tus datos|data protection|datenschutz|protection des données|protección de datos/;

export function extractRights(doc: Doc): Field<RightKind[]> {
  return extractTermSet(doc, RIGHTS, {
    accept: (s) => RIGHTS_SECTION.test(s.heading) || RIGHTS_SECTION.test(s.lower),
  });
}

export function extractRightsExercise(doc: Doc, rights: Field<RightKind[]>, contacts: readonly PolicyContact[]): Field<ExerciseChannel[]> {
  const found = new Set<ExerciseChannel>();
  const evidence: Evidence[] = [];
  const eligible = contacts.filter((c) => c.role === 'privacy' || c.role === 'dpo' || c.role === 'general');
  for (const c of eligible) {
    if (c.channel === 'email' || c.channel === 'webForm' || c.channel === 'postal' || c.channel === 'phone') {
      if (!found.has(c.channel)) evidence.push(c.evidence);
      found.add(c.channel);
    }
  }
  if (rights.value.length > 0) {
    for (const s of doc.sentences) {
      if (!RIGHTS_SECTION.test(s.heading) && !RIGHTS_SECTION.test(s.lower)) continue;
      for (const [k, re] of EXERCISE_RES) {
        const channel = k as ExerciseChannel;
        if (found.has(channel)) continue;
        const hit = firstHit(re, s.lower);
        if (hit) {
          found.add(channel);
          evidence.push(sentenceEvidence(doc, s, s.start + hit.index, 240));
        }
      }
    }
  }
  const value = EXERCISE_CHANNELS.filter((c) => found.has(c));
  return { value, confidence: value.length ? 0.7 : 0.4, evidence };
}
