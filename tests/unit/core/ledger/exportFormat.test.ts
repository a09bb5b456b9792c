import { describe, expect, it } from 'vitest';
import { LEDGER_FORMAT, MAX_EVENT_DATA_CHARS, MAX_LEDGER_FILE_CHARS, parseLedgerFile } from '../../../../core/ledger/exportFormat';
import type { LedgerProblem } from '../../../../core/ledger/importProblems';
import { ledgerJsonPieces, type TablePages } from '../../../../core/ledger/ledgerJson';
import type { LedgerRows, LedgerTable } from '../../../../core/ledger/tables';
import { sampleRows } from '../../../support/ledgerRows';

/** Serves each table in pages of two rows, as the database reader does. */
function pagesOf(rows: LedgerRows): TablePages {
  return async function* (table: LedgerTable) {
    const all = rows[table] as unknown[];
    for (let i = 0; i < all.length; i += 2) yield all.slice(i, i + 2) as never;
  } as TablePages;
}

async function write(rows: LedgerRows, at = new Date('2025-03-04T05:06:07.000Z')): Promise<string> {
  let text = '';
  for await (const piece of ledgerJsonPieces(at, pagesOf(rows))) text += piece;
  return text;
}

function problemsOf(text: string): LedgerProblem[] {
  const result = parseLedgerFile(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

const reasons = (text: string) => problemsOf(text).map((p) => [p.path, p.reason]);

describe('ledger file', () => {
  it('writes every table and reads it back exactly', async () => {
    const rows = sampleRows();
    const text = await write(rows);
    expect(parseLedgerFile(text)).toEqual({ ok: true, file: { format: LEDGER_FORMAT, version: 1, exportedAt: '2025-03-04T05:06:07.000Z', tables: rows } });
    expect(text.split('\n').length).toBeGreaterThan(15);
  });

  it('writes empty tables as empty arrays', async () => {
    const empty: LedgerRows = { sites: [], events: [], cookies: [], thirdParties: [], policies: [], requests: [] };
    const text = await write(empty);
    expect(JSON.parse(text).tables).toEqual(empty);
    expect(parseLedgerFile(text).ok).toBe(true);
  });

  it('leaves the database ids of events and policies out of the file', async () => {
    const rows = sampleRows();
    const withIds = { ...rows, events: rows.events.map((e, i) => ({ ...e, id: i + 1 })), policies: rows.policies.map((p) => ({ ...p, id: 7 })) };
    const file = JSON.parse(await write(withIds as LedgerRows));
    expect(file.tables.events[0]).not.toHaveProperty('id');
    expect(file.tables.policies[0]).not.toHaveProperty('id');
    expect(file.tables.cookies[0].id).toBe('shop.test|shop.test|_ga');
  });

  it('refuses text that is not a ledger file, saying why', async () => {
    expect(reasons('')).toEqual([['(file)', 'empty']]);
    expect(reasons((await write(sampleRows())).slice(0, 200))).toEqual([['(file)', 'notJson']]);
    expect(reasons('[1]')).toEqual([['(file)', 'notLedger']]);
    expect(reasons('{"format":"privacy-ledger/settings","version":2}')).toEqual([['(file)', 'settingsFile']]);
    expect(reasons('{"format":"privacy-ledger/ledger","version":"1"}')).toEqual([['version', 'badVersion']]);
    expect(problemsOf('{"format":"privacy-ledger/ledger","version":3}')).toEqual([expect.objectContaining({ path: 'version', reason: 'newerVersion', expected: '3' })]);
    expect(reasons(' '.repeat(MAX_LEDGER_FILE_CHARS + 1))).toEqual([['(file)', 'tooLarge']]);
  });

  it('names every bad row by table, index and field', async () => {
    const file = JSON.parse(await write(sampleRows()));
    file.tables.events[2].at = 'yesterday';
    delete file.tables.sites[1].visits;
    file.tables.cookies[0].purpose = 'tracking';
    file.tables.cookies[1].id = 'someone-else|x|y';
    file.tables.thirdParties[0].extra = 1;
    file.tables.events[0].data = 'x'.repeat(MAX_EVENT_DATA_CHARS);
    delete file.tables.events[1].data;
    file.surprise = true;
    expect(problemsOf(JSON.stringify(file))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'tables.events[2].at', reason: 'wrongType', expected: 'number' }),
        expect.objectContaining({ path: 'tables.sites[1].visits', reason: 'missing' }),
        expect.objectContaining({ path: 'tables.cookies[0].purpose', reason: 'notAllowed' }),
        expect.objectContaining({ path: 'tables.cookies[1].id', reason: 'idMismatch' }),
        expect.objectContaining({ path: 'tables.thirdParties[0].extra', reason: 'unknownField' }),
        expect.objectContaining({ path: 'tables.events[0].data', reason: 'tooBig' }),
        expect.objectContaining({ path: 'tables.events[1].data', reason: 'missing' }),
        expect.objectContaining({ path: 'surprise', reason: 'unknownField' }),
      ]),
    );
    expect(problemsOf(JSON.stringify(file))).toHaveLength(8);
    expect(problemsOf(JSON.stringify(file))[0]!.message).toMatch(/^tables\./);
  });

  it('refuses a missing table and a time that is not whole milliseconds', async () => {
    const file = JSON.parse(await write(sampleRows()));
    delete file.tables.requests;
    file.tables.sites[0].firstSeen = 1.5;
    file.tables.sites[0].lastSeen = -1;
    expect(reasons(JSON.stringify(file))).toEqual(
      expect.arrayContaining([['tables.requests', 'missing'], ['tables.sites[0].firstSeen', 'wrongType'], ['tables.sites[0].lastSeen', 'invalidFormat']]),
    );
  });

  it('lists the first fifty problems and counts the rest', async () => {
    const rows = sampleRows();
    const many = { ...rows, events: Array.from({ length: 80 }, (_, i) => ({ site: 'a.test', at: i, kind: 'x', data: null, bad: true })) };
    const problems = problemsOf(await write(many as unknown as LedgerRows));
    expect(problems).toHaveLength(51);
    expect(problems[50]).toMatchObject({ path: '(file)', reason: 'moreProblems', expected: '30' });
  });
});
