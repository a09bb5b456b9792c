import { LEDGER_FORMAT, MAX_EVENT_DATA_DEPTH } from '../../core/ledger/exportFormat';
import type { LedgerRows } from '../../core/ledger/tables';
import { defaultSettings } from '../../core/settings/defaults';
import { MAX_SETTINGS_FILE_BYTES, serializeSettings } from '../../core/settings/file';
import { cookie, sampleRows } from './ledgerRows';

/**
 * Hostile import files, one set for the handlers (unit tests) and for the
 * dashboard's file pickers (end-to-end tests): each must be refused whole and
 * change nothing. `match`: what the refusal must say, as a problem's message
 * pattern or its reason.
 */
export interface HostileFile {
  name: string;
  text: () => string;
  match?: RegExp | { reason: string };
}

/** A valid ledger file of `sampleRows()`, with tables or top-level keys replaced. */
export const ledgerText = (tables: Partial<Record<keyof LedgerRows, unknown[]>> = {}, top: Record<string, unknown> = {}) =>
  JSON.stringify({ format: LEDGER_FORMAT, version: 1, exportedAt: '2025-01-02T03:04:05.000Z', tables: { ...sampleRows(), ...tables }, ...top });

/** `leaf` inside `depth` arrays. */
export function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function manyEvents(n: number) {
  return Array.from({ length: n }, (_, i) => ({ site: `s${i % 20}.test`, at: 1_000 + i, kind: 'consent.answer', data: { i } }));
}

function requestRow() {
  return {
    id: 'r1', site: 'shop.test', regime: 'gdpr', type: 'erasure', status: 'sent', createdAt: 1, sentAt: 1, dueAt: null, language: 'en',
    channel: null, contact: null, subject: 's', body: 'b', dueDate: null, extendedDueDate: null, history: [],
  };
}

export const HOSTILE_LEDGER_FILES: HostileFile[] = [
  { name: 'empty', text: () => '', match: { reason: 'empty' } },
  { name: 'truncated JSON', text: () => ledgerText().slice(0, 400), match: { reason: 'notJson' } },
  { name: 'binary garbage', text: () => String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), match: { reason: 'notJson' } },
  { name: 'NUL bytes around JSON', text: () => `\u0000${ledgerText()}\u0000`, match: { reason: 'notJson' } },
  { name: 'JSON that is not an object', text: () => '[1,2,3]', match: { reason: 'notLedger' } },
  { name: 'another format', text: () => ledgerText({}, { format: 'someone-else/ledger' }), match: { reason: 'notLedger' } },
  { name: 'a settings file', text: () => serializeSettings(defaultSettings()), match: { reason: 'settingsFile' } },
  { name: 'a newer version', text: () => ledgerText({}, { version: 2 }), match: { reason: 'newerVersion' } },
  { name: 'a version as text', text: () => ledgerText({}, { version: '1' }), match: { reason: 'badVersion' } },
  { name: '__proto__ at the top', text: () => ledgerText().replace('{', '{"__proto__":{"polluted":true},'), match: /__proto__/ },
  { name: 'constructor at the top', text: () => ledgerText({}, { constructor: { prototype: { polluted: true } } }), match: /constructor/ },
  {
    name: '__proto__ in a row',
    text: () => ledgerText({ sites: [{ ...sampleRows().sites[0], ['__proto__' as string]: 1 }] }).replace('"site":"shop.test"', '"__proto__":{"polluted":1},"site":"shop.test"'),
    match: /__proto__/,
  },
  { name: '__proto__ as a table', text: () => ledgerText().replace('"tables":{', '"tables":{"__proto__":[],'), match: /__proto__/ },
  { name: 'a string beyond its cap', text: () => ledgerText({ cookies: [cookie('shop.test', 'n'.repeat(1001), 1_000)] }), match: { reason: 'tooLong' } },
  {
    name: 'an array beyond its cap',
    text: () => ledgerText({ requests: [{ ...requestRow(), history: Array.from({ length: 1001 }, () => ({ status: 'sent', at: 1 })) }] }),
    match: { reason: 'tooMany' },
  },
  { name: 'event details beyond their size', text: () => ledgerText({ events: [{ site: 'a.test', at: 1, kind: 'x', data: 'd'.repeat(300 * 1024) }] }), match: { reason: 'tooBig' } },
  { name: 'deeply nested event details', text: () => ledgerText().replace('"data":{', `"data":{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)},`), match: { reason: 'tooDeep' } },
  {
    name: 'one level past the nesting cap',
    text: () => ledgerText({ events: [{ site: 'a.test', at: 1, kind: 'x', data: nested(MAX_EVENT_DATA_DEPTH + 1) }] }),
    match: { reason: 'tooDeep' },
  },
  {
    name: 'one wrong type among many valid rows',
    text: () => ledgerText({ events: [...manyEvents(500), { site: 'a.test', at: 'yesterday', kind: 'x', data: {} }, ...manyEvents(10)] }),
    match: /events\[500\]\.at/,
  },
  { name: 'a negative count', text: () => ledgerText({ sites: [{ ...sampleRows().sites[0], visits: -1 }] }), match: /visits/ },
  { name: 'a cookie whose id does not match it', text: () => ledgerText({ cookies: [{ ...sampleRows().cookies[0], id: 'held.test|x|y' }] }), match: { reason: 'idMismatch' } },
  {
    name: 'a table missing',
    text: () => JSON.stringify({ format: LEDGER_FORMAT, version: 1, exportedAt: '2025-01-02T03:04:05.000Z', tables: { sites: [] } }),
    match: { reason: 'missing' },
  },
];

