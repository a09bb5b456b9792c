import { KNOWN_ADAPTER_IDS } from '../consent/containers';
import { z } from 'zod';
import { identitySchema, settingsSchemaV2 } from '../settings/schema';
import { LETTER_LANGUAGES, REGIME_IDS, REQUEST_STATUSES, REQUEST_TYPES } from '../requests/types';
import { MAX_SETTINGS_FILE_BYTES } from '../settings/file';
import { MAX_LEDGER_FILE_CHARS } from '../ledger/exportFormat';
import { FIELD_KINDS, PERMISSION_KINDS } from '../ledger/records';
import type { ContentMessageName, ExtensionMessageName } from './protocol';

const site = z.string().min(1).max(253);
const empty = z.strictObject({});

const override = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('allowAll') }),
  z.strictObject({ mode: z.literal('denyAll') }),
  z.strictObject({ mode: z.literal('custom'), purposes: settingsSchemaV2.shape.preferences.omit({ legitimateInterest: true }) }),
  z.strictObject({ mode: z.literal('off') }),
]);

const url = z.string().max(8192);
const cmp = z.string().max(200);

/** The autoconsent messages a content script may relay, field by field. */
const autoconsentMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('init'), url }),
  z.strictObject({ type: z.literal('eval'), id: z.string().max(100), code: z.string().max(20_000), snippetId: z.string().max(100).optional() }),
  z.strictObject({ type: z.literal('visualDelay'), timeout: z.number() }),
  z.strictObject({ type: z.literal('cmpDetected'), cmp, url }),
  z.strictObject({ type: z.literal('popupFound'), cmp, url }),
  z.strictObject({ type: z.enum(['optOutResult', 'optInResult']), cmp, result: z.boolean(), scheduleSelfTest: z.boolean(), url }),
  z.strictObject({ type: z.literal('selfTestResult'), cmp, result: z.boolean(), url }),
  z.strictObject({ type: z.literal('autoconsentDone'), cmp, isCosmetic: z.boolean(), url, duration: z.number(), totalClicks: z.number() }),
  z.strictObject({ type: z.literal('autoconsentError'), details: z.unknown() }),
  z.strictObject({ type: z.literal('report'), instanceId: z.string().max(100), url, mainFrame: z.boolean(), state: z.looseObject({}) }),
]);

const buttonRole = z.enum(['reject', 'save', 'settings', 'accept', 'never']);
const heuristicButton = z.strictObject({ text: z.string().max(300), role: buttonRole.nullable() });
const heuristicReport = z.strictObject({
  found: z.boolean(),
  text: z.string().max(500),
  language: z.string().max(10).nullable(),
  score: z.number(),
  buttons: z.array(heuristicButton).max(60),
  choice: z.strictObject({ text: z.string().max(300), role: z.enum(['reject', 'save']) }).nullable(),
  reason: z.enum(['noReject', 'forbiddenOnly', 'ambiguous', 'paywall', 'ageGate']).nullable(),
  inShadowRoot: z.boolean(),
  inFrame: z.boolean(),
  complete: z.boolean(),
  elapsedMs: z.number(),
});

const fieldKind = z.enum(FIELD_KINDS);
const formFields = z.strictObject({
  url,
  fields: z.array(z.strictObject({
    kind: fieldKind,
    via: z.enum(['type', 'autocomplete', 'name', 'label', 'placeholder']),
    hint: z.string().max(200),
  })).max(FIELD_KINDS.length).refine((fields) => new Set(fields.map((f) => f.kind)).size === fields.length, 'each kind once'),
  insecureSubmit: z.boolean(),
});
const permission = z.strictObject({
  url,
  permission: z.enum(PERMISSION_KINDS),
  result: z.enum(['granted', 'denied', 'dismissed', 'unknown']),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const passphrase = z.strictObject({ passphrase: z.string().min(1).max(1000) });
const requestInput = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  site,
  company: z.string().max(500).nullable().optional(),
  regime: z.enum(REGIME_IDS),
  type: z.enum(REQUEST_TYPES),
  language: z.enum(LETTER_LANGUAGES),
  contact: z.strictObject({
    channel: z.enum(['email', 'webForm', 'postal']),
    value: z.string().min(1).max(2000),
    source: z.enum(['policy', 'companyIndex', 'user']),
    confidence: z.number().min(0).max(1),
  }).nullable(),
  subject: z.string().max(1000),
  body: z.string().max(100_000),
  channel: z.enum(['mailto', 'copy', 'eml', 'print', 'webForm']).nullable(),
  sentOn: isoDay.nullable(),
  receivedOn: isoDay.nullable().optional(),
});

