import type { ConsentIntent } from './intent';
import { PURPOSES, type Purpose } from './purposes';

/**
 * What a CMP says it stored, per purpose: true or false where a category of
 * the site maps to the purpose, absent where the site does not ask about it.
 */
export interface StoredConsent {
  purposes: Partial<Record<Purpose, boolean>>;
  /** Purposes the CMP keeps on by legitimate interest after the answer. */
  legitimateInterestOn: string[];
  /** Where the state was read: the API call or cookie, as the user can check it. */
  evidence: string;
  /** Categories we could not place that are on. */
  otherOn?: string[];
}

export interface Mismatch {
  /** `other`: a category whose name we could not place was left on. */
  purpose: Purpose | 'legitimateInterest' | 'other';
  intended: boolean;
  stored: boolean;
}

export type Verdict =
  | { status: 'respected'; mismatches: []; checked: Purpose[] }
  | { status: 'notRespected'; mismatches: Mismatch[]; checked: Purpose[] };

/** Compares intended and stored, purpose by purpose, legitimate interest included. */
export function verify(intent: ConsentIntent, stored: StoredConsent): Verdict {
  const mismatches: Mismatch[] = [];
  const checked: Purpose[] = [];
  for (const purpose of PURPOSES) {
    const value = stored.purposes[purpose];
    if (value === undefined) continue;
    checked.push(purpose);
    if (value !== intent.purposes[purpose]) mismatches.push({ purpose, intended: intent.purposes[purpose], stored: value });
  }
  if ((stored.otherOn?.length ?? 0) > 0 && !PURPOSES.every((p) => intent.purposes[p])) {
    mismatches.push({ purpose: 'other', intended: false, stored: true });
  }
  if (intent.legitimateInterest === 'object' && stored.legitimateInterestOn.length > 0) {
    mismatches.push({ purpose: 'legitimateInterest', intended: false, stored: true });
  }
  return mismatches.length === 0 ? { status: 'respected', mismatches: [], checked } : { status: 'notRespected', mismatches, checked };
}
