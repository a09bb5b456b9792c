import { handleAutoconsent } from '../consent/engine';
import { readConsent } from '../consent/tabConsent';
import type { HandlerModule } from '../messaging/router';

export const consentHandlers: HandlerModule = {
  content: {
    'consent.ac': ({ message }, caller) => {
      if (caller.tabId === null) return null;
      return handleAutoconsent(message, { tabId: caller.tabId, frameId: caller.frameId ?? 0, url: caller.sender.url ?? '' });
    },
  },
  extension: {
    'consent.status': ({ tabId }) => readConsent(tabId),
  },
};
