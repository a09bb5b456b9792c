/**
 * The policy reader's contract: what `analysePolicy` returns and what the
 * link finder takes and gives. Everything here is plain JSON (stored in
 * IndexedDB, printed by `npm run analyze-policy`). Vocabularies are closed
 * string unions kept as data (the `*_KINDS` arrays) so the UI can translate
 * every value.
 */

/** An exact quote of the normalised text: `text.slice(start, end) === quote`. */
export interface Evidence {
  quote: string;
  start: number;
  end: number;
}

/** One extracted value, how sure the extractor is (0..1), and where it read it. */
export interface Field<T> {
  value: T;
  confidence: number;
  evidence: Evidence[];
}

export const LANGUAGES = ['en', 'vi', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'ro'] as const;
/** A detected language, or 'und' when the text is too short or unlike any supported one. */
export type PolicyLanguage = (typeof LANGUAGES)[number] | 'und';

export const CONTACT_ROLES = [
  'privacy',
  'dpo',
  'general',
  'euRepresentative',
  'ukRepresentative',
  'authority',
  'processor',
  'careers',
  'press',
  'other',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** Roles that are never the place to send a rights request. */
export const NOT_A_CONTACT_ROLES: readonly ContactRole[] = ['authority', 'processor', 'careers', 'press'];

export const CONTACT_CHANNELS = ['email', 'webForm', 'postal', 'phone'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface PolicyContact {
  channel: ContactChannel;
  /** An email address (lower-case, de-obfuscated), an absolute URL, a postal address or a phone number. */
  value: string;
  role: ContactRole;
  evidence: Evidence;
}

export const DATA_CATEGORIES = [
  'contact',
  'identifiers',
  'account',
  'financial',
  'location',
  'deviceAndUsage',
  'cookiesAndTracking',
  'communications',
  'userContent',
  'demographic',
  'health',
  'biometric',
  'sensitive',
  'children',
  'social',
  'professional',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const PURPOSES = [
  'serviceProvision',
  'accountManagement',
  'payments',
  'customerSupport',
  'security',
  'analytics',
  'personalisation',
  'advertising',
  'marketing',
  'research',
  'legalCompliance',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const RECIPIENT_KINDS = [
  'serviceProviders',
  'affiliates',
  'advertisers',
  'analyticsProviders',
  'paymentProviders',
  'authorities',
  'businessTransfer',
  'partners',
  'otherUsers',
] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const SALE_VALUES = ['sells', 'doesNotSell', 'sharesForAds', 'notMentioned'] as const;
export type SaleValue = (typeof SALE_VALUES)[number];

export const RETENTION_KINDS = ['period', 'criteria', 'notStated'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export const RIGHT_KINDS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'automatedDecisions',
  'withdrawConsent',
  'complaint',
  'optOutSale',
  'limitSensitive',
  'nonDiscrimination',
] as const;
export type RightKind = (typeof RIGHT_KINDS)[number];

export const EXERCISE_CHANNELS = ['email', 'webForm', 'accountSettings', 'postal', 'phone'] as const;
export type ExerciseChannel = (typeof EXERCISE_CHANNELS)[number];

export const LEGAL_BASES = ['consent', 'contract', 'legalObligation', 'vitalInterests', 'publicTask', 'legitimateInterests'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const REGIMES = ['GDPR', 'UK GDPR', 'CCPA/CPRA', 'LGPD', 'Vietnam PDPL', 'PIPEDA', 'Swiss FADP', 'COPPA'] as const;
export type Regime = (typeof REGIMES)[number];

export interface Controller {
  name: string;
  /** ISO 3166-1 alpha-2 when known. */
  country: string | null;
}

export interface Retention {
  kind: RetentionKind;
  /** The longest specific period stated, in days, when kind is 'period'. */
  days: number | null;
}

export interface Transfers {
  /** Data leaves the controller's country or region (e.g. outside the EEA). */
  international: boolean;
  /** Named safeguards, e.g. 'standardContractualClauses', 'adequacy', 'dataPrivacyFramework', 'bindingCorporateRules'. */
  safeguards: string[];
}

export interface Sharing {
  /** True when the text says it shares data with third parties; false when it says it does not. */
  shares: boolean;
  recipients: RecipientKind[];
}

export interface PolicySummary {
  /** POLICY_SUMMARY_VERSION at the time of analysis: re-analyse stored text when it differs. */
  version: number;
  language: PolicyLanguage;
  title: string | null;
  /** SHA-256 is the platform's job; this is a fast FNV-1a hash (hex) of the normalised text, for change detection in Node and tests. */
  textHash: string;
  /** Length of the normalised text that evidence offsets point into. */
  textLength: number;
  controller: Field<Controller> | null;
  contacts: PolicyContact[];
  bestContact: Field<PolicyContact> | null;
  dataCategories: Field<DataCategory[]>;
  purposes: Field<Purpose[]>;
  sharing: Field<Sharing>;
  sale: Field<SaleValue>;
  retention: Field<Retention>;
  rights: Field<RightKind[]>;
  /** How the text says rights are exercised. */
  rightsExercise: Field<ExerciseChannel[]>;
  transfers: Field<Transfers>;
  /** The minimum age stated for users (e.g. 13, 16), or null when not stated. */
  childrenMinAge: Field<number | null>;
  /** ISO date (YYYY-MM-DD) the policy says it was last updated or took effect, or null. */
  lastUpdated: Field<string | null>;
  legalBases: Field<LegalBasis[]>;
  /** True when security measures (encryption, access control, ...) are described. */
  securityMeasures: Field<boolean>;
  regimes: Field<Regime[]>;
  /** Non-fatal problems met while reading (input cut at the size cap, no text, ...). */
  warnings: string[];
}

export interface AnalyseInput {
  text?: string;
  html?: string;
  url?: string | null;
  contentType?: string;
}

/** HTML made into text that keeps its structure. Offsets point into `text`. */
export interface StructuredText {
  /** Normalised text: headings as `# ` lines, list items as `- ` lines, table rows with ` | ` between cells. */
  text: string;
  title: string | null;
  /** `lang` attribute of the document element, if any (a prior, often wrong). */
  lang: string | null;
  headings: { level: number; text: string; start: number }[];
  /** Link targets with where their anchor text sits in `text` (mailto included). */
  links: { href: string; text: string; start: number; end: number }[];
  /** True when reading stopped early (elements nested deeper than any real page). */
  truncated?: boolean;
  /** True when finding headings and links again in `text` hit its cap (MAX_HTML_SEARCH_FACTOR): some were left unplaced. */
  searchCut?: boolean;
}

export type LinkRegion = 'footer' | 'nav' | 'header' | 'main' | 'other';

/** A link the content script saw on a page. */
export interface LinkCandidate {
  href: string;
  text: string;
  ariaLabel: string | null;
  rel: string | null;
  title: string | null;
  region: LinkRegion;
}

export type RankedLinkKind = 'privacy' | 'cookie' | 'other';

export interface RankedLink {
  href: string;
  score: number;
  reason: string;
  kind: RankedLinkKind;
}

/**
 * The fixed forms some facts are stored in by `core/policy/diff.ts`, which the
 * popup reads back into the user's words (components/policy/words.ts). Both
 * sides are checked against these types, so the forms are stated once.
 * A list is its items joined by ", ", or "—" when it is empty.
 */
export interface StoredFactForms {
  none: '—';
  retention: `period: ${number | null} days` | Exclude<RetentionKind, 'period'>;
  sharing: `shares: ${string}` | 'does not share';
  transfers: `international: ${string}` | 'none stated';
  securityMeasures: 'described' | 'not described';
}

/** One extracted field that differs between two versions, as display strings. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface PolicyPageSignal {
  likely: boolean;
  score: number;
  reason: string;
}

/** Signatures implemented in their own files and re-exported from core/policy/index.ts. */
export type AnalysePolicy = (input: AnalyseInput) => PolicySummary;
export type HtmlToStructuredText = (html: string) => StructuredText;
export type NormaliseText = (s: string) => string;
export type DetectLanguage = (text: string) => PolicyLanguage;
export type RankPolicyLinks = (candidates: LinkCandidate[], pageUrl: string) => RankedLink[];
export type IsLikelyPolicyPage = (page: { text: string; title: string | null; url?: string | null }) => PolicyPageSignal;
export type DiffSummaries = (before: PolicySummary, after: PolicySummary) => FieldChange[];
