import type { TablePages } from '../../core/ledger/ledgerJson';
import type { LedgerDatabase } from '../db';

/** Rows per read: enough to be quick, few enough that a million events never sit in memory at once. */
export const PAGE_SIZE = 5000;

/**
 * Reads each table in primary-key order, one page per read, each page starting
 * after the last key of the one before. Extension pages may read the database
 * directly; only the background writes it.
 */
export function tablePages(db: LedgerDatabase, pageSize = PAGE_SIZE): TablePages {
  return async function* (name) {
    const table = db.table(name);
    const keyOf = (row: Record<string, unknown>) => row[table.schema.primKey.keyPath as string] as string | number;
    let page = await table.orderBy(':id').limit(pageSize).toArray();
    while (page.length) {
      yield page;
      if (page.length < pageSize) return;
      page = await table.where(':id').above(keyOf(page.at(-1))).limit(pageSize).toArray();
    }
  } as TablePages;
}
