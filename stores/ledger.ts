import { create } from 'zustand';
import type { LedgerImportResult } from '../core/messaging/protocol';
import type { RetentionDays } from '../core/settings/schema';
import { database } from '../platform/db';
import { downloadParts } from '../platform/download';
import { exportLedger, type LedgerExportFormat } from '../platform/ledger/export';
import { send } from '../platform/messaging/client';
import { useSettingsStore } from './settings';

interface LedgerActions {
  /** Reads the database here, in the page, and saves the file; the background is not involved. */
  exportLedger: (format: LedgerExportFormat) => Promise<void>;
  /** The background parses the file whole and merges it in one transaction, or refuses it. */
  importLedger: (text: string) => Promise<LedgerImportResult>;
  /** Erases every record of one site (the Site page's "Erase this site"). */
  eraseSite: (site: string) => Promise<void>;
  setRetention: (days: RetentionDays) => Promise<void>;
}

export const useLedgerStore = create<LedgerActions>(() => ({
  exportLedger: async (format) => {
    const file = await exportLedger(database(), format);
    downloadParts(file.filename, file.parts, file.type);
  },
  importLedger: (text) => send('ledger.import', { text }),
  eraseSite: async (site) => void (await send('ledger.eraseSite', { site })),
  // Saving the setting is enough: the background prunes when it changes.
  setRetention: async (days) => {
    const { settings, save } = useSettingsStore.getState();
    if (settings) await save({ ...settings, ledgerRetentionDays: days });
  },
}));
