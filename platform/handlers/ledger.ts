import type { HandlerModule } from '../messaging/router';

/** The ledger as a whole: erase a site, import a file. */
export const ledgerHandlers: HandlerModule = {
  extension: {},
};
