import { LEDGER_FORMAT, LEDGER_VERSION } from './exportFormat';
import { fileRow, LEDGER_TABLES, type LedgerRow, type LedgerTable } from './tables';

/** Reads a table a page of rows at a time, so a large ledger is never all in memory as rows. */
export type TablePages = <T extends LedgerTable>(table: T) => AsyncIterable<(LedgerRow<T> & { id?: unknown })[]>;

/**
 * Writes the ledger file as pieces of text, one row per line, in the order
 * of `LEDGER_TABLES`. Joined, the pieces are the file `parseLedgerFile` reads.
 */
export async function* ledgerJsonPieces(exportedAt: Date, pages: TablePages): AsyncGenerator<string> {
  const head = { format: LEDGER_FORMAT, version: LEDGER_VERSION, exportedAt: exportedAt.toISOString() };
  yield `${JSON.stringify(head).slice(0, -1)},"tables":{`;
  for (const [index, table] of LEDGER_TABLES.entries()) {
    yield `${index ? ',' : ''}\n${JSON.stringify(table)}:[`;
    let first = true;
    for await (const page of pages(table)) {
      if (!page.length) continue;
      yield `${first ? '' : ','}\n${page.map((row) => JSON.stringify(fileRow(table, row))).join(',\n')}`;
      first = false;
    }
    yield first ? ']' : '\n]';
  }
  yield '\n}}\n';
}
