import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PolicyChangedData } from '../../../../core/ledger/eventData';
import { fileRow } from '../../../../core/ledger/tables';
import { parseLedgerFile } from '../../../../core/ledger/exportFormat';
import { LedgerDatabase } from '../../../../platform/db';
import { eraseSite } from '../../../../platform/ledger/eraseSite';
import { importLedger } from '../../../../platform/ledger/import';
import { exportLedger } from '../../../../platform/ledger/export';
import { lastAttemptAt, lastFailure, latestVersion, markSeen, saveFailure, saveVersion, sha256Hex } from '../../../../platform/policy/policyStore';
import { field, fullSummary, quote } from '../../../support/policySummary';

let db: LedgerDatabase;
beforeEach(() => {
  db = new LedgerDatabase(`policy-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const v1 = fullSummary();
const v2 = fullSummary({ sale: field('sells', [quote('We sell your personal information')]) });

describe('policy versions', () => {
  it('keeps the first version with a policy.read event, already seen', async () => {
    expect(await saveVersion(db, 'shop.test', 'https://shop.test/privacy', 'text one', v1, 1000)).toBe('first');
    const [row] = await db.policies.toArray();
    expect(row).toMatchObject({ site: 'shop.test', hash: await sha256Hex('text one'), status: 'ok', changes: null, seenAt: 1000, language: 'en', summaryVersion: v1.version });
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    const events = await db.events.toArray();
    expect(events).toEqual([expect.objectContaining({ site: 'shop.test', at: 1000, kind: 'policy.read', data: { url: 'https://shop.test/privacy', hash: row!.hash, language: 'en' } })]);
  });

  it('only moves checkedAt when the same text is read again', async () => {
    await saveVersion(db, 'shop.test', 'https://shop.test/privacy', 'text one', v1, 1000);
    expect(await saveVersion(db, 'shop.test', 'https://shop.test/privacy', 'text one', v1, 5000)).toBe('unchanged');
    expect(await db.policies.count()).toBe(1);
    expect((await latestVersion(db, 'shop.test'))!.checkedAt).toBe(5000);
    expect(await db.events.count()).toBe(1);
    expect(await lastAttemptAt(db, 'shop.test')).toBe(5000);
  });

  it('replaces the summary of the same text when the extractors have a new version', async () => {
    await saveVersion(db, 'shop.test', 'https://shop.test/privacy', 'text one', { ...v1, version: v1.version - 1 }, 1000);
    expect(await saveVersion(db, 'shop.test', 'https://shop.test/privacy', 'text one', v2, 2000)).toBe('unchanged');
    const row = (await latestVersion(db, 'shop.test'))!;
    expect([row.summaryVersion, row.summary!.sale.value]).toEqual([v2.version, 'sells']);
    // Same extractors, same text: the stored summary stands.
    await saveVersion(db, 'shop.test', 'https://shop.test/privacy', 'text one', v1, 3000);
    expect((await latestVersion(db, 'shop.test'))!.summary!.sale.value).toBe('sells');
  });

  it('adds a changed text as a new version with what changed, a policy.changed event, and an unseen notice', async () => {
    await saveVersion(db, 'shop.test', 'https://shop.test/privacy', 'text one', v1, 1000);
    expect(await saveVersion(db, 'shop.test', 'https://shop.test/privacy', 'text two', v2, 2000)).toBe('changed');
    const rows = await db.policies.orderBy('id').toArray();
    expect(rows).toHaveLength(2);
    expect(rows[1]!.seenAt).toBeNull();
    expect(rows[1]!.changes!.map((c) => c.field)).toContain('sale');
    const changed = (await db.events.where('[kind+at]').equals(['policy.changed', 2000]).first())!;
    const data = changed.data as PolicyChangedData;
    expect(data.previousHash).toBe(rows[0]!.hash);
    expect(data.changes).toEqual(rows[1]!.changes);
    await markSeen(db, 'shop.test', 3000);
    expect((await latestVersion(db, 'shop.test'))!.seenAt).toBe(3000);
  });

  it('keeps one failure row per site, replaced by the next failure and dropped by a success', async () => {
    await saveFailure(db, 'shop.test', 'https://shop.test/privacy', 'notFound', 'HTTP 404', 1000);
    await saveFailure(db, 'shop.test', 'https://shop.test/privacy', 'timeout', null, 2000);
    expect(await db.policies.toArray()).toEqual([expect.objectContaining({ status: 'timeout', hash: '', text: '', checkedAt: 2000 })]);
    expect((await lastFailure(db, 'shop.test'))!.status).toBe('timeout');
    expect(await lastAttemptAt(db, 'shop.test')).toBe(2000);
    await saveVersion(db, 'shop.test', 'https://shop.test/privacy', 'text one', v1, 3000);
    expect((await db.policies.toArray()).map((r) => r.status)).toEqual(['ok']);
    expect(await lastFailure(db, 'shop.test')).toBeNull();
  });

  it('has no attempt for a site never read', async () => {
    expect(await lastAttemptAt(db, 'new.test')).toBeNull();
    expect(await latestVersion(db, 'new.test')).toBeNull();
  });
});

describe('policy rows and the rest of the ledger', () => {
  it('survive an export and import, and erasing the site removes them', async () => {
    await saveVersion(db, 'shop.test', 'https://shop.test/privacy', 'text one', v1, 1000);
    await saveVersion(db, 'shop.test', 'https://shop.test/privacy', 'text two', v2, 2000);
    await saveVersion(db, 'other.test', 'https://other.test/privacy', 'other', v1, 1500);
    const file = await exportLedger(db, 'json');
    const parsed = parseLedgerFile(file.parts.join(''));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const fresh = new LedgerDatabase(`policy-import-${Math.random()}`);
    try {
      const result = await importLedger(fresh, parsed.file);
      expect(result.added.policies).toBe(3);
      const strip = (rows: unknown[]) => rows.map((r) => fileRow('policies', r as never)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(strip(await fresh.policies.toArray())).toEqual(strip(await db.policies.toArray()));
      expect((await importLedger(fresh, parsed.file)).added.policies).toBe(0);
    } finally {
      fresh.close();
      await fresh.delete();
    }
    await eraseSite(db, 'shop.test');
    expect((await db.policies.toArray()).map((r) => r.site)).toEqual(['other.test']);
  });

  it('an older file without the reader\'s fields still imports', () => {
    const text = JSON.stringify({
      format: 'privacy-ledger/ledger', version: 1, exportedAt: '2025-03-04T05:06:07.000Z',
      tables: { sites: [], events: [], cookies: [], thirdParties: [], requests: [], policies: [{ site: 'shop.test', url: 'https://shop.test/p', fetchedAt: 1, hash: 'ab', text: 'x' }] },
    });
    expect(parseLedgerFile(text).ok).toBe(true);
  });

  it('refuses a policy row whose summary is not a summary', () => {
    const text = JSON.stringify({
      format: 'privacy-ledger/ledger', version: 1, exportedAt: '2025-03-04T05:06:07.000Z',
      tables: { sites: [], events: [], cookies: [], thirdParties: [], requests: [], policies: [{ site: 'shop.test', url: 'https://shop.test/p', fetchedAt: 1, hash: 'ab', text: 'x', summary: 'nope' }] },
    });
    const parsed = parseLedgerFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.path).toContain('tables.policies[0].summary');
  });
});
