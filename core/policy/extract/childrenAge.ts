/**
 * The minimum age the policy sets for its users ("not directed to children
 * under 13", "mindestens 18 Jahre alt", "Los menores de 14 años no podrán",
 * "avoir 16 ans", "eighteen (18) years"). The first statement in a sentence
 * about children or a minimum age wins; ages limited to one practice
 * ("we do not sell data of users under 16") come after.
 */
import { terms } from '../lexicon';
import { compileTerms, hasTerm } from '../match';
import { sentenceEvidence, type Doc } from '../segment';
import type { Evidence, Field } from '../types';

const CHILDREN = compileTerms(terms('children'));
const MINIMUM = compileTerms(terms('minimumAge'));
const PRACTICE = compileTerms([...terms('sell'), 'advertis*', 'targeted', 'werbung', 'publicité', 'consent', 'einwilligung', 'consentement', 'consentimiento']);
const AGE = /(?<![\p{N}.,/])(1[0-9]|2[01])\)?\s?(?:years?|yrs|jahre[n]?|lebensjahr|ans|años|tuổi|ani|anni|jaar|lat)(?![\p{L}])|(?:age of|âge de|edad de|alter von|under|unter|moins de|menores de|dưới|sub)\s(1[0-9]|2[01])(?![\p{N}])/u;

export function extractChildrenAge(doc: Doc): Field<number | null> {
  const found: { age: number; ev: Evidence; strong: boolean }[] = [];
  for (const s of doc.sentences) {
    if (!hasTerm(CHILDREN, s.lower) && !hasTerm(MINIMUM, s.lower)) continue;
    const m = AGE.exec(s.lower);
    if (!m) continue;
    const age = Number(m[1] ?? m[2]);
    const strong = hasTerm(MINIMUM, s.lower) || /child|kind|enfant|menor|trẻ em|copii|minderj|mineur/.test(s.lower);
    if (!strong) continue;
    found.push({ age, ev: sentenceEvidence(doc, s, s.start + m.index, 240), strong: !hasTerm(PRACTICE, s.lower) });
    if (found.length >= 8) break;
  }
  const pick = found.find((f) => f.strong) ?? found[0];
  if (!pick) return { value: null, confidence: 0.5, evidence: [] };
  return { value: pick.age, confidence: pick.strong ? 0.8 : 0.55, evidence: [pick.ev] };
}
