import { TCString, type TCModel } from '@iabtcf/core';
import type { ConsentIntent } from '../intent';
import { TCF_LI_CAPABLE, TCF_PURPOSE_IDS, TCF_PURPOSES, TCF_SPECIAL_FEATURE_IDS, TCF_SPECIAL_FEATURES, type TcfTarget } from '../tcf/mapping';
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

/**
 * Purposes and special features as categories. Purpose 1 (storage) is the
 * means of the others: it counts as necessary beside any of them, and as an
 * unplaced category when it is the only thing consented to (the same reading
 * as the generic TCF adapter).
 */
export function tcfCategories(model: TCModel | null, answered: boolean): Category[] {
  const consent = (id: number) => model?.purposeConsents.has(id) ?? false;
  const optIn = (id: number) => model?.specialFeatureOptins.has(id) ?? false;
  const storageAlone = consent(1) && !TCF_PURPOSE_IDS.some((id) => id !== 1 && consent(id)) && !TCF_SPECIAL_FEATURE_IDS.some(optIn);
  const place = (ours: TcfTarget): Category['purpose'] => (ours === 'anyOptional' ? (storageAlone ? null : 'necessary') : ours);
  return [
    ...TCF_PURPOSE_IDS.map((id) => ({
      id: `purpose-${id}`,
      label: `TCF purpose ${id}: ${TCF_PURPOSES.get(id)!.name}`,
      purpose: place(TCF_PURPOSES.get(id)!.ours),
      required: false,
      consented: answered ? consent(id) : null,
    })),
    ...TCF_SPECIAL_FEATURE_IDS.map((id) => ({
      id: `special-feature-${id}`,
      label: `TCF special feature ${id}: ${TCF_SPECIAL_FEATURES.get(id)!.name}`,
      purpose: place(TCF_SPECIAL_FEATURES.get(id)!.ours),
      required: false,
      consented: answered ? optIn(id) : null,
    })),
  ];
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
  const allowed = (ours: TcfTarget) => ours !== 'anyOptional' && intent.purposes[ours];
  const purposeOk = new Map(TCF_PURPOSE_IDS.map((id) => [id, allowed(TCF_PURPOSES.get(id)!.ours)]));
  const featureOk = new Map(TCF_SPECIAL_FEATURE_IDS.map((id) => [id, allowed(TCF_SPECIAL_FEATURES.get(id)!.ours)]));
  const anyOptional = [...purposeOk.values(), ...featureOk.values()].some(Boolean);
  for (const [id, entry] of TCF_PURPOSES) if (entry.ours === 'anyOptional') purposeOk.set(id, anyOptional);
  for (const [id, entry] of TCF_SPECIAL_FEATURES) if (entry.ours === 'anyOptional') featureOk.set(id, anyOptional);
  const liOk = (id: number) => intent.legitimateInterest === 'allow' && purposeOk.get(id) === true && (TCF_LI_CAPABLE as readonly number[]).includes(id);
  return {
    purposes: TCF_PURPOSE_IDS.filter((id) => purposeOk.get(id)),
    legitimateInterests: TCF_PURPOSE_IDS.filter(liOk),
    specialFeatures: TCF_SPECIAL_FEATURE_IDS.filter((id) => featureOk.get(id)),
    rows: [
      ...TCF_PURPOSE_IDS.map((id) => ({ kind: 'purpose' as const, id, name: TCF_PURPOSES.get(id)!.name, consent: purposeOk.get(id)!, legitimateInterest: liOk(id) })),
      ...TCF_SPECIAL_FEATURE_IDS.map((id) => ({ kind: 'specialFeature' as const, id, name: TCF_SPECIAL_FEATURES.get(id)!.name, consent: featureOk.get(id)!, legitimateInterest: false })),
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
