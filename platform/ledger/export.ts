import { ledgerCsvPieces } from '../../core/ledger/csv';
import { ledgerJsonPieces } from '../../core/ledger/ledgerJson';
import type { LedgerDatabase } from '../db';
import { tablePages } from './read';

export type LedgerExportFormat = 'json' | 'csv';

export interface LedgerExport {
  filename: string;
  type: string;
  /** The file's text in pieces, to go into a Blob without being joined first. */
  parts: string[];
}

/** The whole ledger as a file, read a page at a time. */
export async function exportLedger(db: LedgerDatabase, format: LedgerExportFormat, now = new Date()): Promise<LedgerExport> {
  const pages = tablePages(db);
  const pieces = format === 'json' ? ledgerJsonPieces(now, pages) : ledgerCsvPieces(pages);
  const parts: string[] = [];
  for await (const piece of pieces) parts.push(piece);
  return {
    filename: `privacy-ledger-ledger-${now.toISOString().slice(0, 10)}.${format}`,
    type: format === 'json' ? 'application/json' : 'text/csv;charset=utf-8',
    parts,
  };
}
