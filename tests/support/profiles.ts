import type { ConsentIntent } from '../../core/consent/intent';
import { allPurposes, type PurposeChoices } from '../../core/consent/purposes';

/** The four preference profiles every banner is answered with in the tests. */
export const PROFILE_PURPOSES = {
  denyOptional: allPurposes(false),
  functionalOnly: { ...allPurposes(false), functional: true },
  functionalAnalytics: { ...allPurposes(false), functional: true, analytics: true },
  acceptAll: allPurposes(true),
} satisfies Record<string, PurposeChoices>;

export type ProfileName = keyof typeof PROFILE_PURPOSES;

/** An intent from the preferences that objects to legitimate interest. */
export const objectingIntent = (purposes: PurposeChoices): ConsentIntent => ({ purposes, legitimateInterest: 'object', source: 'preferences' });
