import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LEDGER_FORMAT, MAX_EVENT_DATA_DEPTH, MAX_LEDGER_FILE_CHARS, parseLedgerFile } from '../../../core/ledger/exportFormat';
import { LEDGER_TABLES, type LedgerRows } from '../../../core/ledger/tables';
import { defaultSettings } from '../../../core/settings/defaults';
import { serializeSettings, MAX_SETTINGS_FILE_BYTES } from '../../../core/settings/file';
import { database, eraseDatabase } from '../../../platform/db';
import { ledgerHandlers } from '../../../platform/handlers/ledger';
import { settingsHandlers } from '../../../platform/handlers/settings';
import type { CallerContext } from '../../../platform/messaging/router';
import { saveSettings } from '../../../platform/settingsStorage';
import { cookie, sampleRows } from '../../support/ledgerRows';

/**
 * Hostile import files, as a set, through the real handlers: each is refused
 * whole with a problem list that says why, and changes nothing (every table and
 * both storage areas compared), or is valid and imported exactly.
 */
const caller = { sender: {}, tabId: null, frameId: null } as CallerContext;
type Refused = { ok: false; problems: { message?: string; kind?: string; path?: string; reason?: string }[] };
const importLedger = (text: string) => ledgerHandlers.extension!['ledger.import']!({ text }, caller) as Promise<{ ok: true; added: Record<string, number> } | Refused>;
const importSettings = (text: string) => settingsHandlers.extension!['settings.import']!({ text }, caller) as Promise<{ ok: true } | Refused>;

const held = { site: 'held.test' };
const ledgerText = (tables: Partial<Record<keyof LedgerRows, unknown[]>> = {}, top: Record<string, unknown> = {}) =>
  JSON.stringify({ format: LEDGER_FORMAT, version: 1, exportedAt: '2025-01-02T03:04:05.000Z', tables: { ...sampleRows(), ...tables }, ...top });

async function everything() {
  const db = database();
  const tables: Record<string, unknown[]> = {};
  for (const table of LEDGER_TABLES) tables[table] = await db.table(table).toArray();
  return { tables, local: await fakeBrowser.storage.local.get(null), session: await fakeBrowser.storage.session.get(null) };
}

const prototypeUntouched = () => {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.x).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
};

async function expectRefused(result: Promise<unknown>, before: Awaited<ReturnType<typeof everything>>, match?: RegExp | { reason: string }) {
  const outcome = (await result) as Refused;
  expect(outcome.ok).toBe(false);
  expect(outcome.problems.length).toBeGreaterThan(0);
  if (match instanceof RegExp) expect(outcome.problems.map((p) => p.message ?? p.kind).join('\n')).toMatch(match);
  else if (match) expect(outcome.problems.map((p) => p.reason ?? p.kind)).toContain(match.reason);
  expect(await everything()).toEqual(before);
  prototypeUntouched();
}

beforeEach(async () => {
  await saveSettings({ ...defaultSettings(), onboarded: true, pausedSites: ['held.test'] });
  await database().sites.put({ ...sampleRows().sites[0]!, ...held });
});
afterEach(async () => {
  await eraseDatabase(database());
});