/** A ledger file may be large: the file format's own limit. */
export const MAX_LEDGER_IMPORT_CHARS = MAX_LEDGER_FILE_CHARS;

/** Every content-script payload is parsed with these before a handler sees it. */
export const contentSchemas: Record<ContentMessageName, z.ZodType> = {
  'page.hello': z.strictObject({ url, top: z.boolean() }),
  'consent.ac': z.strictObject({ message: autoconsentMessage }),
  'consent.load': z.strictObject({ adapter: z.enum(KNOWN_ADAPTER_IDS as [string, ...string[]]).nullable() }),
  'consent.heuristic': z.strictObject({ report: heuristicReport }),
  'consent.heuristicResult': z.strictObject({ pressed: z.boolean(), gone: z.boolean(), unlocked: z.array(z.string().max(100)).max(10) }),
  'ledger.formFields': formFields,
  'ledger.permission': permission,
};

/** Extension pages are trusted more, but their payloads are still checked. */
export const extensionSchemas: Record<ExtensionMessageName, z.ZodType> = {
  'settings.get': empty,
  'settings.save': z.strictObject({ settings: settingsSchemaV2 }),
  // Characters, not bytes: the file parser applies the byte limit itself.
  'settings.import': z.strictObject({ text: z.string().max(MAX_SETTINGS_FILE_BYTES * 2) }),
  'site.setPaused': z.strictObject({ site, paused: z.boolean() }),
  'site.setOverride': z.strictObject({ site, override: override.nullable() }),
  'tab.status': z.strictObject({ tabId: z.number().int().nonnegative() }),
  'data.eraseAll': empty,
  'consent.status': z.strictObject({ tabId: z.number().int().nonnegative() }),
  'consent.answerAgain': z.strictObject({ tabId: z.number().int().nonnegative() }),
  'ledger.eraseSite': z.strictObject({ site }),
  'ledger.import': z.strictObject({ text: z.string().max(MAX_LEDGER_IMPORT_CHARS) }),
  'identity.get': empty,
  'identity.save': z.strictObject({ identity: identitySchema }),
  'identity.protect': passphrase,
  'identity.unlock': passphrase,
  'identity.lock': empty,
  'identity.unprotect': passphrase,
  'requests.save': z.strictObject({ request: requestInput }),
  'requests.setStatus': z.strictObject({ id: z.string().min(1).max(200), status: z.enum(REQUEST_STATUSES), on: isoDay }),
  'requests.setReceived': z.strictObject({ id: z.string().min(1).max(200), on: isoDay }),
  'requests.pause': z.strictObject({ id: z.string().min(1).max(200), kind: z.enum(['identity', 'clarification', 'fee']), on: isoDay }),
  'requests.resume': z.strictObject({ id: z.string().min(1).max(200), on: isoDay }),
  'requests.delete': z.strictObject({ id: z.string().min(1).max(200) }),
  'policy.read': z.strictObject({ tabId: z.number().int().nonnegative() }),
  'policy.readSite': z.strictObject({ site }),
  'policy.status': z.strictObject({ site }),
  'policy.seen': z.strictObject({ site }),
};
