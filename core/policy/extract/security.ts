/** Whether the policy describes security measures (encryption, access control, TOMs). */
import { terms } from '../lexicon';
import { compileTerms, firstHit } from '../match';
import { sentenceEvidence, type Doc } from '../segment';
import type { Evidence, Field } from '../types';

const SECURITY = compileTerms(terms('security'));
const SECTION = /secur|sicherheit|sécurité|seguridad|bảo mật|an toàn|securitate|protect/;

export function extractSecurity(doc: Doc): Field<boolean> {
  const evidence: Evidence[] = [];
  let count = 0;
  for (const s of doc.sentences) {
    if (s.isHeading) continue;
    const hit = firstHit(SECURITY, s.lower);
    if (!hit && !(SECTION.test(s.heading) && /measure|maßnahme|mesure|medida|biện pháp|măsuri|safeguard|protect/.test(s.lower))) continue;
    count++;
    if (evidence.length < 3) evidence.push(sentenceEvidence(doc, s, hit ? s.start + hit.index : undefined, 240));
  }
  return { value: count > 0, confidence: count > 2 ? 0.85 : count > 0 ? 0.6 : 0.45, evidence };
}
