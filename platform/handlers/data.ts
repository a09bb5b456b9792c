import { browser } from 'wxt/browser';
import { database, eraseDatabase } from '../db';
import type { HandlerModule } from '../messaging/router';

export const dataHandlers: HandlerModule = {
  extension: {
    // Everything the extension holds: the database and every stored setting.
    'data.eraseAll': async () => {
      await eraseDatabase(database());
      await browser.storage.local.clear();
      return { erased: true } as const;
    },
  },
};
