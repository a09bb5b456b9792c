import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_EVENT_DATA_DEPTH, MAX_LEDGER_FILE_CHARS, parseLedgerFile } from '../../../core/ledger/exportFormat';
import { LEDGER_TABLES } from '../../../core/ledger/tables';
import { defaultSettings } from '../../../core/settings/defaults';
import { database, eraseDatabase } from '../../../platform/db';
import { ledgerHandlers } from '../../../platform/handlers/ledger';
import { settingsHandlers } from '../../../platform/handlers/settings';
import type { CallerContext } from '../../../platform/messaging/router';
import { saveSettings } from '../../../platform/settingsStorage';
import { HOSTILE_LEDGER_FILES, HOSTILE_SETTINGS_FILES, ledgerText, nested, validSettingsText } from '../../support/hostileImportFiles';
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


  for (const { name, text, match } of HOSTILE_LEDGER_FILES) {
    it(`refuses ${name} whole and changes nothing`, async () => {
      const before = await everything();
      await expectRefused(importLedger(text()), before, match);
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
  const valid = validSettingsText;

  for (const { name, text: file } of HOSTILE_SETTINGS_FILES) {
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