describe('hostile ledger files', () => {
  it('the valid base file is accepted (so every refusal below is the hostile part)', async () => {
    const outcome = await importLedger(ledgerText());
    expect(outcome.ok).toBe(true);
    expect(await database().cookies.count()).toBe(sampleRows().cookies.length);
  });

  const cases: [string, () => string, RegExp | { reason: string }][] = [
    ['empty', () => '', { reason: 'empty' }],
    ['truncated JSON', () => ledgerText().slice(0, 400), { reason: 'notJson' }],
    ['binary garbage', () => String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), { reason: 'notJson' }],
    ['NUL bytes around JSON', () => `\u0000${ledgerText()}\u0000`, { reason: 'notJson' }],
    ['JSON that is not an object', () => '[1,2,3]', { reason: 'notLedger' }],
    ['another format', () => ledgerText({}, { format: 'someone-else/ledger' }), { reason: 'notLedger' }],
    ['a settings file', () => serializeSettings(defaultSettings()), { reason: 'settingsFile' }],
    ['a newer version', () => ledgerText({}, { version: 2 }), { reason: 'newerVersion' }],
    ['a version as text', () => ledgerText({}, { version: '1' }), { reason: 'badVersion' }],
    ['__proto__ at the top', () => ledgerText().replace('{', '{"__proto__":{"polluted":true},'), /__proto__/],
    ['constructor at the top', () => ledgerText({}, { constructor: { prototype: { polluted: true } } }), /constructor/],
    ['__proto__ in a row', () => ledgerText({ sites: [{ ...sampleRows().sites[0], ['__proto__' as string]: 1 }] }).replace('"site":"shop.test"', '"__proto__":{"polluted":1},"site":"shop.test"'), /__proto__/],
    ['__proto__ as a table', () => ledgerText().replace('"tables":{', '"tables":{"__proto__":[],'), /__proto__/],
    ['a string beyond its cap', () => ledgerText({ cookies: [cookie('shop.test', 'n'.repeat(1001), 1_000)] }), { reason: 'tooLong' }],
    ['an array beyond its cap', () => ledgerText({ requests: [{ ...requestRow(), history: Array.from({ length: 1001 }, () => ({ status: 'sent', at: 1 })) }] }), { reason: 'tooMany' }],
    ['event details beyond their size', () => ledgerText({ events: [{ site: 'a.test', at: 1, kind: 'x', data: 'd'.repeat(300 * 1024) }] }), { reason: 'tooBig' }],
    ['deeply nested event details', () => ledgerText().replace('"data":{', `"data":{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)},`), { reason: 'tooDeep' }],
    ['one level past the nesting cap', () => ledgerText({ events: [{ site: 'a.test', at: 1, kind: 'x', data: nested(MAX_EVENT_DATA_DEPTH + 1) }] }), { reason: 'tooDeep' }],
    ['one wrong type among many valid rows', () => ledgerText({ events: [...manyEvents(500), { site: 'a.test', at: 'yesterday', kind: 'x', data: {} }, ...manyEvents(10)] }), /events\[500\]\.at/],
    ['a negative count', () => ledgerText({ sites: [{ ...sampleRows().sites[0], visits: -1 }] }), /visits/],
    ['a cookie whose id does not match it', () => ledgerText({ cookies: [{ ...sampleRows().cookies[0], id: 'held.test|x|y' }] }), { reason: 'idMismatch' }],
    ['a table missing', () => JSON.stringify({ format: LEDGER_FORMAT, version: 1, exportedAt: '2025-01-02T03:04:05.000Z', tables: { sites: [] } }), { reason: 'missing' }],
  ];

  for (const [name, file, match] of cases) {
    it(`refuses ${name} whole and changes nothing`, async () => {
      const before = await everything();
      await expectRefused(importLedger(file()), before, match);
    });
  }

  it('refuses a file past the size limit before reading it', () => {
    const outcome = parseLedgerFile(' '.repeat(MAX_LEDGER_FILE_CHARS + 1));
    expect(outcome).toMatchObject({ ok: false, problems: [{ reason: 'tooLarge' }] });
  });

  it('accepts nesting up to the cap', async () => {
    const outcome = await importLedger(ledgerText({ events: [{ site: 'a.test', at: 1, kind: 'x', data: nested(MAX_EVENT_DATA_DEPTH) }] }));
    expect(outcome.ok).toBe(true);
  });

  it('accepts a BOM-prefixed file exactly as the same file without it', async () => {
    const outcome = await importLedger(`\uFEFF${ledgerText()}`);
    expect(outcome).toMatchObject({ ok: true, added: { cookies: sampleRows().cookies.length, events: sampleRows().events.length } });
  });

  it('keeps HTML and script in strings as inert text, stored exactly', async () => {
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const row = cookie('shop.test', html, 1_000, { domain: 'shop.test' });
    const outcome = await importLedger(ledgerText({ cookies: [row], events: [{ site: 'shop.test', at: 7, kind: html, data: { note: html } }] }));
    expect(outcome.ok).toBe(true);
    expect((await database().cookies.get(row.id))?.name).toBe(html);
    expect((await database().events.where('[site+at]').equals(['shop.test', 7]).first())?.data).toEqual({ note: html });
  });

  it('stores __proto__ inside event details as an ordinary key, polluting nothing', async () => {
    const text = ledgerText().replace('"data":{', '"data":{"__proto__":{"polluted":true},');
    const outcome = await importLedger(text);
    expect(outcome.ok).toBe(true);
    const stored = (await database().events.toArray()).find((e) => Object.prototype.hasOwnProperty.call(e.data, '__proto__'));
    expect(stored).toBeDefined();
    expect(Object.getPrototypeOf(stored!.data)).toBe(Object.prototype);
    prototypeUntouched();
  });

  it('merges duplicate ids in one file into one row, whichever order they come in', async () => {
    const first = cookie('dup.test', 'a', 1_000, { times: 1 });
    const second = cookie('dup.test', 'a', 5_000, { times: 2 });
    const outcome = await importLedger(ledgerText({ cookies: [first, second] }));
    expect(outcome).toMatchObject({ ok: true, added: { cookies: 1 } });
    const forward = await database().cookies.get(first.id);
    await eraseDatabase(database());
    await importLedger(ledgerText({ cookies: [second, first] }));
    expect(await database().cookies.get(first.id)).toEqual(forward);
    expect(forward).toMatchObject({ firstSetAt: 1_000, lastSetAt: 5_000 });
  });
});

