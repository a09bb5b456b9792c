import { summarizeRow } from './summary';
import type { TablePages } from './ledgerJson';
import { fileRow, LEDGER_TABLES, type LedgerRow, type LedgerTable } from './tables';

/**
 * The ledger as one CSV file for spreadsheets (docs/data-model.md): every row
 * of every table is one line with the same six columns, so it sorts and
 * filters as one list. UTF-8 with a byte-order mark, CRLF line ends, RFC 4180
 * quoting.
 */
export const CSV_COLUMNS = ['table', 'site', 'time', 'kind', 'summary', 'data'] as const;

const BOM = '\uFEFF';

/**
 * One cell. Text a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) gets a leading apostrophe; a cell
 * with a quote, comma or line break is quoted, its quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** When each table's row happened, for the `time` column, and what to call it in `kind`. */
function timeAndKind<T extends LedgerTable>(table: T, row: LedgerRow<T>): [number, string] {
  switch (table) {
    case 'sites':
      return [(row as LedgerRow<'sites'>).lastSeen, 'site'];
    case 'events':
      return [(row as LedgerRow<'events'>).at, (row as LedgerRow<'events'>).kind];
    case 'cookies':
      return [(row as LedgerRow<'cookies'>).lastSetAt, 'cookie'];
    case 'thirdParties':
      return [(row as LedgerRow<'thirdParties'>).lastAt, 'thirdParty'];
    case 'policies':
      return [(row as LedgerRow<'policies'>).fetchedAt, 'policy'];
    case 'requests':
      return [(row as LedgerRow<'requests'>).createdAt, 'request'];
  }
  return [0, table];
}

/** The cells of one row: table, site, time in ISO 8601 UTC, kind, summary, the row as JSON. */
export function csvCells<T extends LedgerTable>(table: T, row: LedgerRow<T>): string[] {
  const [time, kind] = timeAndKind(table, row);
  return [table, row.site, new Date(time).toISOString(), kind, summarizeRow(table, row), JSON.stringify(row)];
}

/** The whole CSV file, as pieces of text. */
export async function* ledgerCsvPieces(pages: TablePages): AsyncGenerator<string> {
  yield BOM + csvLine(CSV_COLUMNS);
  for (const table of LEDGER_TABLES) {
    for await (const page of pages(table)) {
      if (page.length) yield page.map((row) => csvLine(csvCells(table, fileRow(table, row)))).join('');
    }
  }
}
