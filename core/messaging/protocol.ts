import type { Failure } from './failures';
import type { Identity, Settings, SiteOverride } from '../settings/schema';
import type { IsoDay, LetterLanguage, PauseKind, RegimeId, RequestStatus, RequestType } from '../requests/types';
import type { SettingsProblem } from '../settings/problems';
import type { HeuristicReport } from '../consent/heuristic/report';
import type { ConsentRecord } from '../consent/record';
import type { LedgerProblem } from '../ledger/importProblems';
import type { FieldKind, PermissionKind, PolicyStatus, RequestContact, RequestRecord } from '../ledger/records';

/**
 * A message of the autoconsent engine, relayed from the content script. Its
 * fields are checked by the schema; the engine's own types describe the rest.
 */
export interface AutoconsentMessage {
  type: string;
  [field: string]: unknown;
}

/**
 * The one message contract, `domain.verb` names, split by who may call.
 * Types only: the schemas that check payloads at run time are in ./schemas.
 */

/** What a frame's content script is told about the page it runs in. */
export interface PageConfig {
  site: string | null;
  /** False when the user paused the extension here or everywhere. */
  active: boolean;
  inactiveReason: 'paused' | 'sitePaused' | 'notAWebsite' | null;
  override: SiteOverride | null;
  gpc: boolean;
}

