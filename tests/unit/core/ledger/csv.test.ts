import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, csvCells, csvLine, ledgerCsvPieces } from '../../../../core/ledger/csv';
import type { TablePages } from '../../../../core/ledger/ledgerJson';
import { dayOf as localDay } from '../../../../core/ledger/days';
import { retentionCutoff } from '../../../../core/ledger/retention';
import { summarizeEvent } from '../../../../core/ledger/summary';
import type { LedgerTable } from '../../../../core/ledger/tables';
import { sampleRows } from '../../../support/ledgerRows';

/** A small RFC 4180 reader, to prove what was written reads back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (quoted && ch === '"' && next === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      endCell();
    } else if (!quoted && ch === '\r' && next === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

describe('CSV', () => {
  it('quotes cells as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
  });

  it('keeps spreadsheets from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes one line per row of every table, with a BOM and the documented columns', async () => {
    const rows = sampleRows();
    rows.events.push({ site: 'news.test', at: 0, kind: 'x', data: { note: '=cmd|calc', n: 2, nested: { no: 1 } } });
    const pages = async function* (table: LedgerTable) { yield rows[table] as never; } as TablePages;
    let text = '';
    for await (const piece of ledgerCsvPieces(pages)) text += piece;
    expect(text.startsWith('\uFEFFtable,site,time,kind,summary,data\r\n')).toBe(true);
    const lines = readCsv(text.slice(1));
    expect(lines[0]).toEqual([...CSV_COLUMNS]);
    const total = Object.values(rows).reduce((n, list) => n + list.length, 0);
    expect(lines).toHaveLength(total + 1);
    expect(lines.every((l) => l.length === 6)).toBe(true);
    const event = lines.find((l) => l[3] === 'x')!;
    expect(event.slice(0, 5)).toEqual(['events', 'news.test', '1970-01-01T00:00:00.000Z', 'x', 'note: =cmd|calc, n: 2']);
    expect(JSON.parse(event[5]!)).toEqual(rows.events.at(-1));
    expect(lines.find((l) => l[0] === 'cookies' && l[4]!.startsWith('_ga'))![4]).toBe('_ga on shop.test, first party, analytics, kept 365 days, 1 time set, set against your refusal of analytics');
  });

  it('describes each table in plain words', () => {
    const rows = sampleRows();
    expect(csvCells('sites', rows.sites[0]!)[4]).toBe('4 visits, 2 third parties, 2 cookies, 1 cookie set against a refusal, forms asked for email');
    expect(csvCells('thirdParties', rows.thirdParties[0]!)[4]).toBe('tracker.example: 3 requests on 2024-05-01, Tracker Inc, advertising');
    expect(csvCells('requests', rows.requests[0]!).slice(2, 5)).toEqual(['1970-01-01T00:00:05.000Z', 'request', 'access request under gdpr: draft']);
    expect(summarizeEvent('consent.answer', { cmp: 'Klaro', outcome: 'respected', method: 'adapter' })).toBe('Klaro, respected, by adapter');
    expect(summarizeEvent('gpc.declaration', { declared: false })).toBe('does not declare Global Privacy Control');
    expect(summarizeEvent('odd', 'not an object')).toBe('');
  });
});

describe('retention', () => {
  it('computes the cutoff, or none for forever', () => {
    expect(retentionCutoff(100 * 86_400_000, 30)).toBe(70 * 86_400_000);
    expect(retentionCutoff(5, null)).toBeNull();
  });

  it('names a local calendar day', () => {
    expect(localDay(new Date(2024, 0, 5, 23, 59).getTime())).toBe('2024-01-05');
  });
});
