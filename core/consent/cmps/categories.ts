import type { ConsentIntent } from '../intent';
import { PURPOSES, type Purpose } from '../purposes';
import type { StoredConsent } from '../verify';
import type { Category, CmpSnapshot } from './types';

/** Whether the intent allows a category: required ones always, unknown ones only when everything is allowed. */
export function allows(intent: ConsentIntent, category: Pick<Category, 'purpose' | 'required'>): boolean {
  if (category.required || category.purpose === 'necessary') return true;
  if (category.purpose === null) return PURPOSES.every((p) => intent.purposes[p]);
  return intent.purposes[category.purpose];
}

/** When a category serves several purposes, it is as sensitive as the most sensitive one. */
const SENSITIVITY: Purpose[] = ['functional', 'analytics', 'personalization', 'social', 'advertising'];
export function strictestPurpose(purposes: (Purpose | 'necessary' | null)[]): Purpose | 'necessary' | null {
  if (purposes.includes(null)) return null;
  const real = purposes.filter((p): p is Purpose => p !== null && p !== 'necessary');
  if (real.length === 0) return purposes.length ? 'necessary' : null;
  return real.sort((a, b) => SENSITIVITY.indexOf(b) - SENSITIVITY.indexOf(a))[0]!;
}

/**
 * What the CMP stored, per purpose: a purpose counts as consented when any
 * category for it is. Categories we cannot name are reported as `other`.
 */
export function storedFromSnapshot(snapshot: CmpSnapshot): StoredConsent & { otherOn: string[] } {
  const purposes: Partial<Record<Purpose, boolean>> = {};
  const otherOn: string[] = [];
  for (const category of snapshot.categories) {
    if (category.required || category.purpose === 'necessary' || category.consented === null) continue;
    if (category.purpose === null) {
      if (category.consented) otherOn.push(category.label || category.id);
      continue;
    }
    purposes[category.purpose] = (purposes[category.purpose] ?? false) || category.consented;
  }
  return { purposes, legitimateInterestOn: snapshot.legitimateInterestOn, evidence: snapshot.evidence, otherOn };
}
