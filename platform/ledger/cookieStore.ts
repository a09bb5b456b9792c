import Dexie from 'dexie';
import { cookieId, flagLate, mergeCookie, type CookieObservation } from '../../core/ledger/cookies/merge';
import type { Refusal } from '../../core/ledger/cookies/refusal';
import type { CookieRecord, LedgerEvent } from '../../core/ledger/records';
import { updateSite, type LedgerDatabase } from '../db';

/** A row about to be written, and what it changes in its site's counters. */
interface RowChange {
  row: CookieRecord;
  isNew: boolean;
  newViolation: boolean;
}

/** The ledger event of a cookie's first violation. */
function violationEvent(row: CookieRecord): LedgerEvent {
  const v = row.violation!;
  return {
    site: row.site,
    at: v.at,
    kind: 'cookie.violation',
    data: { name: row.name, domain: row.domain, purpose: v.purpose, refusedAt: v.refusedAt, firstParty: row.firstParty },
  };
}

/** Writes rows, their violation events and their sites' counters, inside the caller's transaction. */
async function apply(db: LedgerDatabase, changes: RowChange[]): Promise<void> {
  if (changes.length === 0) return;
  await db.cookies.bulkPut(changes.map((c) => c.row));
  const events = changes.filter((c) => c.newViolation).map((c) => violationEvent(c.row));
  if (events.length) await db.events.bulkAdd(events);
  const perSite = new Map<string, { at: number; cookies: number; violations: number }>();
  for (const { row, isNew, newViolation } of changes) {
    const count = perSite.get(row.site) ?? { at: row.lastSetAt, cookies: 0, violations: 0 };
    count.at = Math.max(count.at, row.lastSetAt);
    count.cookies += isNew ? 1 : 0;
    count.violations += newViolation ? 1 : 0;
    perSite.set(row.site, count);
  }
  for (const [site, count] of perSite) {
    if (count.cookies === 0 && count.violations === 0) continue;
    await updateSite(db, site, count.at, (s) => {
      s.cookies += count.cookies;
      s.violations += count.violations;
    });
  }
}

/**
 * Records a burst of cookie settings in one transaction: one row per site,
 * domain and name; a site's `cookies` counter grows when a row is new, its
 * `violations` counter and the `cookie.violation` event when a row first
 * breaks a refusal.
 */
export async function recordCookies(db: LedgerDatabase, seen: CookieObservation[], refusalOf: (site: string) => Refusal | null): Promise<void> {
  if (seen.length === 0) return;
  await db.transaction('rw', [db.cookies, db.sites, db.events], async () => {
    const rows = new Map<string, RowChange & { before: CookieRecord | undefined }>();
    const ids = [...new Set(seen.map((s) => cookieId(s.site, s.domain, s.name)))];
    const stored = await db.cookies.bulkGet(ids);
    ids.forEach((id, i) => {
      const before = stored[i];
      if (before) rows.set(id, { row: before, before, isNew: false, newViolation: false });
    });
    for (const s of [...seen].sort((a, b) => a.at - b.at)) {
      const id = cookieId(s.site, s.domain, s.name);
      const current = rows.get(id);
      const row = mergeCookie(current?.row, s, refusalOf(s.site));
      rows.set(id, { row, before: current?.before, isNew: !current?.before, newViolation: !!row.violation && !current?.before?.violation });
    }
    await apply(db, [...rows.values()]);
  });
}

/**
 * A refusal was just recorded on a site: cookies of that site last set after
 * it (while the answer was still being verified) break it too.
 */
export async function flagCookiesAfter(db: LedgerDatabase, site: string, refusal: Refusal): Promise<void> {
  await db.transaction('rw', [db.cookies, db.sites, db.events], async () => {
    const later = await db.cookies.where('[site+lastSetAt]').between([site, refusal.at], [site, Dexie.maxKey], false, true).toArray();
    const changes = later.flatMap((row) => {
      const flagged = flagLate(row, refusal);
      return flagged ? [{ row: flagged, isNew: false, newViolation: true }] : [];
    });
    await apply(db, changes);
  });
}