export interface TabStatus {
  tabId: number;
  url: string | null;
  site: string | null;
  /** Frames of the current page whose content script has reported in. */
  framesSeen: number;
  config: PageConfig;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

/** Sent by content scripts: untrusted, since a compromised renderer can send anything. */
export interface ContentMessages {
  'page.hello': { request: { url: string; top: boolean }; response: PageConfig };
  /** The reply is autoconsent's answer (init, eval result, opt-out or opt-in), or null. */
  'consent.ac': { request: { message: AutoconsentMessage }; response: AutoconsentMessage | null };
  /**
   * The frame may be showing a consent dialog: inject the consent engine into it. `adapter`: the known CMP whose
   * container it saw, answered at once when its API says it is unanswered. The reply says whether the engine was injected.
   */
  'consent.load': { request: { adapter: string | null }; response: boolean };
  /** A consent dialog no rule knows: should its refusal be pressed? */
  'consent.heuristic': { request: { report: HeuristicReport }; response: { press: boolean } };
  /** What pressing it did. */
  'consent.heuristicResult': { request: { pressed: boolean; gone: boolean; unlocked: string[] }; response: null };
  /** Form fields on the page that ask for personal data: what is asked, never what is typed. */
  'ledger.formFields': { request: FormFieldsReport; response: null };
  /** A permission prompt the page raised (seen by the main-world watcher), and the answer. */
  'ledger.permission': { request: PermissionReport; response: null };
}

export type FieldEvidence = 'type' | 'autocomplete' | 'name' | 'label' | 'placeholder';

export interface FormFieldsReport {
  url: string;
  /** Each kind once, with what gave it away and the words that did. */
  fields: { kind: FieldKind; via: FieldEvidence; hint: string }[];
  /** A form holding one of them submits over plain HTTP. */
  insecureSubmit: boolean;
}

export interface PermissionReport {
  url: string;
  permission: PermissionKind;
  /** `dismissed`: closed without an answer; `unknown`: the page never learnt the answer. */
  result: 'granted' | 'denied' | 'dismissed' | 'unknown';
}

/**
 * What importing a ledger file did: rows added per table and rows already
 * held, or the file refused whole with every problem (each has `path` and an
 * English `message`, and a `reason` the interface words in the user's language).
 */
export type LedgerImportResult =
  | { ok: true; added: Record<string, number>; skipped: number }
  | { ok: false; problems: LedgerProblem[] };

/**
 * Where the identity stands. `protected`: sealed with a passphrase; `locked`:
 * sealed and not unlocked in this browser session, so `identity` is null.
 */
export interface IdentityState {
  protected: boolean;
  locked: boolean;
  identity: Identity | null;
}

export type UnlockResult = { ok: true; state: IdentityState } | { ok: false; reason: 'wrongPassphrase' };

/** A request as the composer hands it over: a draft (`sentOn` null) or sent on a day. */
export interface RequestInput {
  /** Given to update a stored draft. */
  id?: string;
  site: string;
  /** The company the letter was addressed to, as the letter names it. */
  company?: string | null;
  regime: RegimeId;
  type: RequestType;
  language: LetterLanguage;
  contact: RequestContact | null;
  subject: string;
  body: string;
  channel: 'mailto' | 'copy' | 'eml' | 'print' | 'webForm' | null;
  sentOn: IsoDay | null;
  /** By post: the day the company received it, if already known (see RequestRecord.receivedOn). */
  receivedOn?: IsoDay | null;
}

/** Sent by the extension's own pages (popup, dashboard, onboarding). */
export interface ExtensionMessages {
  'settings.get': { request: Record<string, never>; response: Settings };
  'settings.save': { request: { settings: Settings }; response: Settings };
  'settings.import': { request: { text: string }; response: ImportResult };
  'site.setPaused': { request: { site: string; paused: boolean }; response: Settings };
  'site.setOverride': { request: { site: string; override: SiteOverride | null }; response: Settings };
  'tab.status': { request: { tabId: number }; response: TabStatus };
  'data.eraseAll': { request: Record<string, never>; response: { erased: true } };
  'consent.status': { request: { tabId: number }; response: ConsentRecord | null };
  /** Forgets what the site's CMP stored and reloads the tab, so the banner is answered afresh. */
  'consent.answerAgain': { request: { tabId: number }; response: { forgotten: string[] } };
  /** Erases everything recorded about one site. */
  'ledger.eraseSite': { request: { site: string }; response: { erased: true } };
  /** Merges an exported ledger file into the database, or refuses it whole. */
  'ledger.import': { request: { text: string }; response: LedgerImportResult };
  /** The identity for letters; only extension pages may ask, never content scripts. */
  'identity.get': { request: Record<string, never>; response: IdentityState };
  'identity.save': { request: { identity: Identity }; response: IdentityState };
  /** Seals the identity with a passphrase and unlocks it for this browser session. */
  'identity.protect': { request: { passphrase: string }; response: IdentityState };
  'identity.unlock': { request: { passphrase: string }; response: UnlockResult };
  'identity.lock': { request: Record<string, never>; response: IdentityState };
  /** Removes the passphrase: the identity goes back into the settings. */
  'identity.unprotect': { request: { passphrase: string }; response: UnlockResult };
  /** Stores a draft, or a request sent on a day with its due date computed, and schedules its reminders. */
  'requests.save': { request: { request: RequestInput }; response: RequestRecord };
  /** Moves a request on (acknowledged, extended, answered, complaint filed, closed) on a day. */
  'requests.setStatus': { request: { id: string; status: RequestStatus; on: IsoDay }; response: RequestRecord };
  /** A postal request's day of receipt, given or corrected: its due day and reminders count from it. */
  'requests.setReceived': { request: { id: string; on: IsoDay }; response: RequestRecord };
  /** The company asked for something first (`on` that day): where the law says so, the clock stops. */
  'requests.pause': { request: { id: string; kind: PauseKind; on: IsoDay }; response: RequestRecord };
  /** The user sent what the company asked for, on a day: the clock runs again. */
  'requests.resume': { request: { id: string; on: IsoDay }; response: RequestRecord };
  'requests.delete': { request: { id: string }; response: { deleted: true } };
  /** Reads the privacy policy of the site the tab shows, now, whatever the reading period. */
  'policy.read': { request: { tabId: number }; response: PolicyReadResult };
  /** Reads the site's policy again from the address it was last found at (the Site page). */
  'policy.readSite': { request: { site: string }; response: PolicyReadResult };
  /** Whether the site's policy is being read at this moment. */
  'policy.status': { request: { site: string }; response: { reading: boolean } };
  /** The user saw the site's "policy changed" notice. */
  'policy.seen': { request: { site: string }; response: null };
}

/** What one reading of a site's policy did. */
export interface PolicyReadResult {
  status: PolicyStatus;
  /** For `ok`: the text was the site's first, a changed one, or the same as before. */
  outcome: 'first' | 'changed' | 'unchanged' | null;
  url: string | null;
}

export type ContentMessageName = keyof ContentMessages;
export type ExtensionMessageName = keyof ExtensionMessages;
export type AnyMessages = ContentMessages & ExtensionMessages;
export type MessageName = keyof AnyMessages;
export type RequestOf<K extends MessageName> = AnyMessages[K]['request'];
export type ResponseOf<K extends MessageName> = AnyMessages[K]['response'];

/** What travels: a tagged envelope, and a reply that says whether it worked. */
export interface Envelope<K extends MessageName = MessageName> {
  channel: 'privacy-ledger';
  type: K;
  payload: RequestOf<K>;
}

/** A refusal or failure; `failure` names one the interface can word for the user (core/messaging/failures.ts). */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; failure?: Failure };
