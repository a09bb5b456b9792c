import type { ConsentIntent } from '../intent';
import { PURPOSES, type Purpose } from '../purposes';
import type { StoredConsent } from '../verify';
import type { Category, CmpSnapshot } from './types';

/**
 * Whether the intent allows a category: required ones always, unknown ones
 * only when everything is allowed, one that serves several purposes only when
 * all of them are.
 */
export function allows(intent: ConsentIntent, category: Pick<Category, 'purpose' | 'required' | 'covers'>): boolean {
  if (category.required || category.purpose === 'necessary') return true;
  if (category.purpose === null) return PURPOSES.every((p) => intent.purposes[p]);
  if (category.covers?.length) return category.covers.every((p) => intent.purposes[p]);
  return intent.purposes[category.purpose];
}

/**
 * Whether the CMP's categories can carry the intent: not when one category
 * serves purposes the user answers differently (allow advertising, refuse
 * social, where one switch holds both). The engine then answers with the
 * user's fallback setting and records that it did.
 */
export function expressible(intent: ConsentIntent, categories: readonly Pick<Category, 'required' | 'covers'>[]): boolean {
  return categories.every((c) => c.required || !c.covers?.length || c.covers.every((p) => intent.purposes[p] === intent.purposes[c.covers![0]!]));
}

/** When a category serves several purposes, it is shown as the most sensitive one. */
const SENSITIVITY: Purpose[] = ['functional', 'analytics', 'personalization', 'social', 'advertising'];
export function strictestPurpose(purposes: (Purpose | 'necessary' | null)[]): Purpose | 'necessary' | null {
  if (purposes.includes(null)) return null;
  const real = purposes.filter((p): p is Purpose => p !== null && p !== 'necessary');
  if (real.length === 0) return purposes.length ? 'necessary' : null;
  return real.sort((a, b) => SENSITIVITY.indexOf(b) - SENSITIVITY.indexOf(a))[0]!;
}

/** The purposes of ours a category serves when it serves several, for `Category.covers`; undefined for one or none. */
export function coveredPurposes(purposes: (Purpose | 'necessary' | null)[]): Purpose[] | undefined {
  if (purposes.includes(null)) return undefined;
  const real = [...new Set(purposes.filter((p): p is Purpose => p !== null && p !== 'necessary'))];
  return real.length > 1 ? real : undefined;
}

/**
 * What the CMP stored, per purpose: a purpose counts as consented when any
 * category for it is, a category that serves several counting for each.
 * Categories we cannot name are reported as `other`.
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
    for (const purpose of category.covers?.length ? category.covers : [category.purpose]) purposes[purpose] = (purposes[purpose] ?? false) || category.consented;
  }
  return { purposes, legitimateInterestOn: snapshot.legitimateInterestOn, evidence: snapshot.evidence, otherOn };
}

/**
 * TCF purpose 1, storage on a device, is the means of every other purpose
 * (core/consent/tcf/purposes.json: `anyOptional`). The one reading of it for
 * every adapter that lists it as a category (`isStorage` tells which): set
 * aside as necessary, except when it is consented and no other optional
 * category is. Then it is unplaced, so storage consented for nothing shows
 * as `other`.
 */
export function storageAsMeans(categories: Category[], isStorage: (category: Category) => boolean): Category[] {
  const storageOn = categories.some((c) => isStorage(c) && c.consented === true);
  const otherOn = categories.some((c) => !isStorage(c) && !c.required && c.purpose !== 'necessary' && c.consented === true);
  const alone = storageOn && !otherOn;
  return categories.map((c) => (isStorage(c) ? { ...c, purpose: alone ? null : 'necessary' } : c));
}

/** As planned: storage is consented exactly when another optional category is. */
export function planStorage(consents: Record<string, boolean>, categories: readonly Category[], isStorage: (category: Category) => boolean): Record<string, boolean> {
  const optional = (id: string) => categories.some((c) => c.id === id && !isStorage(c) && !c.required && c.purpose !== 'necessary');
  const anyOther = Object.entries(consents).some(([id, on]) => on && optional(id));
  const planned = { ...consents };
  for (const c of categories) if (isStorage(c) && Object.hasOwn(consents, c.id)) planned[c.id] = anyOther;
  return planned;
}
