import { browser } from 'wxt/browser';
import { database, eraseDatabase } from '../db';
import { forgetHeld } from '../ledger/forgetHeld';
import type { HandlerModule } from '../messaging/router';

export const dataHandlers: HandlerModule = {
  extension: {
    // Everything the extension holds: what the background keeps about every site outside the
    // database (the browser session's state, rows not yet written), the database, every stored setting.
    'data.eraseAll': async () => {
      await forgetHeld(null);
      await eraseDatabase(database());
      await browser.storage.local.clear();
      return { erased: true } as const;
    },
  },
};
