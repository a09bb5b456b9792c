import Dexie from 'dexie';
import type { ConsentRecord } from '../../core/consent/record';
import { refusalOf, type Refusal } from '../../core/ledger/cookies/refusal';
import type { LedgerDatabase } from '../db';

/**
 * Each site's latest answer, read from its `consent.answer` events newest
 * first and kept in memory; `forget` drops a site when a new answer is written or its records are erased.
 * A worker that wakes simply reads it again.
 */
export function createRefusals(db: LedgerDatabase) {
  const cache = new Map<string, Refusal | null>();

  async function read(site: string): Promise<Refusal | null> {
    let found: Refusal | null = null;
    await db.events
      .where('[site+at]')
      .between([site, Dexie.minKey], [site, Dexie.maxKey])
      .reverse()
      .until(() => found !== null)
      .each((event) => {
        if (event.kind === 'consent.answer' && !found) found = refusalOf(event.data as ConsentRecord, event.at);
      });
    return found;
  }

  return {
    /** The refusals of these sites, read once each. */
    async load(sites: Iterable<string>): Promise<(site: string) => Refusal | null> {
      for (const site of new Set(sites)) if (!cache.has(site)) cache.set(site, await read(site));
      return (site) => cache.get(site) ?? null;
    },
    async latest(site: string): Promise<Refusal | null> {
      return (await this.load([site]))(site);
    },
    /** Drops a site's answer (every site's, with null), to be read again when next needed. */
    forget(site: string | null): void {
      if (site === null) cache.clear();
      else cache.delete(site);
    },
  };
}

export type Refusals = ReturnType<typeof createRefusals>;