describe('hostile settings files', () => {
  const valid = () => serializeSettings({ ...defaultSettings(), onboarded: true, gpc: false });
  const edit = (change: (v: Record<string, unknown>) => void) => {
    const value = JSON.parse(valid()) as Record<string, unknown>;
    change(value);
    return JSON.stringify(value);
  };

  const cases: [string, () => string][] = [
    ['empty', () => ''],
    ['truncated JSON', () => valid().slice(0, 60)],
    ['binary garbage', () => String.fromCharCode(...Array.from({ length: 2048 }, (_, i) => (i * 104729 + 7) % 256))],
    ['a ledger file', () => ledgerText()],
    ['another version', () => edit((v) => (v.version = 99))],
    ['__proto__ at the top', () => valid().replace('{', '{"__proto__":{"polluted":true},')],
    ['constructor at the top', () => edit((v) => Object.defineProperty(v, 'constructor', { value: { prototype: { polluted: true } }, enumerable: true }))],
    ['__proto__ as a site rule', () => valid().replace('"siteOverrides": {}', '"siteOverrides": {"__proto__": {"mode": "allowAll"}}')],
    ['constructor as a site rule', () => valid().replace('"siteOverrides": {}', '"siteOverrides": {"constructor": {"mode": "off"}}')],
    ['__proto__ as a paused site', () => edit((v) => (v.pausedSites = ['__proto__']))],
    ['a string beyond its cap', () => edit((v) => ((v.identity as Record<string, unknown>).name = 'n'.repeat(201)))],
    ['an array beyond its cap', () => edit((v) => (v.pausedSites = Array.from({ length: 10_001 }, (_, i) => `s${i}.test`)))],
    ['a file past the size limit', () => edit((v) => (v.padding = 'p'.repeat(MAX_SETTINGS_FILE_BYTES)))],
    ['deep nesting in an unknown field', () => valid().replace('{', `{"extra":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)},`)],
    ['deep nesting past the parser', () => valid().replace('"gpc": false', `"gpc": ${'['.repeat(100_000)}${']'.repeat(100_000)}`)],
    ['one wrong type', () => edit((v) => (v.gpc = 'no'))],
    ['HTML as a site name', () => edit((v) => (v.pausedSites = ['<img src=x onerror=alert(1)>']))],
  ];

  for (const [name, file] of cases) {
    it(`refuses ${name} whole and changes nothing`, async () => {
      const text = file();
      expect(text).not.toBe(valid());
      const before = await everything();
      await expectRefused(importSettings(text), before);
    });
  }

  it('accepts the valid file, and the same file after a BOM', async () => {
    await expect(importSettings(valid())).resolves.toMatchObject({ ok: true, settings: { gpc: false } });
    await saveSettings({ ...defaultSettings(), onboarded: true });
    await expect(importSettings(`\uFEFF${valid()}`)).resolves.toMatchObject({ ok: true, settings: { gpc: false } });
  });
});

describe('text from files is rendered as text', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : /\.(tsx?|html)$/.test(name) ? [path] : [];
    });

  it('no extension page or component writes HTML from strings', () => {
    const files = [...sources('components'), ...sources('entrypoints'), ...sources('stores')];
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|createContextualFragment/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

function nested(depth: number): unknown {
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