/** A valid settings file: the defaults, onboarded, GPC off. */
export const validSettingsText = () => serializeSettings({ ...defaultSettings(), onboarded: true, gpc: false });

const editSettings = (change: (v: Record<string, unknown>) => void) => {
  const value = JSON.parse(validSettingsText()) as Record<string, unknown>;
  change(value);
  return JSON.stringify(value);
};

export const HOSTILE_SETTINGS_FILES: HostileFile[] = [
  { name: 'empty', text: () => '' },
  { name: 'truncated JSON', text: () => validSettingsText().slice(0, 60) },
  { name: 'binary garbage', text: () => String.fromCharCode(...Array.from({ length: 2048 }, (_, i) => (i * 104729 + 7) % 256)) },
  { name: 'a ledger file', text: () => ledgerText() },
  { name: 'another version', text: () => editSettings((v) => (v.version = 99)) },
  { name: '__proto__ at the top', text: () => validSettingsText().replace('{', '{"__proto__":{"polluted":true},') },
  {
    name: 'constructor at the top',
    text: () => editSettings((v) => Object.defineProperty(v, 'constructor', { value: { prototype: { polluted: true } }, enumerable: true })),
  },
  { name: '__proto__ as a site rule', text: () => validSettingsText().replace('"siteOverrides": {}', '"siteOverrides": {"__proto__": {"mode": "allowAll"}}') },
  { name: 'constructor as a site rule', text: () => validSettingsText().replace('"siteOverrides": {}', '"siteOverrides": {"constructor": {"mode": "off"}}') },
  { name: '__proto__ as a paused site', text: () => editSettings((v) => (v.pausedSites = ['__proto__'])) },
  { name: 'a string beyond its cap', text: () => editSettings((v) => ((v.identity as Record<string, unknown>).name = 'n'.repeat(201))) },
  { name: 'an array beyond its cap', text: () => editSettings((v) => (v.pausedSites = Array.from({ length: 10_001 }, (_, i) => `s${i}.test`))) },
  { name: 'a file past the size limit', text: () => editSettings((v) => (v.padding = 'p'.repeat(MAX_SETTINGS_FILE_BYTES))) },
  { name: 'deep nesting in an unknown field', text: () => validSettingsText().replace('{', `{"extra":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)},`) },
  { name: 'deep nesting past the parser', text: () => validSettingsText().replace('"gpc": false', `"gpc": ${'['.repeat(100_000)}${']'.repeat(100_000)}`) },
  { name: 'one wrong type', text: () => editSettings((v) => (v.gpc = 'no')) },
  { name: 'HTML as a site name', text: () => editSettings((v) => (v.pausedSites = ['<img src=x onerror=alert(1)>'])) },
];
