import type { Settings } from '../settings/schema';
import { allPurposes, PURPOSES, type PurposeChoices } from './purposes';

/** What the user wants a site's banner answered with. */
export interface ConsentIntent {
  purposes: PurposeChoices;
  /** `object`: switch off purposes the site bases on legitimate interest. */
  legitimateInterest: 'object' | 'allow';
  /** Where the choice came from, for the record. */
  source: 'preferences' | 'siteRule';
}

export type IntentKind = 'denyAll' | 'acceptAll' | 'mixed';

/** The intent for a site, or null when the user wants its banners left alone. */
export function resolveIntent(settings: Settings, site: string): ConsentIntent | null {
  const override = settings.siteOverrides[site];
  const li = settings.preferences.legitimateInterest;
  switch (override?.mode) {
    case 'off':
      return null;
    case 'allowAll':
      return { purposes: allPurposes(true), legitimateInterest: 'allow', source: 'siteRule' };
    case 'denyAll':
      return { purposes: allPurposes(false), legitimateInterest: 'object', source: 'siteRule' };
    case 'custom':
      return { purposes: { ...override.purposes }, legitimateInterest: li, source: 'siteRule' };
    default: {
      const purposes = Object.fromEntries(PURPOSES.map((p) => [p, settings.preferences[p]])) as PurposeChoices;
      return { purposes, legitimateInterest: li, source: 'preferences' };
    }
  }
}

/** Whether an intent is expressible as a plain reject-all or accept-all. */
export function intentKind(intent: ConsentIntent): IntentKind {
  const values = PURPOSES.map((p) => intent.purposes[p]);
  if (values.every((v) => !v)) return 'denyAll';
  if (values.every((v) => v)) return 'acceptAll';
  return 'mixed';
}

/** The fallback setting turned into an intent, for banners no adapter can answer per purpose. */
export function fallbackIntent(settings: Settings): ConsentIntent | null {
  switch (settings.fallback) {
    case 'denyOptional':
      return { purposes: allPurposes(false), legitimateInterest: 'object', source: 'preferences' };
    case 'acceptAll':
      return { purposes: allPurposes(true), legitimateInterest: 'allow', source: 'preferences' };
    case 'askMe':
      return null;
  }
}
