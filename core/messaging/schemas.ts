import { z } from 'zod';
import { settingsSchemaV1 } from '../settings/schema';
import { MAX_SETTINGS_FILE_BYTES } from '../settings/file';
import type { ContentMessageName, ExtensionMessageName } from './protocol';

const site = z.string().min(1).max(253);
const empty = z.strictObject({});

const override = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('allowAll') }),
  z.strictObject({ mode: z.literal('denyAll') }),
  z.strictObject({ mode: z.literal('custom'), purposes: settingsSchemaV1.shape.preferences.omit({ legitimateInterest: true }) }),
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

/** Every content-script payload is parsed with these before a handler sees it. */
export const contentSchemas: Record<ContentMessageName, z.ZodType> = {
  'page.hello': z.strictObject({ url, top: z.boolean() }),
  'consent.ac': z.strictObject({ message: autoconsentMessage }),
};

/** Extension pages are trusted more, but their payloads are still checked. */
export const extensionSchemas: Record<ExtensionMessageName, z.ZodType> = {
  'settings.get': empty,
  'settings.save': z.strictObject({ settings: settingsSchemaV1 }),
  // Characters, not bytes: the file parser applies the byte limit itself.
  'settings.import': z.strictObject({ text: z.string().max(MAX_SETTINGS_FILE_BYTES * 2) }),
  'site.setPaused': z.strictObject({ site, paused: z.boolean() }),
  'site.setOverride': z.strictObject({ site, override: override.nullable() }),
  'tab.status': z.strictObject({ tabId: z.number().int().nonnegative() }),
  'data.eraseAll': empty,
  'consent.status': z.strictObject({ tabId: z.number().int().nonnegative() }),
  'consent.answerAgain': z.strictObject({ tabId: z.number().int().nonnegative() }),
};
