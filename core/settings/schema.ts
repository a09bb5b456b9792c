import { z } from 'zod';
import { PURPOSES } from '../consent/purposes';
import { normaliseSiteInput } from '../sites/domain';

// Extension pages forbid eval by CSP: tell Zod not to probe for it.
z.config({ jitless: true });

/**
 * The settings format (version 2 is current). It is what `browser.storage.local` holds under
 * the `settings` key and, byte for byte, what Export writes and Import reads
 * (docs/data-model.md). Versions only append: a new version gets a new schema
 * and a migration from the one before; a shipped schema is never edited.
 */
export const SETTINGS_FORMAT = 'privacy-ledger/settings';
export const SETTINGS_VERSION = 2;

/** How long the ledger keeps what it recorded, in days; `null` keeps it forever. */
export const RETENTION_DAYS = [30, 90, 180, 365, 730] as const;
export type RetentionDays = (typeof RETENTION_DAYS)[number] | null;
export const DEFAULT_RETENTION_DAYS: RetentionDays = 365;

const purposeChoices = z.strictObject(
  Object.fromEntries(PURPOSES.map((p) => [p, z.boolean()])) as Record<(typeof PURPOSES)[number], z.ZodBoolean>,
);

/** Names an object already has: as site keys they would be dropped or change the rules object's prototype instead of naming a site. */
const OBJECT_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

const siteKey = z
  .string()
  .max(253)
  .refine((s) => !OBJECT_NAMES.has(s) && normaliseSiteInput(s) === s, { params: { reason: 'invalidSite' } });

const siteOverride = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('allowAll') }),
  z.strictObject({ mode: z.literal('denyAll') }),
  z.strictObject({ mode: z.literal('custom'), purposes: purposeChoices }),
  z.strictObject({ mode: z.literal('off') }),
]);

const email = z
  .string()
  .max(320)
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { params: { reason: 'invalidEmail' } });

export const identitySchema = z.strictObject({
  name: z.string().max(200),
  email,
  postalAddress: z.string().max(1000),
  /** ISO 3166-1 alpha-2, upper case, or empty when not given. */
  country: z.string().regex(/^([A-Z]{2})?$/),
  accountIds: z.array(z.strictObject({ label: z.string().max(100), value: z.string().max(300) })).max(50),
});

export const settingsSchemaV1 = z.strictObject({
  format: z.literal(SETTINGS_FORMAT),
  version: z.literal(1),
  /** False until the user has finished onboarding. */
  onboarded: z.boolean(),
  language: z.enum(['auto', 'en', 'vi']),
  preferences: purposeChoices.extend({ legitimateInterest: z.enum(['object', 'allow']) }),
  /** What to answer when a banner cannot express the user's mix of purposes. */
  fallback: z.enum(['denyOptional', 'acceptAll', 'askMe']),
  siteOverrides: z.record(siteKey, siteOverride),
  /** Sites where the extension does nothing at all. */
  pausedSites: z.array(siteKey).max(10000),
  /** Everywhere: the extension observes and answers nothing. */
  paused: z.boolean(),
  gpc: z.boolean(),
  policyAutoRead: z.boolean(),
  identity: identitySchema,
});

/** Version 2 adds how long the ledger keeps its records. */
export const settingsSchemaV2 = settingsSchemaV1.extend({
  version: z.literal(2),
  ledgerRetentionDays: z.literal(RETENTION_DAYS).nullable(),
});

export type Settings = z.infer<typeof settingsSchemaV2>;
export type Preferences = Settings['preferences'];
export type SiteOverride = z.infer<typeof siteOverride>;
export type SiteOverrideMode = SiteOverride['mode'];
export type Identity = Settings['identity'];
export type Fallback = Settings['fallback'];
export type LanguageSetting = Settings['language'];
