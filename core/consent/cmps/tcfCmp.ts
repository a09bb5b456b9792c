import { TCString, type TCModel } from '@iabtcf/core';
import type { ConsentIntent } from '../intent';
import { TCF_LI_CAPABLE, TCF_PURPOSE_IDS, TCF_PURPOSES, TCF_SPECIAL_FEATURE_IDS, TCF_SPECIAL_FEATURES, type TcfTarget } from '../tcf/mapping';
import { allows, planStorage, storageAsMeans } from './categories';
import type { Category } from './types';

/**
 * Shared by the named CMPs that publish their answer as a TC string
 * (Sourcepoint, Google Funding Choices): the TC string is decoded here, in the
 * background, with the shared TCF mapping (core/consent/tcf/purposes.json), so
 * every TCF-based adapter reads purposes the same way.
 */

/** What a named TCF CMP should store: IAB ids, plus the official names for CMPs whose UI has to be driven by label. */
export interface TcfPlan {
  purposes: number[];
  legitimateInterests: number[];
  specialFeatures: number[];
  /** One row per purpose and special feature, in IAB order, with the official English name. */
  rows: { kind: 'purpose' | 'specialFeature'; id: number; name: string; consent: boolean; legitimateInterest: boolean }[];
}

export function decodeTcString(tcString: string | null | undefined): TCModel | null {
  if (!tcString) return null;
  try {
    return TCString.decode(tcString);
  } catch {
    return null;
  }
}

/** What a TC record says of each purpose and special feature, by IAB id. */
export interface TcfBits {
  consent: (id: number) => boolean;
  optIn: (id: number) => boolean;
}

export function tcfBitsOf(model: TCModel | null): TcfBits {
  return { consent: (id) => model?.purposeConsents.has(id) ?? false, optIn: (id) => model?.specialFeatureOptins.has(id) ?? false };
}

const STORAGE_IDS = new Set([
  ...TCF_PURPOSE_IDS.filter((id) => TCF_PURPOSES.get(id)!.ours === 'anyOptional').map((id) => `purpose-${id}`),
  ...TCF_SPECIAL_FEATURE_IDS.filter((id) => TCF_SPECIAL_FEATURES.get(id)!.ours === 'anyOptional').map((id) => `special-feature-${id}`),
]);
/** The TCF categories that are storage, the means of the others (purpose 1). */
export const isTcfStorage = (category: { id: string }) => STORAGE_IDS.has(category.id);

const placed = (ours: TcfTarget): Category['purpose'] => (ours === 'anyOptional' ? 'necessary' : ours);

/**
 * Purposes and special features as categories, for every adapter that reads
 * a TC record. Purpose 1 (storage) is placed by `storageAsMeans`.
 */
export function tcfCategories(bits: TcfBits, answered: boolean): Category[] {
  return storageAsMeans(
    [
      ...TCF_PURPOSE_IDS.map((id) => ({
        id: `purpose-${id}`,
        label: `TCF purpose ${id}: ${TCF_PURPOSES.get(id)!.name}`,
        purpose: placed(TCF_PURPOSES.get(id)!.ours),
        required: false,
        consented: answered ? bits.consent(id) : null,
      })),
      ...TCF_SPECIAL_FEATURE_IDS.map((id) => ({
        id: `special-feature-${id}`,
        label: `TCF special feature ${id}: ${TCF_SPECIAL_FEATURES.get(id)!.name}`,
        purpose: placed(TCF_SPECIAL_FEATURES.get(id)!.ours),
        required: false,
        consented: answered ? bits.optIn(id) : null,
      })),
    ],
    isTcfStorage,
  );
}

/** Purposes still claimed under legitimate interest. Vendor LI bits alone are not counted: a vendor may only use LI for a purpose whose LI bit is on. */
export function tcfLegitimateInterestOn(model: TCModel | null): string[] {
  if (!model) return [];
  return TCF_PURPOSE_IDS.filter((id) => model.purposeLegitimateInterests.has(id)).map((id) => `TCF purpose ${id} (legitimate interest): ${TCF_PURPOSES.get(id)!.name}`);
}

/**
 * The TCF answer for an intent. Purpose 1 is consented exactly when some
 * other purpose or special feature is, so storage is never allowed for
 * nothing. Legitimate interest stays on only where the user allows both the
 * purpose and LI as such.
 */
export function tcfPlan(intent: ConsentIntent): TcfPlan {
  const categories = tcfCategories(tcfBitsOf(null), false);
  const ok = planStorage(Object.fromEntries(categories.map((c) => [c.id, !isTcfStorage(c) && allows(intent, c)])), categories, isTcfStorage);
  const purposeOk = (id: number) => ok[`purpose-${id}`] === true;
  const featureOk = (id: number) => ok[`special-feature-${id}`] === true;
  const liOk = (id: number) => intent.legitimateInterest === 'allow' && purposeOk(id) && (TCF_LI_CAPABLE as readonly number[]).includes(id);
  return {
    purposes: TCF_PURPOSE_IDS.filter(purposeOk),
    legitimateInterests: TCF_PURPOSE_IDS.filter(liOk),
    specialFeatures: TCF_SPECIAL_FEATURE_IDS.filter(featureOk),
    rows: [
      ...TCF_PURPOSE_IDS.map((id) => ({ kind: 'purpose' as const, id, name: TCF_PURPOSES.get(id)!.name, consent: purposeOk(id), legitimateInterest: liOk(id) })),
      ...TCF_SPECIAL_FEATURE_IDS.map((id) => ({ kind: 'specialFeature' as const, id, name: TCF_SPECIAL_FEATURES.get(id)!.name, consent: featureOk(id), legitimateInterest: false })),
    ],
  };
}

/** Vendors the string discloses, else those with any positive signal; null when it names none. */
export function tcfVendorCount(model: TCModel | null): number | null {
  if (!model) return null;
  if (model.vendorsDisclosed.size > 0) return model.vendorsDisclosed.size;
  const named = new Set<number>();
  model.vendorConsents.forEach((on, id) => on && named.add(id));
  model.vendorLegitimateInterests.forEach((on, id) => on && named.add(id));
  return named.size || null;
}
