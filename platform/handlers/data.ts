import { browser } from 'wxt/browser';
import { database, eraseDatabase } from '../db';
import { forgetGpcChecks } from '../gpc/declaration';
import { tabContacts } from '../ledger/tabContacts';
import { forgetUnwritten } from '../ledger/unwritten';
import { sessionClear } from '../sessionStore';
import type { HandlerModule } from '../messaging/router';

export const dataHandlers: HandlerModule = {
  extension: {
    // Everything the extension holds: the database, every stored setting, and what this browser
    // session kept (the open tabs' answers and contacted parties, the sites checked for GPC, the
    // identity's key), and what was gathered and not yet written.
    'data.eraseAll': async () => {
      await forgetUnwritten(null);
      await eraseDatabase(database());
      await browser.storage.local.clear();
      tabContacts.forgetAll();
      forgetGpcChecks();
      await sessionClear();
      return { erased: true } as const;
    },
  },
};
