import { parseLedgerFile } from '../../core/ledger/exportFormat';
import { database } from '../db';
import { eraseSite } from '../ledger/eraseSite';
import { importLedger } from '../ledger/import';
import type { HandlerModule } from '../messaging/router';

/** The ledger as a whole: erase a site, import a file. */
export const ledgerHandlers: HandlerModule = {
  extension: {
    'ledger.eraseSite': async ({ site }) => {
      await eraseSite(database(), site);
      return { erased: true } as const;
    },
    // Parsed whole before anything is written; the merge is one transaction, so a refused or failed file changes nothing.
    'ledger.import': async ({ text }) => {
      const parsed = parseLedgerFile(text);
      if (!parsed.ok) return parsed;
      return { ok: true, ...(await importLedger(database(), parsed.file)) };
    },
  },
};
