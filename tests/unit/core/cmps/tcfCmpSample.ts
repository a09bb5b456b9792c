import { GVL, TCModel, TCString } from '@iabtcf/core';
import type { ConsentIntent } from '../../../../core/consent/intent';
import { allPurposes, type PurposeChoices } from '../../../../core/consent/purposes';

/** Sample TC strings for the TCF-based adapter tests, encoded with @iabtcf/core from a tiny vendor list of our own. */
const entry = (id: number) => [id, { id, name: `Purpose ${id}`, description: '' }];
const gvl = new GVL({
  gvlSpecificationVersion: 3, vendorListVersion: 5, tcfPolicyVersion: 4, lastUpdated: '2025-01-01T00:00:00Z',
  purposes: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(entry)),
  specialPurposes: {}, features: {}, specialFeatures: Object.fromEntries([1, 2].map(entry)), stacks: {}, dataCategories: {},
  vendors: {
    3: { id: 3, name: 'Ads', purposes: [1, 2, 3, 4], legIntPurposes: [7], flexiblePurposes: [], specialPurposes: [], features: [], specialFeatures: [1, 2] },
    8: { id: 8, name: 'Metrics', purposes: [1, 8, 9], legIntPurposes: [10], flexiblePurposes: [], specialPurposes: [], features: [], specialFeatures: [] },
  },
} as unknown as ConstructorParameters<typeof GVL>[0]);

export function tcString(bits: { consents?: number[]; li?: number[]; sf?: number[] }, cmpId = 6): string {
  const model = new TCModel(gvl);
  model.cmpId = cmpId;
  model.cmpVersion = 1;
  model.isServiceSpecific = true;
  model.purposeConsents.set(bits.consents ?? []);
  model.purposeLegitimateInterests.set(bits.li ?? []);
  model.specialFeatureOptins.set(bits.sf ?? []);
  if (bits.consents?.length) model.vendorConsents.set([3, 8]);
  return TCString.encode(model);
}

export const PROFILES: Record<string, { purposes: PurposeChoices; legitimateInterest: 'object' | 'allow' }> = {
  denyOptional: { purposes: allPurposes(false), legitimateInterest: 'object' },
  functionalOnly: { purposes: { ...allPurposes(false), functional: true }, legitimateInterest: 'object' },
  functionalAnalytics: { purposes: { ...allPurposes(false), functional: true, analytics: true }, legitimateInterest: 'object' },
  acceptAll: { purposes: allPurposes(true), legitimateInterest: 'allow' },
};
export const intentOf = (name: string): ConsentIntent => ({ ...PROFILES[name]!, source: 'preferences' });

/** The TC bits each profile must end with, written out by hand (TCF table in core/consent/tcf/purposes.json). */
export const EXPECTED: Record<string, { consents: number[]; li: number[]; sf: number[] }> = {
  denyOptional: { consents: [], li: [], sf: [] },
  // No TCF purpose is "functional", so purpose 1 (storage) has nothing to serve.
  functionalOnly: { consents: [], li: [], sf: [] },
  functionalAnalytics: { consents: [1, 8, 9, 10], li: [], sf: [] },
  acceptAll: { consents: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], li: [2, 7, 8, 9, 10, 11], sf: [1, 2] },
};
