/**
 * Who receives data: categories of recipients mentioned next to a sharing
 * verb, and whether the text says it shares at all ("we do not share your
 * data with third parties" alone makes `shares` false).
 */
import { groups, terms } from '../lexicon';
import { compileTerms, firstHit, hasTerm } from '../match';
import { sentenceEvidence, type Doc } from '../segment';
import { RECIPIENT_KINDS, type Evidence, type Field, type Sharing } from '../types';
import { compileGroups, extractTermSet } from './termSet';

const RECIPIENTS = compileGroups(RECIPIENT_KINDS, groups('recipients'));
const SHARE = compileTerms(terms('shareVerb'));
const NEGATION = compileTerms(terms('negation'));
const THIRD_PARTY = compileTerms(['third part*', 'dritte*', 'tiers', 'terceros', 'bên thứ ba', 'terț*', 'terte']);
const SHARING_SECTION = /shar|disclos|recipient|third part|empfänger|weitergabe|übermittlung|dritte|destinataire|partage|tiers|destinatario|cesion|terceros|chia sẻ|bên thứ ba|destinatar/;

export function extractSharing(doc: Doc): Field<Sharing> {
  const recipients = extractTermSet(doc, RECIPIENTS, {
    accept: (s) => hasTerm(SHARE, s.lower) || SHARING_SECTION.test(s.heading),
  });
  const affirm: Evidence[] = [];
  const deny: Evidence[] = [];
  for (const s of doc.sentences) {
    const verb = firstHit(SHARE, s.lower);
    if (!verb || !hasTerm(THIRD_PARTY, s.lower)) continue;
    const ev = sentenceEvidence(doc, s, s.start + verb.index, 240);
    if (hasTerm(NEGATION, s.lower.slice(Math.max(0, verb.index - 40), verb.index))) {
      if (deny.length < 2) deny.push(ev);
    } else if (affirm.length < 2) affirm.push(ev);
  }
  const shares = recipients.value.length > 0 || affirm.length > 0;
  const evidence = shares ? [...affirm, ...recipients.evidence].slice(0, 8) : deny;
  return {
    value: { shares, recipients: recipients.value },
    confidence: shares ? Math.max(recipients.confidence, affirm.length ? 0.7 : 0.5) : deny.length ? 0.65 : 0.35,
    evidence,
  };
}
