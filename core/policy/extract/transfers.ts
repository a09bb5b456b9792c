/** International transfers and the safeguards named for them (SCCs, adequacy, DPF, BCRs). */
import { groups } from '../lexicon';
import { compileTerms, firstHit } from '../match';
import { sentenceEvidence, type Doc } from '../segment';
import type { Evidence, Field, Transfers } from '../types';

const TRANSFERS = groups('transfers');
const INTERNATIONAL = compileTerms(TRANSFERS.international ?? []);
const SAFEGUARDS = Object.entries(TRANSFERS)
  .filter(([k]) => k !== 'international')
  .map(([k, v]) => ({ kind: k, re: compileTerms(v) }));

export function extractTransfers(doc: Doc): Field<Transfers> {
  const evidence: Evidence[] = [];
  let international = false;
  const safeguards = new Set<string>();
  for (const s of doc.sentences) {
    const hit = firstHit(INTERNATIONAL, s.lower);
    if (hit && !international) {
      international = true;
      evidence.push(sentenceEvidence(doc, s, s.start + hit.index, 240));
    }
    for (const { kind, re } of SAFEGUARDS) {
      if (safeguards.has(kind)) continue;
      const h = firstHit(re, s.lower);
      if (h) {
        safeguards.add(kind);
        international = true;
        evidence.push(sentenceEvidence(doc, s, s.start + h.index, 240));
      }
    }
  }
  return {
    value: { international, safeguards: [...safeguards] },
    confidence: international ? 0.75 : 0.4,
    evidence,
  };
}
