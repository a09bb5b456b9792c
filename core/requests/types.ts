import type { FieldKind, PermissionKind } from '../ledger/records';

/**
 * The contract of the rights-request engine (docs/requests.md). Everything
 * here is plain data: the composer, the tracker and the follow-ups in the
 * interface are built from these shapes and the functions in ./index.ts.
 *
 * Dates the law counts in whole days are ISO calendar days (`YYYY-MM-DD`,
 * {@link IsoDay}); moments the ledger recorded are ms since the epoch.
 */

/** A calendar day, `YYYY-MM-DD`, with no time zone: the day as the user lives it. */
export type IsoDay = string;

export const REGIME_IDS = ['gdpr', 'ukGdpr', 'ccpa', 'lgpd', 'vnPdpl'] as const;
export type RegimeId = (typeof REGIME_IDS)[number];

export const REQUEST_TYPES = [
  // GDPR / UK GDPR (and the LGPD and Vietnam where they have the same right)
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'directMarketingObjection',
  'withdrawConsent',
  'automatedDecision',
  // CCPA/CPRA
  'know',
  'delete',
  'correct',
  'optOutSaleSharing',
  'limitSensitive',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Languages letters are written in (independent of the interface language). */
export const LETTER_LANGUAGES = ['en', 'vi', 'de', 'fr'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** Text the interface shows, in its two languages. */
export interface UiText {
  en: string;
  vi: string;
}

/** How a period is counted. `businessDays` skip Saturdays, Sundays and listed holidays. */
export type DurationUnit = 'months' | 'calendarDays' | 'businessDays';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/** A statutory (or, when `statutory` is false, merely customary) period to answer. */
export interface DeadlineRule extends Duration {
  /** The day the clock starts: the controller's receipt of the request. */
  start: 'receipt';
  /** A last day on a Saturday, Sunday or listed holiday moves to the next working day. */
  rollForward: boolean;
  /** False when the law names no number and this is only a reasonable follow-up date. */
  statutory: boolean;
  citation: string;
  /** Checked against the law's text; false means "believed, not yet confirmed". */
  confirmed: boolean;
  note: string;
}

export interface ExtensionRule extends Duration {
  /** The extension is valid only if the requester is told within this period of receipt. */
  noticeWithin: Duration | null;
  conditions: string;
  citation: string;
  confirmed: boolean;
}

export interface AcknowledgementRule {
  within: Duration;
  citation: string;
  confirmed: boolean;
}

/** What a company may ask for first, stopping the clock. */
export type PauseKind = 'identity' | 'clarification' | 'fee';

/** When the law stops the clock (identity check, clarification, fee). */
export interface PauseRule {
  kind: PauseKind;
  citation: string;
  confirmed: boolean;
  note: string;
}

/** How much proof of identity a company may ask for. */
export type VerificationLevel = 'none' | 'reasonableDoubt' | 'verifiable' | 'controllerProcedure';

export interface RequestTypeSpec {
  type: RequestType;
  /** Articles or sections the letter cites, e.g. `Art. 15(3) GDPR`. */
  citations: string[];
  /** Shown one click away in the popup ("Get my data", "Delete my data"). */
  primary: 'get' | 'delete' | null;
  deadline: DeadlineRule;
  extension: ExtensionRule | null;
  acknowledgement: AcknowledgementRule | null;
  verification: VerificationLevel;
  verificationNote: string;
  /** What the letter cites when it limits identity checks. */
  verificationCitation: string;
  sourceUrl: string;
  confirmed: boolean;
}

export interface Regime {
  id: RegimeId;
  /** Short name, e.g. `GDPR`. */
  name: string;
  /** The law's full title. */
  law: string;
  /** ISO 3166-1 alpha-2 countries of residence it protects. */
  countries: string[];
  /** Whom it protects, in one English sentence the interface can show before the user picks it. */
  appliesTo: string;
  /**
   * Its letters state that the user lives where it applies (the CCPA: "I am a California resident"), so it is
   * chosen only from the user's own country, never from the company's or the site's; it stays an alternative.
   */
  residentsOnly: boolean;
  /** Country-code TLDs of sites it usually applies to. */
  siteTlds: string[];
  /** Letters are written in these languages, the first being the usual one. */
  languages: LetterLanguage[];
  types: RequestTypeSpec[];
  pauses: PauseRule[];
  /** How long the supervisory authority has to tell the complainant how it goes. */
  complaintFollowUp: (Duration & { citation: string; confirmed: boolean }) | null;
  /** The provision a complaint to the authority is lodged under. */
  complaint: { citation: string; confirmed: boolean; note: string };
  sourceUrl: string;
  confirmed: boolean;
}

export interface RegimeChoice {
  regime: RegimeId;
  reason: 'residence' | 'companyCountry' | 'siteTld' | 'fallback';
  /** Other regimes that may apply too, the user can switch to any of them. */
  alternatives: RegimeId[];
}

/**
 * Status of a tracked request. `overdue` is also derived by {@link StatusAt}.
 * `paused`: the company asked for something first (identity details, a
 * clarification, a fee) where the law stops the clock for it.
 */
export const REQUEST_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'extended',
  'paused',
  'answered',
  'overdue',
  'complaintFiled',
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

// ---------------------------------------------------------------------------
// What a letter says

/** Only the identity fields the user chose to disclose to this company. */
export interface LetterIdentity {
  name: string;
  email?: string | null;
  postalAddress?: string | null;
  accountIds: { label: string; value: string }[];
}

/**
 * What the ledger knows about the site, filled by the interface from the
 * ledger tables: `consent.answer` events (asked/refused/stored), `cookies`
 * rows with a `violation`, `form.fields` and `permission.prompt` events,
 * `thirdParties`, and the policy reader's controller. Every list may be empty.
 */
export interface LedgerFacts {
  /** Purposes and vendors the banner asked consent for; form fields; permission prompts. */
  asked: {
    purposes: string[];
    vendors: string[];
    formFields: FieldKind[];
    permissions: PermissionKind[];
  };
  /** Purposes the user refused and when (ms since epoch), if they did. */
  refused: { purposes: string[]; at: number | null };
  /** Cookies set although their purpose had been refused. */
  cookiesDespiteRefusal: { name: string; domain: string; purpose: string; at: number }[];
  /** What the consent platform stored after the answer. */
  storedConsent: {
    cmp: string;
    purposesOn: string[];
    purposesOff: string[];
    legitimateInterestOn: string[];
    tcString: string | null;
    readAt: number;
  } | null;
  /** Third parties (registrable domains) the site's pages contacted. */
  thirdParties: string[];
  /** From the policy reader, when it read one. */
  policy: { controller: string | null; url: string | null } | null;
}

export interface LetterInput {
  regime: RegimeId;
  type: RequestType;
  language: LetterLanguage;
  company: { name: string; site: string; contact: string | null };
  identity: LetterIdentity;
  facts: LedgerFacts;
  /** The day the letter is dated. */
  today: IsoDay;
  /** The user's own words where a type needs them (what to correct, why to restrict, their situation). */
  details?: string | null;
  /** Sent by post: the day it is received is unknown, so the letter names the period and no due day. */
  byPost?: boolean;
}

export interface Letter {
  subject: string;
  /** Plain text; the interface escapes it when showing it. */
  body: string;
  /** The articles/sections the letter cites. */
  citations: string[];
}

export type FollowUpKind = 'reminder' | 'complaint';

export interface FollowUpInput extends LetterInput {
  /** The request this follows up. */
  original: { sentAt: IsoDay; dueDate: IsoDay; channel: string | null };
  /** For a complaint: the authority it is addressed to. */
  authority?: Authority | null;
}

// ---------------------------------------------------------------------------
// Deadlines and tracking

export interface DeadlineOptions {
  /** The company extended the period (with notice in time). */
  extended?: boolean;
  /** Days the clock stood still (identity check, clarification), where the regime allows a pause. */
  pausedDays?: number;
  /** Extra non-working days (public holidays) as ISO days. */
  holidays?: IsoDay[];
}

export interface DeadlineResult {
  dueDate: IsoDay;
  /** The last day if the company extends; null when the law allows no extension. */
  extendedDueDate: IsoDay | null;
  /** The day the company must confirm receipt by, where the law says so. */
  acknowledgeBy: IsoDay | null;
  /** The date an extension notice must be given by, where the law says so. */
  extensionNoticeBy: IsoDay | null;
  /** One line explaining the computation, English (for tooltips and logs). */
  basis: string;
  citation: string;
  statutory: boolean;
  confirmed: boolean;
}

/** The parts of a stored request the tracker needs. */
export interface TrackedRequest {
  regime: RegimeId;
  type: RequestType;
  status: RequestStatus;
  /** The day the company received it; null while a draft. */
  sentAt: IsoDay | null;
  extended?: boolean;
  pausedDays?: number;
  /**
   * The due day as recorded when the request was sent or extended. When given it is
   * the one judged against, so the status agrees with the due day shown, wherever the
   * user is now (a day re-read from a stored time can move across time zones).
   */
  dueDate?: IsoDay | null;
}

export interface ChecklistItem {
  id: string;
  /** The provision, as each interface language names it ("Art. 15(3) GDPR", "Điều 15(3) GDPR"). */
  citation: UiText;
  label: UiText;
}

// ---------------------------------------------------------------------------
// Contacts

export type ContactChannel = 'email' | 'webForm' | 'postal';

/** The policy reader's contact, in the minimal shape this engine needs. */
export interface PolicyContactLike {
  channel: ContactChannel;
  value: string;
  role?: string;
  /** 0..1 */
  confidence?: number;
}

export interface ContactCandidate {
  channel: ContactChannel;
  value: string;
  source: 'policy' | 'companyIndex' | 'user';
  /** 0..1, how sure we are this reaches the right people. */
  confidence: number;
  /** The company index record's quality (`verified`, `tested`, `imported`). */
  quality?: string;
  /** Attribution to show next to a contact from a bundled dataset. */
  credit?: string;
}

export interface CompanyRecord {
  slug: string;
  name: string;
  /** Registrable domains the company runs. */
  domains: string[];
  email: string | null;
  webForm: string | null;
  /** Postal address, lines joined by newlines. */
  address: string | null;
  country: string | null;
  quality: string;
  /** Letter language the company asks for, if known. */
  requestLanguage: string | null;
}

export interface Authority {
  slug: string;
  name: string;
  country: string;
  email: string | null;
  webForm: string | null;
  address: string | null;
  web: string | null;
  /** Where the record comes from. */
  credit: string;
}

// ---------------------------------------------------------------------------
// Channels

export type MailtoResult = { url: string } | { tooLong: true; length: number };

export interface EmlInput {
  from?: string | null;
  to: string;
  subject: string;
  body: string;
  /** Date header, ms since epoch. */
  date: number;
}

export interface IcsEntry {
  /** Stable id of the request (becomes the UID). */
  id: string;
  summary: string;
  description: string;
  dueDate: IsoDay;
  /** Days before the due day to alarm (0 = on the day). */
  alarmDaysBefore: number[];
}

// ---------------------------------------------------------------------------
// Signatures of the engine (implemented in the sibling files)

export type ChooseRegime = (userCountry: string | null, site: string, companyCountry?: string | null) => RegimeChoice;
export type RequestTypesFor = (regime: RegimeId) => RequestTypeSpec[];
export type RenderLetter = (input: LetterInput) => Letter;
export type RenderFollowUp = (kind: FollowUpKind, input: FollowUpInput) => Letter;
export type ComputeDeadline = (regime: RegimeId, type: RequestType, receivedOn: IsoDay, opts?: DeadlineOptions) => DeadlineResult;
export type StatusAt = (request: TrackedRequest, today: IsoDay) => RequestStatus;
export type ResolveContacts = (input: {
  policyBestContact: PolicyContactLike | null;
  site: string;
  userEntered: string | null;
}) => ContactCandidate[];
export type LookupCompany = (site: string) => CompanyRecord | null;
export type BuildMailto = (to: string, subject: string, body: string) => MailtoResult;
export type BuildEml = (input: EmlInput) => string;
export type BuildIcs = (entries: IcsEntry[], now: number) => string;
export type ReplyChecklist = (regime: RegimeId, type: RequestType) => ChecklistItem[];
export type AuthorityFor = (regime: RegimeId, country: string | null) => Authority | null;

/**
 * Whether deadline reminders may show as the browser's notifications (an
 * optional permission): granted; never asked; refused; the browser is asking
 * now; or the browser has no way to ask.
 */
export type NotificationsState = 'granted' | 'notAsked' | 'refused' | 'asking' | 'unavailable';
