/**
 * The best place to send a rights request: the controller's privacy or DPO
 * address or request form, mentioned where the text talks about rights,
 * then a general address of the same organisation. Authorities, processors
 * and other vendors, careers and press addresses are never chosen.
 */
import type { Doc } from '../segment';
import { NOT_A_CONTACT_ROLES, type ContactRole, type Field, type PolicyContact } from '../types';
import { contactMentions } from './contacts';

const ROLE_SCORE: Partial<Record<ContactRole, number>> = {
  privacy: 10,
  dpo: 9,
  general: 5,
  euRepresentative: 3,
  ukRepresentative: 2.5,
  other: 1,
};

export function pickBestContact(doc: Doc, contacts: readonly PolicyContact[]): Field<PolicyContact> | null {
  const eligible = contacts.filter((c) => !NOT_A_CONTACT_ROLES.includes(c.role));
  if (eligible.length === 0) return null;
  const mentions = contactMentions(doc, eligible);
  let best: PolicyContact | null = null;
  let bestScore = -Infinity;
  for (const c of eligible) {
    const m = mentions.get(`${c.channel}:${c.value}`) ?? { count: 1, rights: false };
    let score = ROLE_SCORE[c.role] ?? 0;
    score += Math.min(m.count - 1, 4) * 0.5;
    if (m.rights) score += 2;
    if (c.channel === 'webForm') score -= c.role === 'privacy' ? 0.5 : 2;
    // A phone number is a last resort: a request should leave a written trace.
    if (c.channel === 'phone') score -= 6;
    // A postal address comes last: policies print addresses for many reasons.
    if (c.channel === 'postal') score -= 6.5;
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  if (!best) return null;
  return { value: best, confidence: Math.max(0.2, Math.min(1, bestScore / 14)), evidence: [best.evidence] };
}
