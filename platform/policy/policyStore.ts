import type { PolicyChangedData, PolicyReadData } from '../../core/ledger/eventData';
import type { PolicyRecord, PolicyStatus } from '../../core/ledger/records';
import { diffSummaries } from '../../core/policy';
import type { PolicySummary } from '../../core/policy/types';
import type { LedgerDatabase } from '../db';
import { siteRows } from '../ledger/siteRows';

/** SHA-256 of the text, hex: a version's identity. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export type SaveOutcome = 'first' | 'changed' | 'unchanged';

/** The site's policy rows, oldest first. */
const rowsOf = (db: LedgerDatabase, site: string) => siteRows(db, site).policies.toArray();
/** A row holding a text that was read (rows without a status predate failures being kept). */
export const isVersion = (row: PolicyRecord): boolean => (row.status ?? 'ok') === 'ok';

/** The site's latest version read, or null. */
export async function latestVersion(db: LedgerDatabase, site: string): Promise<PolicyRecord | null> {
  const rows = await rowsOf(db, site);
  return rows.filter(isVersion).at(-1) ?? null;
}

/** The site's last failed attempt at a policy address (not a page without a link), if any. */
export async function lastFailure(db: LedgerDatabase, site: string): Promise<PolicyRecord | null> {
  const rows = await rowsOf(db, site);
  return rows.find((row) => !isVersion(row) && row.status !== 'noLink' && row.url) ?? null;
}

/**
 * When the site's policy was last tried, read or not (the reading period
 * counts from here). Asked at every page load, so it reads only the site's
 * two newest rows: the latest version (whose `checkedAt` moves) and a failure
 * after it, if any.
 */
export async function lastAttemptAt(db: LedgerDatabase, site: string): Promise<number | null> {
  const rows = await siteRows(db, site).policies.reverse().limit(2).toArray();
  return rows.reduce<number | null>((at, row) => Math.max(at ?? 0, row.checkedAt ?? row.fetchedAt), null);
}

/**
 * Keeps a version read from `url`. The same text as the latest version only
 * moves its `checkedAt`; a new text is a new row, with a `policy.read` (the
 * site's first) or `policy.changed` event (with what changed in the extracted
 * fields) in the same transaction. A failed attempt left from before goes.
 */
export async function saveVersion(
  db: LedgerDatabase, site: string, url: string, text: string, summary: PolicySummary, now: number,
): Promise<SaveOutcome> {
  const hash = await sha256Hex(text);
  return db.transaction('rw', db.policies, db.events, async () => {
    const rows = await rowsOf(db, site);
    await dropFailures(db, rows);
    const latest = rows.filter(isVersion).at(-1);
    if (latest && latest.hash === hash) {
      // Newer extractors read the same text better: the stored summary follows them.
      const reread = latest.summaryVersion !== summary.version ? { summary, summaryVersion: summary.version, language: summary.language } : {};
      await db.policies.update(latest.id!, { checkedAt: now, url, ...reread });
      return 'unchanged';
    }
    const previous = latest?.summary ?? null;
    const changes = latest ? (previous ? diffSummaries(previous, summary) : []) : null;
    await db.policies.add({
      site, url, fetchedAt: now, hash, text, status: 'ok', checkedAt: now, language: summary.language,
      summary, summaryVersion: summary.version, changes, seenAt: latest ? null : now, detail: null,
    });
    const base: PolicyReadData = { url, hash, language: summary.language };
    if (!latest) {
      await db.events.add({ site, at: now, kind: 'policy.read', data: base });
      return 'first';
    }
    const data: PolicyChangedData = { ...base, previousHash: latest.hash, changes: changes ?? [] };
    await db.events.add({ site, at: now, kind: 'policy.changed', data });
    return 'changed';
  });
}

/** Records why the site's policy could not be read: one row per site, replacing the last failure. */
export async function saveFailure(db: LedgerDatabase, site: string, url: string, status: Exclude<PolicyStatus, 'ok'>, detail: string | null, now: number): Promise<void> {
  await db.transaction('rw', db.policies, async () => {
    await dropFailures(db, await rowsOf(db, site));
    await db.policies.add({ site, url, fetchedAt: now, hash: '', text: '', status, checkedAt: now, detail });
  });
}

async function dropFailures(db: LedgerDatabase, rows: PolicyRecord[]): Promise<void> {
  const failed = rows.filter((row) => !isVersion(row)).map((row) => row.id!);
  if (failed.length) await db.policies.bulkDelete(failed);
}

/** The user saw the site's "policy changed" notice. */
export async function markSeen(db: LedgerDatabase, site: string, now: number): Promise<void> {
  await db.transaction('rw', db.policies, async () => {
    const unseen = (await rowsOf(db, site)).filter((row) => isVersion(row) && row.seenAt === null);
    for (const row of unseen) await db.policies.update(row.id!, { seenAt: now });
  });
}
